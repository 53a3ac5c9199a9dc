import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { createLiveGame, expect, joinLiveGame, openAnyLevel, PHONE, PROJECTOR, test, unlockAndOpen, waitForLiveRound } from "./helpers";

// Accessibility (issue 12): axe-core on every page and phase a class goes through — the landing
// page, the map, a level, /join, and a live game's lobby, round, reveal, leaderboard and podium on
// the projector and on a phone. No serious or critical violation is allowed; the summary names the
// rule and the elements so a failure says what to fix. Motion is reduced, so an animation caught
// halfway (the podium rising) is not measured as low contrast.

const QUIET = { reducedMotion: "reduce" } as const;

async function expectAccessible(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  expect(serious, `axe on ${where}`).toEqual([]);
  // The lesser findings (moderate, minor) are listed in the report, not failed.
  const lesser = violations.filter((v) => v.impact !== "serious" && v.impact !== "critical");
  if (lesser.length > 0)
    test
      .info()
      .annotations.push({ type: "axe (moderate/minor)", description: `${where}: ${lesser.map((v) => `${v.impact} ${v.id} ×${v.nodes.length}`).join(", ")}` });
}

test("solo pages: the landing page, the map, a level and /join", async ({ device }) => {
  test.slow();
  const page = await device({ ...PHONE, ...QUIET });
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Play solo" })).toBeVisible();
  await expectAccessible(page, "the landing page");

  await page.goto("/play");
  await expect(page.getByTestId("display-name")).toBeVisible();
  await expectAccessible(page, "the map");

  const desk = await device({ ...PROJECTOR, ...QUIET });
  const { levels } = await import("../../core/levels/catalog");
  await openAnyLevel(desk, levels[0].id);
  await expectAccessible(desk, `the level ${levels[0].id}`);
  await unlockAndOpen(desk, "turn-the-axes");
  await expectAccessible(desk, "the level turn-the-axes");

  await page.goto("/join");
  await expect(page.getByLabel("Game code")).toBeVisible();
  await expectAccessible(page, "/join");
});

test("a live game, on the projector and a phone: lobby, round, reveal, leaderboard, podium", async ({ device }) => {
  test.slow();
  const host = await device({ ...PROJECTOR, ...QUIET });
  const code = await createLiveGame(host, { drop: ["Turn and shift", "Admissions"], roundTime: "120 seconds" });
  const phone = await device({ ...PHONE, ...QUIET });
  await joinLiveGame(phone, code, "Ada Lovelace");
  await expect(host.getByTestId("player-count")).toHaveText("1 player");
  const next = host.getByTestId("host-next");

  await expectAccessible(host, "the host's lobby");
  await expectAccessible(phone, "the phone's lobby");

  await next.click();
  await expect(next).toHaveText("Start now");
  await next.click();
  await expect(next).toHaveText("End the round now");
  await waitForLiveRound(phone);
  await expectAccessible(host, "the host's round");
  await expectAccessible(phone, "the phone's round");

  await test.step("paused, and the skip confirmation", async () => {
    await host.getByTestId("host-pause").click();
    await expect(phone.getByTestId("paused-notice")).toBeVisible();
    await expectAccessible(host, "the host's paused round");
    await expectAccessible(phone, "the phone's paused round");
    await host.getByTestId("host-skip").click();
    await expect(host.getByTestId("skip-dialog")).toBeVisible();
    await expectAccessible(host, "the skip confirmation");
    await host.keyboard.press("Escape");
    await host.getByTestId("host-pause").click();
    await expect(phone.getByTestId("paused-notice")).toHaveCount(0);
  });

  await phone.getByTestId("live-submit").click();
  await expect(phone.getByTestId("live-message")).toBeVisible();
  await next.click();
  await expect(next).toHaveText("Show the leaderboard");
  await expect(host.getByTestId("reveal-stars")).toBeVisible();
  await expect(phone.getByTestId("my-round-result")).toBeVisible();
  await expectAccessible(host, "the host's reveal");
  await expectAccessible(phone, "the phone's reveal");

  await next.click();
  await expect(host.getByRole("heading", { name: "Leaderboard" })).toBeVisible();
  await expectAccessible(host, "the host's leaderboard");
  await expectAccessible(phone, "the phone's leaderboard");

  await next.click();
  await expect(host.getByRole("heading", { name: "The podium" })).toBeVisible();
  await expect(phone.getByTestId("final-rank")).toBeVisible();
  await expectAccessible(host, "the host's podium");
  await expectAccessible(phone, "the phone's podium");
});
