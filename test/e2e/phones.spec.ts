import type { Page } from "@playwright/test";
import type { KindId } from "../../core/kinds/public";
import { kinds } from "../../core/kinds/registry";
import { levels } from "../../core/levels/catalog";
import { createLiveGame, expect, joinLiveGame, PHONE, PROJECTOR, test } from "./helpers";
import { type Fit, type FitTarget, measure } from "./phone-fit";

// Phones fit one screen (issue 12), in a live round: on a 390×844 phone, for one level of every
// kind, the controls, the feedback they drive and Submit are all on the first screen, without
// scrolling; and no sticky bar (the round's header, the Submit bar, a view's score line) covers a
// control, wherever the page is scrolled. Measured by bounding boxes and by what the browser hits
// at each control's centre (./phone-fit.ts), in one game of one round per kind; each round is
// ended by the host (nothing is answered).

const SHOTS = "/tmp/shots-room3";
const VIEW = '[data-testid="kind-view"]';

interface Round extends Omit<FitTarget, "submit"> {
  /** The level played (its id in the catalog). */
  level: string;
  /**
   * A quiz is several screens by nature, and which question comes first is drawn per instance: the
   * tallest of these (one question with its options) is measured with Submit, scrolled to the top.
   */
  tallestOf?: string;
}

/** One level of every kind: a kind missing here fails the test (the registry lists them all). */
const ROUNDS: Record<KindId, Round> = {
  concept: {
    level: "rules-or-examples",
    controls: [],
    feedback: [],
    tallestOf: `${VIEW} [data-testid^="question-"]:not(:has([data-testid^="card-"])), ${VIEW} [data-testid^="card-"]`,
  },
  "coordinate-change": {
    level: "turn-and-shift",
    controls: [`${VIEW} input[type="range"]`, '[data-testid="before-canvas"]'],
    feedback: ['[data-testid="live-accuracy"]', '[data-testid="after-canvas"]'],
  },
  "tune-weights": {
    level: "xor-by-hand",
    controls: [`${VIEW} input[type="range"]`],
    feedback: ['[data-testid="live-loss"]', '[data-testid="tune-canvas"]'],
  },
  // Predict, then run: in a live round the choice and the prediction are the controls; training comes with the reveal.
  "learning-rate": { level: "pick-a-learning-rate", controls: [`${VIEW} input[type="radio"]`], feedback: [`${VIEW} input[type="radio"]:checked`] },
  downhill: {
    level: "downhill-by-hand",
    controls: ['[data-testid="step-size"]', '[data-testid="take-step"]'],
    feedback: ['[data-testid="surface"]', '[data-testid="landing-loss"]'],
  },
  // The loop's cards are reordered in place: the list is both the control and what it drives.
  "training-loop": { level: "order-the-training-loop", controls: ['[data-testid="loop-order"]'], feedback: [] },
  // The network drawn with its values (the same values as text sit in a closed "Every value as text", off screen).
  "chain-rule": { level: "chain-rule-one-neuron", controls: ['[data-testid="gradient-number"]'], feedback: [`${VIEW} svg[role="img"]`] },
  "backward-pass": { level: "backward-pass-branch", controls: [`${VIEW} input`], feedback: ['[data-testid="graph"]'] },
  "run-the-loop": { level: "run-the-loop", controls: ['[data-testid="loop-controls"]'], feedback: ['[data-testid="loop-plot"]', '[data-testid="loop-log"]'] },
  nonlinearity: { level: "stacked-lines", controls: [`${VIEW} input`], feedback: [`${VIEW} svg[role="img"]`] },
  "deep-training": { level: "vanishing-gradients", controls: [`${VIEW} input[type="radio"]`], feedback: [`${VIEW} input[type="radio"]:checked`] },
  "output-head": { level: "classification-heads", controls: [], feedback: [], tallestOf: `${VIEW} [data-testid^="head-"]` },
  digits: { level: "what-the-layers-see", controls: [`${VIEW} input[type="radio"]`], feedback: ['[data-testid="network-summary"]'] },
  generalise: { level: "stop-in-time", controls: [`${VIEW} input[type="radio"]`], feedback: ['[data-testid="probe-chart"]'] },
  "which-network": { level: "match-the-network", controls: [], feedback: [], tallestOf: `${VIEW} [data-testid^="dataset-"]` },
  features: { level: "features-by-hand", controls: [`${VIEW} input[type="checkbox"]`], feedback: ['[data-testid="features-plot"]'] },
  // Predict, then run: three choices for the output layer, beside the data they must fit.
  "head-training": { level: "train-the-head", controls: [`${VIEW} select`], feedback: ['[data-testid="head-plot"]'] },
  "why-now": { level: "humans-overtaken", controls: [], feedback: [], tallestOf: `${VIEW} [data-testid^="question-"]` },
};

/**
 * Kinds measured, screenshotted and printed but not yet asserted in a live round, each with why
 * (2026-11-30, with 16 px text for what a player reads). Take a kind out once it fits on every draw.
 */
const LIVE_FITS_NOT_YET: Partial<Record<KindId, string>> = {};

/** Marks the tallest match of `selector`, so the measurement does not depend on the order drawn. */
const TALLEST = "[data-fit-tallest]";

/** What to measure on this round's page: a quiz's tallest question (marked), or the round's own targets. */
async function targetOf(phone: Page, round: Round): Promise<FitTarget> {
  const target = { ...round, submit: '[data-testid="live-submit"]' };
  if (!round.tallestOf) return target;
  await phone.locator(round.tallestOf).first().waitFor();
  await phone.evaluate(
    ({ selector, mark }) => {
      for (const old of document.querySelectorAll(mark)) old.removeAttribute("data-fit-tallest");
      const cards = [...document.querySelectorAll(selector)];
      const tallest = cards.reduce((a, b) => (b.getBoundingClientRect().height > a.getBoundingClientRect().height ? b : a));
      tallest.setAttribute("data-fit-tallest", "");
    },
    { selector: round.tallestOf, mark: TALLEST },
  );
  await expect(phone.locator(TALLEST)).toHaveCount(1);
  return { ...target, controls: [TALLEST], feedback: [], scrolledTo: TALLEST };
}

/**
 * The measurement (./phone-fit.ts). A quiz is scrolled through, question by question: at the top of
 * the page a lower card may straddle the Submit bar, which says nothing about reading it. So for a
 * quiz the card must fit with Submit scrolled to the top of the screen (offScreen), and be what the
 * browser hits there (covered), instead of at the page's top and end.
 */
async function fitOf(phone: Page, target: FitTarget): Promise<Fit> {
  const fit = await measure(phone, target);
  if (!target.scrolledTo) return fit;
  const covered = await phone.evaluate((selector) => {
    const card = document.querySelector(selector);
    card?.scrollIntoView({ block: "start" });
    const r = card?.getBoundingClientRect();
    const hit = r ? document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) : null;
    window.scrollTo(0, 0);
    return card && hit && card.contains(hit) ? [] : [`${selector} under ${hit?.tagName.toLowerCase() ?? "?"} (scrolled to the top of the screen)`];
  }, target.scrolledTo);
  return { offScreen: fit.offScreen, covered };
}

test("a live round of every kind fits a 390×844 phone: controls, feedback and Submit on one screen, never under a sticky bar", async ({ device }) => {
  test.slow(); // sixteen rounds, one per kind
  expect(Object.keys(ROUNDS).sort(), "one round per kind of the registry").toEqual(Object.keys(kinds).sort());
  // The host's playlist keeps the campaign's order.
  const order = (id: string) => levels.findIndex((l) => l.id === id);
  const played = (Object.entries(ROUNDS) as [KindId, Round][]).sort(([, a], [, b]) => order(a.level) - order(b.level));
  const titles = played.map(([, round]) => levels.find((l) => l.id === round.level)?.title ?? `no level "${round.level}"`);

  const host = await device(PROJECTOR);
  const quick3 = ["Turn the axes", "Turn and shift", "Admissions"];
  const code = await createLiveGame(host, { drop: quick3.filter((t) => !titles.includes(t)), add: titles, roundTime: "180 seconds" }, async () => {
    await expect(host.getByRole("button", { name: /^Create a game with \d+ rounds?$/ })).toHaveText(`Create a game with ${titles.length} rounds`);
  });
  const phone = await device(PHONE);
  await joinLiveGame(phone, code, "Ada Lovelace");
  await expect(host.getByTestId("player-count")).toHaveText("1 player");
  const next = host.getByTestId("host-next");
  const report: Record<string, unknown> = {};

  for (const [i, [kind, round]] of played.entries()) {
    await test.step(`${kind}: ${titles[i]}`, async () => {
      await next.click(); // the round's intro (from the lobby, then from the leaderboard)
      await expect(host.getByRole("heading", { level: 1, name: titles[i] })).toBeVisible();
      await expect(next).toHaveText("Start now");
      await next.click();
      await expect(next).toHaveText("End the round now");
      await expect(phone.getByRole("heading", { name: titles[i], level: 1 })).toBeVisible();
      await expect(phone.getByTestId("kind-view")).toBeVisible();
      await expect(phone.getByTestId("live-submit")).toBeVisible();
      // Every selector names something on this round: a measurement of nothing would pass.
      for (const selector of [...round.controls, ...round.feedback]) await expect(phone.locator(selector).first(), selector).toBeAttached();
      await phone.screenshot({ path: `${SHOTS}/phone-round-${kind}.png` });
      const target = await targetOf(phone, round);
      report[kind] = await fitOf(phone, target);
      if (!(kind in LIVE_FITS_NOT_YET))
        // Soft: every round is measured (and screenshotted) even when an earlier one fails.
        await expect
          .configure({ soft: true })
          .poll(() => fitOf(phone, target), { message: kind, timeout: 5_000 })
          .toEqual({ offScreen: [], covered: [] });
      await next.click(); // End the round now
      await expect(next).toHaveText("Show the leaderboard");
      if (i + 1 < played.length) {
        await next.click();
        await expect(next).toHaveText("Next round");
      }
    });
  }
  console.log(`Live, not yet asserted: ${Object.keys(LIVE_FITS_NOT_YET).join(", ") || "none"}. Measured:\n${JSON.stringify(report, null, 2)}`);
});
