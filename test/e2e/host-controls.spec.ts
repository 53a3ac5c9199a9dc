import type { Page } from "@playwright/test";
import { joinBot, strategies } from "./live-bots";
import { expect, liveLobby, test, waitForLiveRound } from "./helpers";

// The host's controls during a game (issue 12): pause and resume (the projector and the phone show
// "Paused" and a clock that stands still; the phone refuses input), 30 more seconds, skip a round
// (after a confirmation saying its answers earn nothing), remove several players at once, in the
// lobby and from the leaderboard, and end the game early. One phone is a real page; the players to remove are socket bots.

const SHOTS = "/tmp/shots-room3";
const clock = (page: Page) => page.getByTestId("clock-seconds");
const secondsOn = async (page: Page) => Number(await clock(page).textContent());

/** The projector's page fits its screen: nothing to scroll at 1920×1080 and 1024×768, with the controls in the header. */
async function expectProjectorFits(host: Page, name: string) {
  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1024, height: 768 },
  ]) {
    await host.setViewportSize(viewport);
    await expect
      .poll(() => host.evaluate(() => document.documentElement.scrollHeight <= innerHeight && document.documentElement.scrollWidth <= innerWidth))
      .toBe(true);
    await host.screenshot({ path: `${SHOTS}/host-${name}-${viewport.width}.png` });
  }
}

test("the host pauses and resumes, adds 30 s, skips a round, removes selected players and ends the game", async ({ device, baseURL }) => {
  test.slow();
  const {
    host,
    code,
    phones: [ada],
  } = await liveLobby(device, ["Ada Lovelace"], { roundTime: "120 seconds" });
  const bots = await Promise.all(["Spam Bot", "Noise Bot", "Quiet Bot"].map((name) => joinBot(baseURL!, code, name, strategies.none)));
  await expect(host.getByTestId("player-count")).toHaveText("4 players");

  await test.step("the lobby: tick two players, remove them at once after a confirmation", async () => {
    const list = host.getByTestId("lobby-players");
    await list.getByRole("checkbox", { name: "Spam Bot", exact: true }).check();
    // By keyboard too: Space ticks the focused box.
    await list.getByRole("checkbox", { name: "Noise Bot", exact: true }).focus();
    await host.keyboard.press("Space");
    await expect(host.getByTestId("remove-selected")).toHaveText("Remove selected (2)");
    await host.screenshot({ path: `${SHOTS}/host-lobby-selected.png` });
    await host.getByTestId("remove-selected").click();
    const dialog = host.getByTestId("remove-dialog");
    await expect(dialog).toBeVisible();
    // Both names, in the order they joined (the bots join at once, so either order).
    await expect(dialog).toContainText(/Spam Bot, Noise Bot|Noise Bot, Spam Bot/);
    await expect(dialog).toContainText("Remove 2 players?");
    // The focus starts on Cancel, not on the removal.
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await dialog.getByRole("button", { name: "Remove them" }).click();
    await expect(host.getByTestId("player-count")).toHaveText("2 players");
    await expect(list).not.toContainText("Spam Bot");
    await expect(list).not.toContainText("Noise Bot");
    await expect(list).toContainText("Ada Lovelace");
    await expect(host.getByTestId("remove-selected")).toHaveText("Remove selected (0)");
  });

  await host.getByTestId("host-next").click(); // Start the game
  await expect(host.getByTestId("host-next")).toHaveText("Start now");
  await host.getByTestId("host-next").click();
  await expect(host.getByTestId("host-next")).toHaveText("End the round now");
  await waitForLiveRound(ada);

  await test.step("pause: the clock stands still on the projector and the phone, and the phone takes no input", async () => {
    await host.getByTestId("host-pause").click();
    await expect(host.getByTestId("paused-notice")).toHaveText(/Paused/);
    await expect(ada.getByTestId("paused-notice")).toBeVisible();
    await expect(host.getByTestId("host-pause")).toHaveAccessibleName("Resume");
    await expect(ada.getByTestId("live-submit")).toBeDisabled();
    await expect(ada.getByTestId("live-done")).toBeDisabled();
    await expect(ada.getByTestId("live-challenge")).toHaveAttribute("inert", "");
    const frozen = await secondsOn(host);
    expect(frozen).toBeGreaterThan(100);
    await expect(clock(ada)).toHaveText(String(frozen));
    await ada.screenshot({ path: `${SHOTS}/phone-paused.png` });
    await expectProjectorFits(host, "paused");
    // A clock that stands still can only be seen by letting time pass: 2.5 s, then the same number.
    await host.waitForTimeout(2_500);
    expect(await secondsOn(host)).toBe(frozen);
    expect(await secondsOn(ada)).toBe(frozen);

    // Resume by keyboard: the clock runs again from where it stood.
    await host.getByTestId("host-pause").focus();
    await host.keyboard.press("Enter");
    await expect(host.getByTestId("paused-notice")).toHaveCount(0);
    await expect(ada.getByTestId("paused-notice")).toHaveCount(0);
    await expect(ada.getByTestId("live-submit")).toBeEnabled();
    await expect(ada.getByTestId("live-challenge")).not.toHaveAttribute("inert");
    await expect.poll(() => secondsOn(host)).toBeLessThan(frozen);
    expect(await secondsOn(host)).toBeGreaterThan(frozen - 5); // it did not jump: the pause was not counted
  });

  await test.step("+30 s: both clocks gain thirty seconds", async () => {
    const before = await secondsOn(host);
    await host.getByRole("button", { name: "Add 30 seconds" }).click();
    await expect.poll(() => secondsOn(host)).toBeGreaterThanOrEqual(before + 25);
    await expect.poll(() => secondsOn(ada)).toBeGreaterThanOrEqual(before + 25);
  });

  await test.step("skip: a confirmation says the answers earn nothing; Esc keeps playing, confirming moves to round 2", async () => {
    await host.getByTestId("host-skip").click();
    const dialog = host.getByTestId("skip-dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("Skip round 1?");
    await expect(dialog).toContainText("earn nothing");
    await host.screenshot({ path: `${SHOTS}/host-skip-confirm.png` });
    await host.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(host.getByTestId("host-next")).toHaveText("End the round now");

    await host.getByTestId("host-skip").click();
    await dialog.getByRole("button", { name: "Skip the round" }).click();
    await expect(host.getByTestId("host-next")).toHaveText("Start now");
    await expect(host.getByText("Round 2: get ready")).toBeVisible();
    await expect(ada.getByTestId("me")).toContainText("Round 2 of 3");
    await expect(ada.getByText("Get ready")).toBeVisible();
  });

  await test.step("the leaderboard: the header's Players list removes the selected player", async () => {
    await host.getByTestId("host-next").click(); // Start now
    await expect(host.getByTestId("host-next")).toHaveText("End the round now");
    await host.getByTestId("host-next").click();
    await expect(host.getByTestId("host-next")).toHaveText("Show the leaderboard");
    await host.getByTestId("host-next").click();
    await expect(host.getByRole("heading", { name: "Leaderboard" })).toBeVisible();
    await host.getByTestId("host-players").click();
    const players = host.getByTestId("players-dialog");
    await players.getByRole("checkbox", { name: "Quiet Bot", exact: true }).check();
    await players.getByTestId("remove-selected").click();
    await host.getByTestId("remove-dialog").getByRole("button", { name: "Remove them" }).click();
    await expect(host.getByTestId("player-count")).toHaveText("1 player");
    await expect(players.getByTestId("lobby-players")).not.toContainText("Quiet Bot");
    await expect(ada.getByTestId("me")).toBeVisible(); // the one who stayed plays on
  });

  await test.step("end the game from round 3: a confirmation, then the podium on the projector and the phone", async () => {
    await host.keyboard.press("Escape"); // closes the Players list
    await expect(host.getByTestId("players-dialog")).toBeHidden();
    await host.getByTestId("host-next").click(); // Next round
    await expect(host.getByTestId("host-next")).toHaveText("Start now");
    await host.getByTestId("host-next").click();
    await expect(host.getByTestId("host-next")).toHaveText("End the round now");
    await host.getByTestId("host-end").click();
    const dialog = host.getByTestId("end-dialog");
    await expect(dialog).toContainText("End the game now?");
    await expect(dialog).toContainText("This round counts as it stands");
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await host.screenshot({ path: `${SHOTS}/host-end-confirm.png` });
    await dialog.getByRole("button", { name: "End the game" }).click();
    await expect(host.getByRole("heading", { name: "The podium" })).toBeVisible();
    await expect(host.getByTestId("host-next")).toHaveCount(0);
    await expect(host.getByTestId("host-end")).toHaveCount(0);
    await expect(ada.getByTestId("final-rank")).toHaveText("You finished #1 of 1");
  });

  for (const bot of bots) bot.close();
});
