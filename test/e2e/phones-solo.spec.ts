import { mkdirSync } from "node:fs";
import { expect, openAnyLevel, PHONE, test, unlockUpTo } from "./helpers";
import { type FitTarget, measure } from "./phone-fit";

// Phones fit one screen (issue 12), in solo play: on a 390×844 phone, for one level of every kind,
// the controls, the feedback they drive and Submit are on the first screen as the level opens
// (its learn card as a first visit shows it), without scrolling, and no sticky bar covers a
// control. Measured as the live rounds are (./phone-fit.ts).

const SHOTS = "/tmp/shots-phones-solo";
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
  // The loop's cards are reordered in place: the list is both the control and what it drives.
  { kind: "training-loop", level: "order-the-training-loop", controls: ['[data-testid="loop-order"]'], feedback: [] },
  {
    kind: "chain-rule",
    level: "chain-rule-one-neuron",
    controls: ['[data-testid="gradient-number"]'],
    feedback: ['[data-testid="network-values"]'],
  },
  { kind: "backward-pass", level: "backward-pass-branch", controls: [`${VIEW} input`], feedback: ['[data-testid="graph"]'] },
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
];

/**
 * Kinds measured and printed but not yet asserted: at 16 px text their working area is still taller
 * than what the compact header leaves (2026-11-30: the training kinds' options run 50–400 px past
 * the Submit bar, the coordinate-change plots are stacked, XOR by hand has nine sliders, the
 * training loop's list is 1,200 px; a concept quiz fits unless its sort question is drawn (1,544 px),
 * a which-network card is 840–865 px by draw). Take a kind out of this list once it fits on every draw.
 */
const FITS_NOT_YET: string[] = [
  "concept",
  "coordinate-change",
  "tune-weights",
  "learning-rate",
  "downhill",
  "training-loop",
  "deep-training",
  "digits",
  "generalise",
  "which-network",
];

test("a solo level of every kind fits a 390×844 phone: controls, feedback and Submit on one screen, never under a sticky bar", async ({ device }) => {
  test.setTimeout(600_000); // unlocking plays the campaign up to chapter 5 through the API, training levels included
  const page = await device(PHONE);
  await unlockUpTo(page, LEVELS.at(-1)?.level ?? "");
  mkdirSync(SHOTS, { recursive: true });
  const report: Record<string, unknown> = {};
  for (const solo of LEVELS) {
    await test.step(`${solo.kind}: ${solo.level}`, async () => {
      await openAnyLevel(page, solo.level);
      await expect(page.getByTestId("kind-view")).toBeVisible();
      await expect(page.getByTestId("submit")).toBeEnabled();
      await page.screenshot({ path: `${SHOTS}/${solo.kind}.png` });
      await page.screenshot({ path: `${SHOTS}/${solo.kind}-full.png`, fullPage: true }); // what lies below, to see what to move
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
      report[solo.kind] = await measure(page, target);
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
