import { expect, type Locator, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import path from "node:path";

/** Chapter 2's levels (coordinate change), in order. */
export const LEVELS = ["turn-the-axes", "turn-and-shift", "admissions", "circles", "xor", "let-the-machine-search"] as const;

/** Screenshots land here (test-results is Playwright's output folder, cleaned at the start of each run). */
export const SCREENSHOT_DIR = path.join(process.cwd(), "test-results", "screenshots");

export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage });
}

/**
 * A first visit renders before the anonymous profile exists; EnsureProfile then creates it and
 * refreshes the page. Waiting for the name keeps later clicks from racing that refresh.
 */
export async function waitForProfile(page: Page): Promise<void> {
  await expect(page.getByTestId("display-name")).toBeVisible();
}

export function levelCard(page: Page, id: string): Locator {
  return page.getByTestId(`level-${id}`);
}

/**
 * The level page is server-rendered, so it is visible before React has hydrated it; a drag, key
 * press or typed value that arrives earlier is lost. Two things only the browser does: the
 * leaderboard's fetch has answered (an effect ran), and the plot's backing store matches its
 * on-screen size (the layout effect ran).
 */
export async function waitForLevelReady(page: Page): Promise<void> {
  await expect(page.getByTestId("leaderboard").locator("table.board, p.muted").first()).toBeVisible();
  await expect
    .poll(() => page.getByTestId("before-canvas").evaluate((c: HTMLCanvasElement) => c.width === Math.round(c.clientWidth * devicePixelRatio) && c.width > 0))
    .toBe(true);
}

/** Opens a level page and waits until it is interactive (profile created, page hydrated). */
export async function openLevel(page: Page, id: string): Promise<void> {
  await page.goto(`/play/${id}`);
  await waitForProfile(page);
  await expect(page.getByTestId("before-canvas")).toBeVisible();
  await waitForLevelReady(page);
}

/** Types an exact value into one of the view's number inputs (data-testid "<id>-number"). */
export async function setNumber(page: Page, id: string, value: number): Promise<void> {
  const input = page.getByTestId(`${id}-number`);
  await input.fill(String(value));
  await expect(input).toHaveValue(String(value));
}

/** Submits through the button and checks the server's verdict. */
export async function submitAndExpectStars(page: Page, stars: number): Promise<Locator> {
  await page.getByTestId("submit").click();
  const result = page.getByTestId("result");
  await expect(result.getByRole("img", { name: `${stars} of 3 stars` })).toBeVisible();
  return result;
}

/** Presses Tab until `target` has the focus (a keyboard user's way of getting there). */
export async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

// ── Live classroom games ──────────────────────────────────────────────────────────────

/** A projector-sized host screen and a phone for each player (each in its own browser context). */
export const PROJECTOR = { viewport: { width: 1366, height: 768 } } as const;
export const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 } as const;

export const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/**
 * Creates a live game from /host: `set` is a ready-made set's radio label, `drop` the levels to
 * untick after it. Returns the game code (the host page's URL). The setup form is server-rendered,
 * so nothing is clicked before React has hydrated it (an earlier click would be undone).
 */
export async function createLiveGame(
  page: Page,
  {
    set = "Chapter 2: a quick 3",
    drop = [] as string[],
    roundTime,
    speedBonus = true,
  }: { set?: string; drop?: string[]; roundTime?: string; speedBonus?: boolean } = {},
  beforeCreate?: () => Promise<void>,
): Promise<string> {
  await page.goto("/host");
  const create = page.getByRole("button", { name: /^Create a game with \d+ rounds?$/ });
  await waitForHydration(create);
  await page.getByRole("radio", { name: set }).check();
  for (const title of drop) await page.getByRole("checkbox", { name: title, exact: true }).uncheck();
  if (roundTime) await page.getByLabel("Time per round").selectOption({ label: roundTime });
  await page.getByRole("checkbox", { name: /^Speed bonus/ }).setChecked(speedBonus);
  await beforeCreate?.();
  await create.click();
  await expect(page).toHaveURL(/\/host\/\d{6}$/);
  const code = /\/host\/(\d{6})$/.exec(page.url())![1];
  await expect(page.getByTestId("game-code")).toHaveText(`${code.slice(0, 3)} ${code.slice(3)}`);
  return code;
}

/** React has hydrated a server-rendered element once it carries React's props (its handlers). */
export async function waitForHydration(element: Locator): Promise<void> {
  await expect.poll(() => element.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactProps$")))).toBe(true);
}

/** Joins as a student who scanned the QR code: /join?code=… checks the code, then asks for a nickname. */
export async function joinLiveGame(page: Page, code: string, nickname: string): Promise<void> {
  await page.goto(`/join?code=${code}`);
  const input = page.getByLabel("Your nickname");
  await expect(input).not.toHaveValue(""); // a suggestion is offered
  await input.fill(nickname);
  await page.getByRole("button", { name: "Join", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/live/${code}$`));
  await expect(page.getByTestId("me")).toContainText(nickname);
}

/** A round on a phone is interactive once the level view (a dynamic import) has sized its plot. */
export async function waitForLiveRound(page: Page): Promise<void> {
  await expect(page.getByTestId("angle-number")).toBeVisible();
  await expect
    .poll(() =>
      page
        .getByTestId("before-canvas")
        .first()
        .evaluate((c: HTMLCanvasElement) => c.width === Math.round(c.clientWidth * devicePixelRatio) && c.width > 0),
    )
    .toBe(true);
}

// ── Any level of the campaign ─────────────────────────────────────────────────────────

/**
 * Plays the campaign up to `levelId` for this page's player, through the real API: it submits
 * the reference answer (test/reference/) of every level before it, as a player would, so the
 * level opens. The server re-scores and, for training kinds, trains each answer.
 */
export async function unlockUpTo(page: Page, levelId: string): Promise<void> {
  const [{ levels }, { referenceAnswers }] = await Promise.all([import("../../core/levels/catalog"), import("../reference")]);
  const index = levels.findIndex((l) => l.id === levelId);
  if (index < 0) throw new Error(`unknown level "${levelId}"`);
  expect((await page.request.post("/api/profile")).ok()).toBe(true);
  for (const level of levels.slice(0, index)) {
    const res = await page.request.post("/api/submissions", { data: { levelId: level.id, answer: referenceAnswers[level.id] }, timeout: 60_000 });
    expect(res.ok(), `unlocking ${level.id}: ${res.status()} ${await res.text()}`).toBe(true);
    expect((await res.json()).stars, `reference answer for ${level.id}`).toBeGreaterThan(0);
  }
}

/**
 * Opens any level and waits until its view is interactive: the profile exists, the page has
 * hydrated (the leaderboard's fetch answered) and the kind's view, a dynamic import, is shown.
 * Every kind's view marks its root with data-testid="kind-view".
 */
export async function openAnyLevel(page: Page, id: string): Promise<void> {
  await page.goto(`/play/${id}`);
  await waitForProfile(page);
  await expect(page.getByTestId("leaderboard").locator("table.board, p.muted").first()).toBeVisible();
  await expect(page.getByTestId("kind-view")).toBeVisible();
}
