import { earlyStop, type GeneraliseAnswer, type GeneraliseView, PROBE } from "../../core/kinds/generalise/public";
import { levels } from "../../core/levels/catalog";
import type { PublicLevel } from "../../core/play/public-level";
import { solve } from "../reference";
import { expect, expectNoHorizontalScroll, liveClass, SCORING_WAIT_MS, screenshot, test } from "./helpers";
import { strategies } from "./live-bots";
import { checkPhase } from "./projector-fit";

// Memorise or generalise, live: "Stop in time" as a round. The projector shows the challenge (the
// probe's two curves, large, the question, the stopping points on offer, the hidden test set's
// size); one phone reads the probe's curves and chooses through its page; socket bots are the rest
// of the class. At the reveal the projector draws where the class stopped on the probe's curves
// (how many at each stopping point, early stopping's stop marked) beside every choice tried with
// how many tried it, and, at the host's press, why.
// Every round draws its own noisy points, so every expectation is worked out from the round's
// public level (the probe's curves), never from a fixed stopping point or reading.

const TITLE = "Stop in time";
const LEVEL = levels.find((l) => l.id === "stop-in-time")!;

/** How the class's answers are grouped on the projector: one bar per choice, the size and the regulariser locked here (core/live/class-answers.ts). */
const choiceLabel = (a: GeneraliseAnswer) => `stop at ${a.epochs}`;

/** A student who lets it run: the last stopping point, and "it did not overfit". */
function neverStops(level: PublicLevel): GeneraliseAnswer {
  const view = level.view as GeneraliseView;
  return { ...PROBE, epochs: view.stops[view.stops.length - 1], prediction: view.prediction.options[view.prediction.options.length - 1].id };
}

/** A student who stops where the right answer stops but misreads the probe: any other reading than the right one. */
function misreads(level: PublicLevel): GeneraliseAnswer {
  const right = solve(level) as GeneraliseAnswer;
  const view = level.view as GeneraliseView;
  return { ...right, prediction: view.prediction.options.find((o) => o.id !== right.prediction)!.id };
}

test("Stop in time live: the challenge on the projector, a phone reading the probe, the class's choices and the explanation at the reveal", async ({
  device,
  baseURL,
}) => {
  test.slow(); // a projector measured at two sizes per phase, a phone, three socket students, four answers trained on the server
  const { host, phone, rounds, next, challenge, picture, playRound, close } = await liveClass(device, baseURL!, {
    levels: [TITLE],
    bots: [
      ["Bao Nguyen", strategies.solve],
      ["Chidi Okafor", neverStops],
      ["Dana Scully", misreads],
    ],
  });

  await test.step("the round: the stopping points on the projector; the phone reads the probe and chooses through its page", async () => {
    await playRound(TITLE);
    const level = await rounds.level(0);
    expect(level.kind).toBe("generalise");
    const view = level.view as GeneraliseView;
    await expect(challenge).toContainText("Read the probe's two loss curves");
    await expect(challenge).toContainText(`Stop after: ${view.stops.join(", ")} epochs`);
    await expect(challenge).toContainText(`Scored on ${view.testCount} test points no network has seen`);
    // The probe's curves, drawn in full, with nothing named on them: reading them is the question.
    await expect(challenge.getByTestId("projector-probe-chart")).toBeVisible();
    await expect(challenge.getByTestId("projector-probe-chart")).toHaveAttribute("data-epochs", String(view.maxEpochs));
    await expect(challenge.getByTestId("projector-probe-chart")).toHaveAttribute("data-overfitting-from", "");
    await expect(challenge.getByTestId("overfitting-named")).toHaveCount(0);
    // The projector offers nothing to answer, and names no reading of the probe.
    await expect(challenge.getByRole("radio")).toHaveCount(0);
    // The bots' answers are trained on the server before they count as submitted.
    await expect(host.getByTestId("submitted-count")).toHaveText("3 of 4 submitted", { timeout: SCORING_WAIT_MS });
    await checkPhase(host, "generalise-live-playing");

    const right = solve(level) as GeneraliseAnswer;
    await expect(phone.getByTestId("probe-chart")).toBeVisible();
    await expect(phone.getByTestId("overfitting-named"), "nothing names overfitting before the answer").toHaveCount(0);
    await expect(phone.getByTestId("choice-size-large"), "the size is fixed in this level").toHaveCount(0);
    await phone.getByTestId(`choice-epochs-${right.epochs}`).check();
    const reading = phone.getByTestId("prediction").locator(`input[value="${right.prediction}"]`);
    await reading.check();
    await expect(reading).toBeChecked();
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, "generalise-live-phone-playing");
    await phone.getByTestId("live-submit").click();
    // The right reading and early stopping on validation are the reference itself: 100%.
    await expect(phone.getByTestId("live-message")).toHaveText(/^Scored 100\.0%: \d+ points\. That is your best so far\.$/, { timeout: SCORING_WAIT_MS });
    await expect(host.getByTestId("submitted-count")).toHaveText("4 of 4 submitted");
  });

  await test.step("the reveal: every choice the class tried with how many tried it, then the explanation", async () => {
    await next.click(); // an experiment's answers can be bettered until the end: the host ends the round
    await expect(picture).toBeVisible({ timeout: SCORING_WAIT_MS });
    await expect(host.getByTestId("reveal-stars")).toContainText("no answer: 0");
    const level = await rounds.level(0);
    const view = level.view as GeneraliseView;
    const right = solve(level) as GeneraliseAnswer;
    // Ada, Bao and Dana stopped at the same epoch (Dana misread the probe); Chidi let it run, which
    // is the same choice when this round's probe did not overfit before its last stopping point.
    const expected = new Map<string, number>();
    for (const answer of [right, right, neverStops(level), misreads(level)]) expected.set(choiceLabel(answer), (expected.get(choiceLabel(answer)) ?? 0) + 1);
    const bars = picture.getByRole("list", { name: "Choices tried" }).getByRole("listitem");
    await expect(bars).toHaveCount(expected.size);
    // "stop at 30 (" and not "stop at 300 (": the bar's label is followed by its score in brackets.
    const bar = (label: string) => bars.filter({ hasText: new RegExp(`${label} \\(`) });
    for (const [label, count] of expected) await expect(bar(label).locator(".class-bar-count")).toHaveText(String(count));
    // The right choice scored 100%, the class's best: it is marked.
    await expect(bar(choiceLabel(right))).toHaveClass(/\bright\b/);
    await expect(bar(choiceLabel(right))).toContainText("(100%)");
    // On the probe's curves: a line per stopping point chosen, with how many chose it, and early stopping's stop.
    const stopped = new Map<number, number>();
    for (const answer of [right, right, neverStops(level), misreads(level)]) stopped.set(answer.epochs, (stopped.get(answer.epochs) ?? 0) + 1);
    await expect(picture.locator('[data-testid^="chosen-"]')).toHaveCount(stopped.size);
    for (const [epoch, count] of stopped) await expect(picture.getByTestId(`chosen-${epoch}`)).toHaveAttribute("data-count", String(count));
    await expect(picture.getByTestId("right-stop")).toHaveCount(1);
    await expect(picture).toContainText(`early stopping: epoch ${earlyStop(view.probe, view.stops)}`);
    await checkPhase(host, "generalise-live-reveal");

    await host.getByTestId("reveal-why").click();
    await expect(host.getByTestId("reveal-explanation")).toHaveText(LEVEL.explanation);
    await checkPhase(host, "generalise-live-why");

    await expect(phone.getByTestId("my-round-result")).toContainText("Your best: 100.0%");
    await expect(phone.getByTestId("reveal-explanation")).toHaveText(LEVEL.explanation);
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, "generalise-live-phone-reveal");
  });

  close();
});
