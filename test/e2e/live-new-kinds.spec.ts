import type { Page } from "@playwright/test";
import { type BackwardPassAnswer, type BackwardPassView, fieldsOf, show } from "../../core/kinds/backward-pass/public";
import { type DownhillAnswer, type DownhillView, preview } from "../../core/kinds/downhill/public";
import type { PublicLevel } from "../../core/play/public-level";
import type { RunTheLoopAnswer } from "../../core/kinds/run-the-loop/public";
import { solve } from "../reference";
import { strategies } from "./live-bots";
import { expect, expectNoHorizontalScroll, liveClass, screenshot, test } from "./helpers";
import { checkPhase } from "./projector-fit";

// A live game of the two kinds added last, Downhill and Backward pass: during the round the
// projector shows the challenge (the bowl's contours with the start; the graph to fill), at the
// reveal the class's answers (the spread of scores; per node, how many got its gradient right),
// each fitting both projector sizes and read from the back row (projector-fit.ts). One phone plays
// through its page; socket bots (live-bots.ts) are the rest of the class.

const ROUNDS = ["Downhill by hand", "Backward pass: a branch"] as const;

/** A student who slips: the first step only (Downhill); every gradient right but w's (Backward pass). */
function slip(level: PublicLevel): unknown {
  const right = solve(level);
  if (level.kind === "downhill") {
    const answer = right as DownhillAnswer;
    return answer.mode === "steps" ? { ...answer, sizes: answer.sizes.slice(0, 1) } : answer;
  }
  if (level.kind === "backward-pass") {
    const answer = right as BackwardPassAnswer;
    return { gradients: { ...answer.gradients, w: (answer.gradients.w ?? 0) + 1 } };
  }
  return right;
}

/** Types the step sizes of the served bowl's best steps (test/reference's line search), one step at a time. */
async function takeSteps(phone: Page, sizes: number[]) {
  for (const [i, size] of sizes.entries()) {
    const field = phone.getByTestId("step-size-number");
    await field.fill(String(size));
    await field.press("Enter");
    await expect(phone.getByTestId("step-size-value")).toHaveText(String(Number(size.toPrecision(4))));
    await phone.getByTestId("take-step").click();
    await expect(phone.getByTestId("step-counter")).toContainText(`Step ${i + 1} of`);
  }
}

/** Fills every gradient field from the output back (each opens once the nodes using it are filled), as the page shows numbers. */
async function fillGradients(phone: Page, view: BackwardPassView, gradients: BackwardPassAnswer["gradients"]) {
  for (const field of fieldsOf(view.examples.length)) {
    const input = phone.getByTestId(`grad-${field.id}`);
    await expect(input).toBeEnabled();
    await input.fill(show(gradients[field.id] ?? 0));
  }
}

test("Downhill and Backward pass live: the challenge on the projector during the round, the class's answers at the reveal, a phone playing each", async ({
  device,
  baseURL,
}) => {
  test.slow(); // a projector measured at two sizes per phase, a phone, three socket students
  const { host, phone, rounds, next, challenge, picture, playRound, close } = await liveClass(device, baseURL!, {
    levels: ROUNDS,
    bots: [
      ["Bao Nguyen", strategies.solve],
      ["Chidi Okafor", strategies.start],
      ["Dana Scully", slip],
    ],
  });

  await test.step("round 1, Downhill by hand: the bowl's contours with the start on the projector; the phone takes the steps", async () => {
    await playRound(ROUNDS[0]);
    await expect(challenge.getByRole("img", { name: "The loss over the two parameters w and b, as contour lines, with the starting point" })).toBeVisible();
    await expect(challenge).toContainText("Take gradient steps by hand");
    // The contours are drawn: more than a frame around an empty plot.
    expect(await challenge.locator("svg path, svg ellipse, svg polyline").count()).toBeGreaterThan(3);
    await expect(host.getByTestId("submitted-count")).toHaveText("3 of 4 submitted", { timeout: 60_000 });
    await checkPhase(host, "new-kinds-downhill-playing");

    const level = await rounds.level(0);
    expect(level.kind).toBe("downhill");
    await expect(phone.getByTestId("take-step")).toBeVisible();
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, "new-kinds-downhill-phone-playing");
    await takeSteps(phone, (solve(level) as DownhillAnswer & { mode: "steps" }).sizes);
    await expect(phone.getByTestId("live-gap")).toHaveText(/ from the bottom · target 1%/);
    await phone.getByTestId("live-submit").click();
    await expect(phone.getByTestId("live-message")).toHaveText(/^Scored 100\.0%: \d+ points\. That is your best so far\.$/);
    await expect(host.getByTestId("submitted-count")).toHaveText("4 of 4 submitted");
    await screenshot(phone, "new-kinds-downhill-phone-submitted");
  });

  await test.step("round 1's reveal: the spread of the class's scores, the bottom of the bowl named", async () => {
    await next.click(); // the bots are never done: the host ends the round
    await expect(picture).toBeVisible({ timeout: 30_000 });
    await expect(picture).toContainText(/Score: how the class's answers spread\. The bottom of the bowl: loss \d/);
    const bars = picture.getByRole("list", { name: "Score of the answers" });
    // Ada and Bao at the bottom (the top range, marked), Chidi never moved; Dana's one step may or
    // may not reach the bottom, as this round's bowl has it (the kind's own score says which).
    const level = await rounds.level(0);
    const danaThere = preview(level.view as DownhillView, slip(level) as DownhillAnswer).score >= 1;
    await expect(bars.locator(".class-bar.right .class-bar-count")).toHaveText(danaThere ? "3" : "2");
    const counts = (await bars.locator(".class-bar-count").allTextContents()).map(Number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(4);
    await expect(host.getByTestId("reveal-stars")).toContainText("no answer: 0");
    await checkPhase(host, "new-kinds-downhill-reveal");
    await expect(phone.getByTestId("my-round-result")).toContainText("Your best: 100.0%");
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, "new-kinds-downhill-phone-reveal");
    await next.click(); // leaderboard
    await expect(host.getByRole("heading", { level: 1, name: "Leaderboard" })).toBeVisible();
  });

  await test.step("round 2, Backward pass: the graph to fill on the projector; the phone fills every gradient", async () => {
    await playRound(ROUNDS[1]);
    await expect(challenge).toContainText("Fill in ∂L/∂ of every node, from the loss back.");
    await expect(challenge.locator("svg")).toBeVisible();
    await expect(host.getByTestId("submitted-count")).toHaveText("3 of 4 submitted", { timeout: 60_000 });
    await checkPhase(host, "new-kinds-backward-playing");

    const level = await rounds.level(1);
    expect(level.kind).toBe("backward-pass");
    const view = level.view as BackwardPassView;
    // The projector shows no gradient: only the forward values the phones show too.
    const right = (solve(level) as BackwardPassAnswer).gradients;
    for (const field of fieldsOf(view.examples.length))
      await expect(challenge.getByTestId(`grad-${field.id}`), "the projector holds no field to fill").toHaveCount(0);
    await screenshot(phone, "new-kinds-backward-phone-playing");
    await fillGradients(phone, view, right);
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, "new-kinds-backward-phone-filled");
    await phone.getByTestId("live-submit").click();
  });

  await test.step("round 2's reveal: per node, how many got its gradient right", async () => {
    // A quiz answer is final and counts as done: with the bots' answers locked in too, Ada's ends the round.
    await expect(picture).toBeVisible({ timeout: 30_000 });
    await expect(host.getByTestId("reveal-stars")).toContainText("no answer: 0");
    // Six nodes (y, p, z, v, w, b); three filled them in (Chidi left every field empty); Dana slipped on w.
    const tabs = picture.locator(".paged-tabs button");
    await expect(tabs).toHaveCount(6);
    await expect(tabs.nth(0)).toHaveText("Q1 · 3/3 right");
    await expect(tabs.nth(4)).toHaveText("Q5 · 2/3 right");
    await expect(picture).toContainText("∂L/∂y");
    await checkPhase(host, "new-kinds-backward-reveal");
    await tabs.nth(4).click();
    await expect(picture).toContainText("∂L/∂w");
    await expect(picture.getByRole("listitem").filter({ hasText: "another number" }).locator(".class-bar-count")).toHaveText("1");
    await checkPhase(host, "new-kinds-backward-reveal-w");
    await expect(phone.getByTestId("my-round-result")).toContainText("Your best: 100.0%");
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, "new-kinds-backward-phone-reveal");
  });

  close();
});

test("Run the loop by hand live: the problem on the projector during the round, the spread of scores at the reveal, a phone running the loop", async ({
  device,
  baseURL,
}) => {
  test.slow(); // a projector measured at two sizes per phase, a phone, two socket students
  const round = "Run the loop by hand";
  const { host, phone, rounds, challenge, picture, playRound, close } = await liveClass(device, baseURL!, {
    levels: [round],
    bots: [
      ["Bao Nguyen", strategies.solve],
      ["Chidi Okafor", strategies.start],
    ],
  });

  await test.step("the round: the projector states the problem (read-only); the phone chooses and carries out every step", async () => {
    await playRound(round);
    await expect(challenge).toContainText("Run the training loop by hand on ŷ = w·x");
    await expect(challenge.getByRole("button")).toHaveCount(0);
    await expect(host.getByTestId("submitted-count")).toHaveText("2 of 3 submitted", { timeout: 60_000 });
    await checkPhase(host, "new-kinds-loop-playing");
    const level = await rounds.level(0);
    expect(level.kind).toBe("run-the-loop");
    const { steps } = solve(level) as RunTheLoopAnswer;
    for (const [i, s] of steps.entries()) {
      await phone.getByTestId(`choose-${s.step}`).click();
      for (const [k, v] of s.values.entries()) await phone.getByTestId(`loop-value-${k}`).fill(String(v));
      await phone.getByTestId("loop-take").click();
      await expect(phone.getByTestId(`loop-step-${i}`)).toBeVisible();
    }
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, "new-kinds-loop-phone-filled");
    await phone.getByTestId("live-submit").click();
  });

  await test.step("the reveal: the spread of the class's scores", async () => {
    await expect(picture).toBeVisible({ timeout: 30_000 });
    await expect(picture).toContainText("Score");
    await expect(host.getByTestId("reveal-stars")).toContainText("no answer: 0");
    await checkPhase(host, "new-kinds-loop-reveal");
    await expect(phone.getByTestId("my-round-result")).toContainText("Your best: 100.0%");
    await screenshot(phone, "new-kinds-loop-phone-reveal");
  });

  close();
});
