import type { Page } from "@playwright/test";
import { type Bot, joinBot, strategies } from "./live-bots";
import { expect, test, waitForHydration } from "./helpers";
import { checkPhase } from "./projector-fit";

// The projector teaches (issue 12): every host phase, for a round of every kind, fits a 1920×1080
// and a 1024×768 projector without scrolling, and no visible text is under 32 px at 1920 wide
// (28 px at 1024). During a round the challenge itself is on screen; at the reveal the class's
// answers as a picture, with no student's name. Students are socket bots (test/e2e/live-bots.ts).

/** One level of every kind, by title as the host's setup lists it, in the campaign's order (the game plays them in it). */
const ROUNDS = [
  "What learning needs", // concept
  "Turn the axes", // coordinate-change
  "XOR by hand", // tune-weights
  "Pick a learning rate", // learning-rate
  "The training loop", // training-loop
  "The chain rule: back through a layer", // chain-rule
  "Vanishing gradients", // deep-training
  "Heads for classification", // output-head
  "More data or a bigger network?", // digits
  "Then and now", // deep-training with a limit on changes (the projector lists its settings differently)
];

const next = (host: Page) => host.getByTestId("host-next");

test("every host phase fits a projector and reads from the back row, for a round of every kind", async ({ device, baseURL }) => {
  test.setTimeout(600_000);
  const host = await device({ viewport: { width: 1920, height: 1080 } });
  await host.goto("/host");
  const create = host.getByRole("button", { name: /^Create a game with \d+ rounds?$/ });
  await waitForHydration(create);
  await host.getByRole("radio", { name: "Chapter 2: a quick 3" }).check();
  for (const title of ["Turn and shift", "Admissions"]) await host.getByRole("checkbox", { name: title, exact: true }).uncheck();
  for (const title of ROUNDS.filter((t) => t !== "Turn the axes")) await host.getByRole("checkbox", { name: title, exact: true }).check();
  await expect(create).toHaveText(`Create a game with ${ROUNDS.length} rounds`);
  await create.click();
  await expect(host).toHaveURL(/\/host\/\d{6}$/);
  const code = /\/host\/(\d{6})$/.exec(host.url())![1];

  await test.step("the lobby: QR code, code and address, a warning that 127.0.0.1 is not reachable from a phone", async () => {
    await expect(host.getByRole("heading", { level: 1, name: "Join the game" })).toBeVisible();
    await expect(host.getByTestId("address-warning")).toContainText("127.0.0.1");
    await checkPhase(host, "lobby-empty");
  });

  const bots: Bot[] = [];
  const names = ["Ada Lovelace", "Bao Nguyen", "Chidi Okafor", "Dana Scully", "Emeka Obi"];
  const plans = [strategies.solve, strategies.solve, strategies.start, strategies.solve, strategies.none];
  for (const [i, name] of names.entries()) bots.push(await joinBot(baseURL!, code, name, plans[i]));
  await expect(host.getByTestId("player-count")).toHaveText(`${names.length} players`);
  await checkPhase(host, "lobby");

  await next(host).click(); // round 1's intro
  for (const [index, title] of ROUNDS.entries()) {
    const slug = `r${index + 1}`;
    await test.step(`round ${index + 1}: ${title}`, async () => {
      await expect(host.getByRole("heading", { level: 1, name: title })).toBeVisible();
      await checkPhase(host, `${slug}-intro`);
      await next(host).click(); // play
      await expect(host.getByTestId("projector-challenge")).toBeVisible();
      // Four bots answer; the fifth never does.
      await expect(host.getByTestId("submitted-count")).toHaveText(`4 of ${names.length} submitted`, { timeout: 60_000 });
      await checkPhase(host, `${slug}-playing`);
      await next(host).click(); // reveal
      const picture = host.getByTestId("class-answers");
      await expect(picture).toBeVisible({ timeout: 30_000 });
      for (const name of names) await expect(host.locator("main")).not.toContainText(name); // no names at the reveal
      await checkPhase(host, `${slug}-reveal`);
      await host.getByTestId("reveal-why").click();
      await expect(host.getByTestId("reveal-explanation")).toBeVisible();
      await checkPhase(host, `${slug}-why`);
      await next(host).click(); // leaderboard
      await expect(host.getByRole("heading", { level: 1, name: "Leaderboard" })).toBeVisible();
      if (index === 0) await checkPhase(host, "leaderboard");
      await next(host).click(); // next round's intro, or the podium
    });
  }
  await expect(host.getByRole("heading", { level: 1, name: "The podium" })).toBeVisible();
  // The podium rises over about two seconds, and names fading in count as not visible yet: measure it risen.
  await host.waitForFunction(() => document.getAnimations().every((a) => a.playState === "finished"));
  await checkPhase(host, "podium");
  for (const bot of bots) bot.close();
});
