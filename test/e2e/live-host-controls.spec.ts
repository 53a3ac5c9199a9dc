import type { Page } from "@playwright/test";
import { createLiveGame, expect, joinLiveGame, liveLobby, PHONE, PROJECTOR, test } from "./helpers";

// The host's controls in the lobby (remove a player, lock the room) and the join page's errors.
// Each test runs a projector and two or three phones beside the server on two cores: test.slow().

// (Next.js has its own, empty, role="alert" route announcer.)
const joinError = (page: Page) => page.locator("p.error[role=alert]");

/** Opens the QR link and waits at the nickname step. */
async function atNicknameStep(page: Page, code: string) {
  await page.goto(`/join?code=${code}`);
  await expect(page.getByLabel("Your nickname")).not.toHaveValue("");
}

async function tryNickname(page: Page, nickname: string) {
  await page.getByLabel("Your nickname").fill(nickname);
  await page.getByRole("button", { name: "Join", exact: true }).click();
}

test("a removed player stays out: after a reload, and under a new nickname from the same browser", async ({ device }) => {
  test.slow();
  const host = await device(PROJECTOR);
  const code = await createLiveGame(host);
  const phone = await device(PHONE);
  // A second tab of the same browser, already at the nickname step (its code check came first).
  const secondTab = await phone.context().newPage();
  await atNicknameStep(secondTab, code);

  await joinLiveGame(phone, code, "Troll Face");
  const bystander = await device(PHONE);
  await joinLiveGame(bystander, code, "Grace Hopper");
  await expect(host.getByTestId("player-count")).toHaveText("2 players");

  await host.getByRole("button", { name: "Remove Troll Face" }).click();
  await expect(phone.getByRole("heading", { name: "You were removed from this game" })).toBeVisible();
  await expect(host.getByTestId("player-count")).toHaveText("1 player");
  await expect(host.getByTestId("lobby-players")).not.toContainText("Troll Face");
  await expect(host.getByTestId("lobby-players")).toContainText("Grace Hopper");
  await expect(bystander.getByRole("heading", { name: "You're in!" })).toBeVisible();

  await test.step("reloading the game page still shows the removal", async () => {
    await phone.reload();
    await expect(phone.getByRole("heading", { name: "You were removed from this game" })).toBeVisible();
    await expect(phone.getByTestId("me")).toHaveCount(0);
  });

  await test.step("the QR link again leads back to the removal, not to a nickname", async () => {
    await phone.goto(`/join?code=${code}`);
    await expect(phone).toHaveURL(new RegExp(`/live/${code}$`));
    await expect(phone.getByRole("heading", { name: "You were removed from this game" })).toBeVisible();
  });

  await test.step("a new nickname from the same browser is refused", async () => {
    await tryNickname(secondTab, "Nice Person");
    await expect(joinError(secondTab)).toHaveText("You were removed from this game.");
    await expect(secondTab).toHaveURL(/\/join\?code=/);
    await expect(host.getByTestId("player-count")).toHaveText("1 player");
    await expect(host.getByTestId("lobby-players")).not.toContainText("Nice Person");
  });
});

test("a locked room refuses newcomers until the host unlocks it", async ({ device }) => {
  test.slow();
  const { host, code } = await liveLobby(device, ["Early Bird"]);

  const lock = host.getByRole("checkbox", { name: "Lock the room (nobody else can join)" });
  // A student already at the nickname step when the host locks the room is refused on Join.
  const late = await device(PHONE);
  await atNicknameStep(late, code);
  // The box shows the server's state: it ticks once the server has locked the room.
  await lock.click();
  await expect(lock).toBeChecked();
  await tryNickname(late, "Late Comer");
  await expect(joinError(late)).toHaveText(/locked/i);
  await expect(late).toHaveURL(/\/join\?code=/);
  await expect(host.getByTestId("player-count")).toHaveText("1 player");

  // The QR link of a locked room says so at once, without asking for a nickname first (issue 12).
  await late.goto(`/join?code=${code}`);
  await expect(joinError(late)).toHaveText(/locked/i);
  await expect(late.getByLabel("Your nickname")).toHaveCount(0);
  // Typed into the page's code field (checked over its socket once the page runs), the same.
  await late.goto("/join");
  await late.getByLabel("Game code").fill(code);
  await late.getByRole("button", { name: "Next" }).click();
  await expect(joinError(late)).toHaveText("The host has locked this game.");
  await expect(late.getByLabel("Your nickname")).toHaveCount(0);

  // The host's lock survives a reload of the projector page.
  await host.reload();
  await expect(lock).toBeChecked();

  await lock.click();
  await expect(lock).not.toBeChecked();
  await atNicknameStep(late, code);
  await tryNickname(late, "Late Comer");
  await expect(late).toHaveURL(new RegExp(`/live/${code}$`));
  await expect(host.getByTestId("player-count")).toHaveText("2 players");
});

test("join errors: unknown code, taken nickname, offensive or malformed nickname", async ({ device }) => {
  test.slow();
  const { host, code } = await liveLobby(device, ["Ada Lovelace"]);
  const phone = await device(PHONE);

  await test.step("a code with no game behind it", async () => {
    await phone.goto("/join");
    const input = phone.getByLabel("Game code");
    const next = phone.getByRole("button", { name: "Next" });
    await input.fill("12345");
    await expect(next).toBeDisabled(); // five digits are not a code
    // Codes are 100000–999999, so 000000 is never a running game.
    await input.fill("000000");
    await next.click();
    await expect(joinError(phone)).toHaveText("No game with that code is running. Check the code on the screen.");
    await expect(phone.getByLabel("Your nickname")).toHaveCount(0);
  });

  await test.step("the QR link checks its code at once", async () => {
    await phone.goto("/join?code=000000");
    await expect(joinError(phone)).toHaveText(/^No game with that code/);
    await phone.getByLabel("Game code").fill(code);
    await phone.getByRole("button", { name: "Next" }).click();
    await expect(phone.getByText(`Game ${code}`)).toBeVisible();
  });

  await test.step("a nickname already taken (ignoring case and spaces)", async () => {
    const nickname = phone.getByLabel("Your nickname");
    const suggested = await nickname.inputValue();
    await phone.getByRole("button", { name: "Suggest another" }).click();
    await expect(nickname).not.toHaveValue(""); // (may repeat by chance; it is random)
    expect(suggested).toMatch(/^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u);
    await tryNickname(phone, "ada  lovelace");
    await expect(joinError(phone)).toHaveText("That nickname is taken in this game.");
  });

  await test.step("an offensive nickname, even disguised", async () => {
    await tryNickname(phone, "Sh1t Head");
    await expect(joinError(phone)).toHaveText("Nickname is not allowed here; please choose another.");
    await tryNickname(phone, "f u c k");
    await expect(joinError(phone)).toHaveText("Nickname is not allowed here; please choose another.");
  });

  await test.step("a malformed nickname is refused with the rule it breaks", async () => {
    await tryNickname(phone, "x");
    await expect(joinError(phone)).toHaveText("Nickname must be at least 2 characters.");
    await tryNickname(phone, "<script>");
    await expect(joinError(phone)).toHaveText("Nickname may use letters, digits, spaces and . _ ' -.");
  });

  await test.step("and then a good one works", async () => {
    await tryNickname(phone, "Grace Hopper");
    await expect(phone).toHaveURL(new RegExp(`/live/${code}$`));
    await expect(host.getByTestId("player-count")).toHaveText("2 players");
    // Nobody who was refused slipped into the lobby.
    await expect(host.getByTestId("lobby-players").getByRole("listitem")).toHaveCount(2);
  });
});

test("the projector's sound is off on the first visit, says its state in words, and is remembered", async ({ device }) => {
  const host = await device(PROJECTOR);
  await createLiveGame(host);
  const sound = host.getByTestId("sound-switch");
  await expect(sound).toHaveText("Sound: off");
  await sound.click();
  await expect(sound).toHaveText("Sound: on");
  await host.reload();
  await expect(host.getByTestId("sound-switch")).toHaveText("Sound: on");
  await host.getByTestId("sound-switch").click();
  await expect(host.getByTestId("sound-switch")).toHaveText("Sound: off");
});
