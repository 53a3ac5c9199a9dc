import type { Page } from "@playwright/test";
import { type Bot, joinBot, strategies } from "./live-bots";
import { expect, screenshot, test, waitForHydration } from "./helpers";

// The projector teaches (issue 12): every host phase, for a round of every kind, fits a 1920×1080
// and a 1024×768 projector without scrolling, and no visible text is under 32 px at 1920 wide
// (28 px at 1024). During a round the challenge itself is on screen; at the reveal the class's
// answers as a picture, with no student's name. Students are socket bots (test/e2e/live-bots.ts).

const SIZES = [
  { width: 1920, height: 1080, floor: 32 },
  { width: 1024, height: 768, floor: 28 },
] as const;

/** One level of every kind, by title as the host's setup lists it. */
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
];

interface Fit {
  tooSmall: string[];
  scrolls: boolean;
  /** Boxes whose content is cut off (taller or wider than the box): hidden is not fitting. */
  clipped: string[];
}

/** Walks every visible text node: its effective font size (SVG text scaled by its drawing), and whether the page scrolls. */
function measure(page: Page, floor: number): Promise<Fit> {
  return page.evaluate((floor) => {
    const tooSmall: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const el = node.parentElement;
      if (!text || !el?.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter((r) => r.width > 1 && r.height > 1);
      if (rects.length === 0) continue; // screen-reader-only text, clipped to a pixel
      let size = Number.parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGGraphicsElement) {
        const m = el.getScreenCTM();
        if (m) size *= Math.hypot(m.a, m.b);
      }
      if (size < floor - 0.5) tooSmall.push(`"${text.slice(0, 40)}" ${size.toFixed(1)}px`);
    }
    const root = document.documentElement;
    const clipped = [...document.querySelectorAll<HTMLElement>("main *")]
      .filter((el) => el.checkVisibility() && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) && el.clientHeight > 0)
      .filter((el) => getComputedStyle(el).overflow !== "visible" && !(el instanceof SVGElement) && !el.classList.contains("sr-only"))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${el.scrollHeight} > ${el.clientHeight})`);
    return { tooSmall, scrolls: root.scrollHeight > window.innerHeight || root.scrollWidth > window.innerWidth, clipped };
  }, floor);
}

/** Checks the phase at both projector sizes, and screenshots it. */
async function checkPhase(host: Page, name: string) {
  for (const size of SIZES) {
    await host.setViewportSize({ width: size.width, height: size.height });
    await expect
      .poll(async () => measure(host, size.floor), { message: `${name} at ${size.width}×${size.height}`, timeout: 5_000 })
      .toEqual({ tooSmall: [], scrolls: false, clipped: [] });
    await screenshot(host, `projector-${name}-${size.width}`, { fullPage: false });
  }
}

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
