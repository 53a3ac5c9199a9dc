import { expect, type Locator, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import path from "node:path";

/** The campaign's levels, in order (chapter 2 is the only chapter with levels so far). */
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
