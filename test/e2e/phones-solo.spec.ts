import { mkdirSync } from "node:fs";
import path from "node:path";
import { kinds } from "../../core/kinds/registry";
import { levels } from "../../core/levels/catalog";
import { expect, openAnyLevel, PHONE, SCREENSHOT_DIR, test, unlockUpTo } from "./helpers";
import { type FitTarget, measure } from "./phone-fit";

// Phones fit one screen (issue 12), in solo play: on a 390×844 phone, for one level of every kind,
// the controls, the feedback they drive and Submit are on the first screen as the level opens
// (its learn card as a first visit shows it), without scrolling, and no sticky bar covers a
// control. Measured as the live rounds are (./phone-fit.ts).

// In this checkout's test-results (a shared /tmp folder mixed the shots of two checkouts).
const SHOTS = path.join(SCREENSHOT_DIR, "phones-solo");
const SUBMIT = '[data-testid="submit"]';
const VIEW = '[data-testid="kind-view"]';

interface SoloLevel extends Omit<FitTarget, "submit"> {
  kind: string;
  level: string;
  /**
   * A quiz is several screens by nature, and which question comes first is drawn per attempt: the
   * tallest of these (one question with its options) is measured with Submit, scrolled to the top.
   */
  tallestOf?: string;
}

/** Marks the tallest match of `selector`, so the measurement does not depend on the order drawn. */
const TALLEST = "[data-fit-tallest]";

const LEVELS: SoloLevel[] = [
  // A sort question is one card per program, each with its own choice of group (lettered, named in
  // short, the groups' full names above the first card): each card is one question there.
  {
    kind: "concept",
    level: "rules-or-examples",
    controls: [],
    feedback: [],
    tallestOf: `${VIEW} [data-testid^="question-"]:not(:has([data-testid^="card-"])), ${VIEW} [data-testid^="card-"]`,
  },
  {
    kind: "coordinate-change",
    level: "turn-and-shift",
    controls: [`${VIEW} input[type="range"]`, '[data-testid="before-canvas"]'],
    feedback: ['[data-testid="live-accuracy"]', '[data-testid="after-canvas"]'],
  },
  {
    kind: "tune-weights",
    level: "xor-by-hand",
    controls: [`${VIEW} input[type="range"]`],
    feedback: ['[data-testid="live-loss"]', '[data-testid="tune-canvas"]'],
  },
  // An experiment: the rate and the prediction are chosen, then Submit commits and runs them.
  { kind: "learning-rate", level: "pick-a-learning-rate", controls: [`${VIEW} input[type="radio"]`], feedback: [`${VIEW} input[type="radio"]:checked`] },
  {
    kind: "downhill",
    level: "downhill-by-hand",
    controls: ['[data-testid="step-size"]', '[data-testid="take-step"]'],
    feedback: ['[data-testid="surface"]', '[data-testid="landing-loss"]'],
  },
  // The loop's cards are reordered in place (on a phone: tap a card, then its new place): the list
  // is both the control and what it drives.
  { kind: "training-loop", level: "order-the-training-loop", controls: ['[data-testid="loop-order"]'], feedback: [] },
  {
    kind: "chain-rule",
    level: "chain-rule-one-neuron",
    controls: ['[data-testid="gradient-number"]'],
    // The network drawn with its values (the same values as text sit in a closed "Every value as text").
    feedback: [`${VIEW} svg[role="img"]`],
  },
  { kind: "backward-pass", level: "backward-pass-branch", controls: [`${VIEW} input`], feedback: ['[data-testid="graph"]'] },
  {
    kind: "run-the-loop",
    level: "run-the-loop",
    controls: ['[data-testid="loop-controls"]'],
    feedback: ['[data-testid="loop-plot"]', '[data-testid="loop-log"]'],
  },
  {
    kind: "nonlinearity",
    level: "stacked-lines",
    // The single layer's three numbers, and the "just to look" ReLU switch.
    controls: [`${VIEW} input`],
    feedback: [`${VIEW} svg[role="img"]`],
  },
  { kind: "deep-training", level: "vanishing-gradients", controls: [`${VIEW} input[type="radio"]`], feedback: [`${VIEW} input[type="radio"]:checked`] },
  { kind: "output-head", level: "classification-heads", controls: [], feedback: [], tallestOf: `${VIEW} [data-testid^="head-"]` },
  { kind: "digits", level: "what-the-layers-see", controls: [`${VIEW} input[type="radio"]`], feedback: ['[data-testid="network-summary"]'] },
  { kind: "generalise", level: "stop-in-time", controls: [`${VIEW} input[type="radio"]`], feedback: ['[data-testid="probe-chart"]'] },
  { kind: "which-network", level: "match-the-network", controls: [], feedback: [], tallestOf: `${VIEW} [data-testid^="dataset-"]` },
  // Predict, then run: at most two hand-made features, picked beside the points they must separate.
  { kind: "features", level: "features-by-hand", controls: [`${VIEW} input[type="checkbox"]`], feedback: ['[data-testid="features-plot"]'] },
  // Predict, then run: three choices for the output layer, beside the data they must fit.
  { kind: "head-training", level: "train-the-head", controls: [`${VIEW} select`], feedback: ['[data-testid="head-plot"]'] },
  // Statements sorted into three properties: each statement with its choice of group is one question.
  { kind: "why-now", level: "why-it-took-off", controls: [], feedback: [], tallestOf: `${VIEW} [data-testid^="statement-"]` },
];

/**
 * Kinds measured and printed but not yet asserted: at 16 px text their working area is still taller
 * than a phone's screen (2026-11-30, with the one-line top bar and the compact choices):
 * (none: deep-training and generalise fit since s7-fit-b and s7-gen).
 * Take a kind out of this list once it fits on every draw.
 */
const FITS_NOT_YET: string[] = [];

test("the solo levels measured name every kind of the registry, once", () => {
  const listed = LEVELS.map((l) => l.kind);
  expect(new Set(listed).size, "one level per kind").toBe(listed.length);
  // A new kind fails here until it has a level in LEVELS (and, while it does not fit, a line in FITS_NOT_YET).
  expect([...listed].sort()).toEqual(Object.keys(kinds).sort());
  for (const solo of LEVELS) expect(levels.find((l) => l.id === solo.level)?.kind, solo.level).toBe(solo.kind);
  for (const kind of FITS_NOT_YET) expect(listed, `FITS_NOT_YET names ${kind}`).toContain(kind);
});

test("a solo level of every kind fits a 390×844 phone: controls, feedback and Submit on one screen, never under a sticky bar", async ({ device }) => {
  test.setTimeout(600_000); // unlocking plays the campaign up to chapter 6 through the API, training levels included
  const page = await device(PHONE);
  // Unlock up to the furthest level measured (in the campaign's order, not the list's).
  const furthest = Math.max(...LEVELS.map((l) => levels.findIndex((c) => c.id === l.level)));
  await unlockUpTo(page, levels[furthest].id);
  mkdirSync(SHOTS, { recursive: true });
  const report: Record<string, unknown> = {};
  for (const solo of LEVELS) {
    await test.step(`${solo.kind}: ${solo.level}`, async () => {
      await openAnyLevel(page, solo.level);
      await expect(page.getByTestId("kind-view")).toBeVisible();
      await expect(page.getByTestId("submit")).toBeEnabled();
      await page.screenshot({ path: `${SHOTS}/${solo.kind}.png` });
      // Every selector names something on this level: a measurement of nothing would pass.
      for (const selector of [...solo.controls, ...solo.feedback])
        expect(await page.locator(selector.replace(/^first:/, "")).count(), selector).toBeGreaterThan(0);
      const target = { ...solo, submit: SUBMIT };
      if (solo.tallestOf) {
        await page.locator(solo.tallestOf).first().waitFor();
        await page.evaluate((selector) => {
          const cards = [...document.querySelectorAll(selector)];
          const tallest = cards.reduce((a, b) => (b.getBoundingClientRect().height > a.getBoundingClientRect().height ? b : a));
          tallest.setAttribute("data-fit-tallest", "");
        }, solo.tallestOf);
        await expect(page.locator(TALLEST)).toHaveCount(1);
        Object.assign(target, { controls: [TALLEST], scrolledTo: TALLEST });
      }
      const fit = await measure(page, target);
      // Which card was the tallest on this draw, and how tall: how far a quiz is from not fitting.
      const tallest = solo.tallestOf
        ? await page.locator(TALLEST).evaluate((el) => `${el.getAttribute("data-testid")}: ${Math.round(el.getBoundingClientRect().height)} px`)
        : undefined;
      report[solo.kind] = tallest ? { ...fit, tallest } : fit;
      if (FITS_NOT_YET.includes(solo.kind)) return;
      // Soft: every kind is measured (and screenshotted) even when an earlier one fails.
      await expect
        .configure({ soft: true })
        .poll(() => measure(page, target), { message: solo.kind, timeout: 5_000 })
        .toEqual({ offScreen: [], covered: [] });
    });
  }
  console.log(`Not yet asserted: ${FITS_NOT_YET.join(", ") || "none"}. Measured:\n${JSON.stringify(report, null, 2)}`);
});
