import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, expectNoHorizontalScroll, PHONE, screenshot, test, unlockAndOpen } from "./helpers";

// Issue 14: a level teaches before it asks. Its learn card comes before the challenge, folds away
// once read (and stays folded on this device), and links its terms to the glossary.

const SHOTS = "/tmp/shots-learn";

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
  await screenshot(page, `learn-${name}`, { fullPage });
}

test("a level's learn card comes before the challenge, folds away once read, and links a term to the glossary", async ({ page }) => {
  test.slow(); // unlocking plays the campaign's first ten levels through the API
  await page.setViewportSize({ width: 1280, height: 800 });
  await unlockAndOpen(page, "one-neuron");
  const card = page.getByTestId("learn");
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute("open", "");
  await expect(card).toContainText("Cross-entropy is the loss for probabilities");
  await expect(card.getByText("σ(z) = 1 / (1 + e⁻ᶻ)")).toBeVisible();
  // Before the challenge: the card's top is above the kind's view.
  const cardBox = (await card.boundingBox())!;
  const viewBox = (await page.getByTestId("kind-view").boundingBox())!;
  expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(viewBox.y + 1);
  await shot(page, "desktop-one-neuron");
  // The brief explains its terms in place too.
  await expect(page.locator("h1 + p").getByTestId("glossary-term").first()).toBeVisible();
  await shot(page, "desktop-one-neuron-full", true);

  // "Got it" folds it; the fold is remembered on this device.
  await card.getByTestId("learn-done").click();
  await expect(card).not.toHaveAttribute("open", "");
  await expect(card.getByText("Cross-entropy is the loss for probabilities")).toBeHidden();
  await page.reload();
  await expect(page.getByTestId("kind-view")).toBeVisible();
  await expect(page.getByTestId("learn")).not.toHaveAttribute("open", "");
  await shot(page, "desktop-one-neuron-folded");
  // The title opens it again, with the keyboard too.
  await page.getByTestId("learn").locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("learn")).toHaveAttribute("open", "");

  // A term opens its definition in place (Esc closes it), with a link to its glossary entry.
  const term = page.getByTestId("learn").getByRole("button", { name: "Cross-entropy: what it means" });
  await term.click();
  const popover = page.getByTestId("learn").getByTestId("glossary-popover").filter({ hasText: "Cross-entropy" });
  await expect(popover).toBeVisible();
  await expect(popover).toContainText("probability");
  await shot(page, "glossary-popover");
  await page.keyboard.press("Escape");
  await expect(popover).toBeHidden();
  await term.focus();
  await page.keyboard.press("Enter");
  await expect(popover).toBeVisible();
  const link = popover.getByRole("link", { name: "More in the glossary" });
  await expect(link).toHaveAttribute("href", "/glossary#cross-entropy");
  await link.click();
  await expect(page).toHaveURL(/\/glossary#cross-entropy$/);
  const entry = page.getByTestId("term-cross-entropy");
  await expect(entry.getByRole("heading", { level: 2 })).toHaveText(/Cross-entropy/);
  await expect(entry).toBeInViewport();
  await expect(entry).toContainText("probability");
});

test("on a phone the card reads without sideways scrolling, and the challenge follows it", async ({ page }) => {
  test.slow();
  await page.setViewportSize(PHONE.viewport);
  await unlockAndOpen(page, "one-neuron");
  const card = page.getByTestId("learn");
  // On a phone the card starts folded, one tap away, so the challenge starts on the first screen.
  await expect(card).toHaveAttribute("data-ready", "");
  await expect(card).not.toHaveAttribute("open", "");
  await expect(card).toBeInViewport();
  await card.locator("summary").click();
  await expect(card).toHaveAttribute("open", "");
  await expect(card).toContainText("Cross-entropy is the loss for probabilities");
  await expectNoHorizontalScroll(page);
  await card.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await shot(page, "phone-one-neuron");
  await shot(page, "phone-one-neuron-full", true);
  await card.getByTestId("learn-done").click();
  await expect(card).not.toHaveAttribute("open", "");
  // Folded, the card is one line, and the challenge starts right below it.
  const folded = (await card.boundingBox())!;
  expect(folded.height).toBeLessThan(60);
  await shot(page, "phone-one-neuron-folded");
});

test("the glossary is reachable from the home page and the top bar, with an anchor per term", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Glossary of terms" }).click();
  await expect(page).toHaveURL(/\/glossary$/);
  await expect(page.getByRole("heading", { level: 1, name: "Glossary" })).toBeVisible();
  await expect(page.getByRole("main")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Terms" })).toBeVisible();
  for (const id of ["iff", "sigmoid", "cross-entropy", "partial-derivative", "initialisation", "epoch", "overfitting"])
    await expect(page.locator(`#${id}`).getByRole("heading", { level: 2 })).toBeVisible();
  await page.setViewportSize(PHONE.viewport);
  await expectNoHorizontalScroll(page);
  await page.goto("/play");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Glossary" }).click();
  await expect(page).toHaveURL(/\/glossary$/);
  await page.goto("/glossary#iff");
  await expect(page.getByTestId("term-iff")).toContainText("if and only if");
  await shot(page, "phone-glossary-iff");
});
