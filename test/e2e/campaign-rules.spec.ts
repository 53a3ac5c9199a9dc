import {
  expect,
  levelCard,
  openLevel,
  screenshot,
  servedLevel,
  setNumber,
  submitAndExpectStars,
  test,
  typedAnswer,
  typedAnswerFor,
  unlockUpTo,
  waitForProfile,
} from "./helpers";

// The campaign's rules, which no page can get around: a level opens only after the one before it
// has a star, and the server scores every answer itself.

test("a locked level's URL shows the locked message, not the level", async ({ page }) => {
  await page.goto("/play/xor");
  await expect(page.getByRole("heading", { level: 1, name: "XOR is locked" })).toBeVisible();
  await expect(page.getByText("Earn at least one star on the previous level to open it.")).toBeVisible();
  await expect(page.getByTestId("before-canvas")).toHaveCount(0);
  await expect(page.getByTestId("submit")).toHaveCount(0);
  await page.getByRole("link", { name: "Back to the campaign" }).click();
  await expect(page).toHaveURL(/\/play$/);
  await expect(levelCard(page, "xor")).toHaveAttribute("data-locked", "true");
});

test("a score sent by the browser is ignored: the server scores the answer itself", async ({ page }) => {
  await unlockUpTo(page, "turn-the-axes");
  await page.goto("/play");
  await waitForProfile(page);
  // page.request shares the page's cookies, so this is the same anonymous player.
  const served = await servedLevel(page, "turn-the-axes");
  const attempt = served.attempt;
  // The axes turned half a turn from the right angle: black and white swapped, nearly every point wrong.
  const right = await typedAnswerFor(served);
  const data = {
    levelId: "turn-the-axes",
    attempt,
    answer: { ...right, angleDeg: right.angleDeg > 0 ? right.angleDeg - 180 : right.angleDeg + 180 },
    score: 1,
    stars: 3,
  };
  const res = await page.request.post("/api/submissions", { data });
  expect(res.status()).toBe(201);
  const body = await res.json();
  expect(body.stars).toBe(0);
  expect(body.score).toBeLessThan(0.5);
  expect(body.next.attempt).toBe(attempt! + 1);

  // That attempt is spent: an answer to it again is refused, and the page is told to reload.
  const again = await page.request.post("/api/submissions", { data });
  expect(again.status()).toBe(409);
  expect((await again.json()).error).toMatchObject({ code: "stale_attempt", message: expect.stringContaining("reload") });

  // Submitting the locked next level's answer is refused.
  const locked = await page.request.post("/api/submissions", {
    data: { levelId: "turn-and-shift", attempt: 1, answer: { representation: "raw", rule: "x>0", angleDeg: -120, shift: [0.35, -0.45], scale: [1, 1] } },
  });
  expect(locked.status()).toBe(403);

  await page.reload();
  await expect(levelCard(page, "turn-the-axes")).toHaveAttribute("data-stars", "0");
  await expect(levelCard(page, "turn-and-shift")).toHaveAttribute("data-locked", "true");
});

test("hints come one at a time from the server; a giveaway hint says its cost on its button, and opened, caps the try at ★★", async ({ page }) => {
  test.slow(); // unlocking plays chapters 1 and 2 up to Admissions through the API
  await unlockUpTo(page, "admissions");
  await openLevel(page, "admissions");
  const hints = page.getByTestId("hints");
  const open = page.getByTestId("open-hint");
  await expect(hints.getByRole("listitem")).toHaveCount(0); // the page holds no unopened hint
  await expect(open).toHaveText("Show a hint");
  await open.click();
  await expect(hints.getByRole("listitem")).toHaveCount(1);
  await expect(open).toHaveText("Hint 2");
  await open.click();
  await expect(hints.getByRole("listitem")).toHaveCount(2);
  // The third gives the answer away: its button says what it costs before it is opened.
  await expect(open).toHaveText("Hint 3 — costs ★");
  await expect(page.getByText("This hint gives the answer away: it lowers what this try can earn by one star.")).toBeVisible();
  await expect(page.getByTestId("attempt-rules")).toHaveText("A ★★★ try is available now.");
  await screenshot(page, "hint-button-with-cost");

  await open.click();
  await expect(hints.getByRole("listitem")).toHaveCount(3);
  await expect(hints.getByRole("listitem").last()).toContainText("(this hint cost a star)");
  await expect(page.getByText("That's every hint.")).toBeVisible();
  await expect(page.getByTestId("attempt-rules")).toHaveText("The hints you opened cap this try at ★★.");

  // Doing what it says: the answer is right, and this try earns ★★.
  const answer = await typedAnswer(page, "admissions");
  expect(answer.rule).toBe("x>0 and y>0");
  await page.getByRole("radio", { name: "black when x′ > 0 and y′ > 0", exact: true }).check();
  await setNumber(page, "shift-x", answer.shift[0]);
  await setNumber(page, "shift-y", answer.shift[1]);
  await expect(page.getByTestId("live-accuracy")).toHaveText("Accuracy 100.0%");
  await expect(page.getByTestId("live-stars")).toContainText("(the most this try can earn)");
  await expect(page.getByTestId("live-stars").getByRole("img", { name: "2 of 3 stars" })).toBeVisible();
  await screenshot(page, "hint-opened-cap");
  await submitAndExpectStars(page, 2);
  await expect(page.getByTestId("capped")).toHaveText("Right — but a giveaway hint caps this try at ★★.");
  // Not a miss: the next variant may earn ★★★ again, with its hints closed.
  await expect(page.getByTestId("next-rules")).toContainText("A ★★★ try is available now.");
  await page.getByTestId("next-variant").click();
  await expect(hints.getByRole("listitem")).toHaveCount(0);
  await expect(open).toHaveText("Show a hint");
});
