import type { Page } from "@playwright/test";
import { expect, expectNoHorizontalScroll, PHONE, screenshot, submitAndExpectStars, test, unlockAndOpen } from "./helpers";

// Backward pass: read the forward values off the graph, fill every node's gradient from the output
// back (as a player with a calculator would), submit, and watch the exact numbers flow back.

const read = async (page: Page, testId: string) => Number(await page.getByTestId(testId).textContent());

/** The backward pass by hand, from the numbers on the page. */
async function gradientsFromPage(page: Page, examples: number): Promise<[string, number][]> {
  const v = await read(page, "value-v");
  const id = (name: string, k: number) => (examples > 1 ? `${name}${k + 1}` : name);
  const sub = (k: number) => (examples > 1 ? "₁₂"[k] : "");
  const out: [string, number][] = [];
  let [dv, dw, db] = [0, 0, 0];
  for (let k = 0; k < examples; k++) {
    const y = await read(page, `value-${id("y", k)}`);
    const z = await read(page, `value-${id("z", k)}`);
    const x = await read(page, `value-x${sub(k)}`);
    const t = Number(((await page.getByText(new RegExp(`^t${sub(k)} = `)).textContent()) ?? "").split("=")[1]);
    const dE = 1 / examples;
    const dy = dE * (y - t);
    const dz = dy * v + dy;
    if (examples > 1) out.push([id("e", k), dE]);
    out.push([id("y", k), dy], [id("p", k), dy], [id("z", k), dz]);
    dv += dy * z;
    dw += dz * x;
    db += dz;
  }
  out.push(["v", dv], ["w", dw], ["b", db]);
  return out;
}

test("a branch: fill the gradients from the output back, submit for three stars, and see them flow back", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await unlockAndOpen(page, "backward-pass-branch");
  await expect(page.getByTestId("learn")).toContainText("backward pass");
  // From the output back: z waits for p and y, the weights for z.
  await expect(page.getByTestId("grad-z")).toBeDisabled();
  await expect(page.getByTestId("grad-w")).toBeDisabled();
  await expect(page.getByTestId("grad-y")).toBeEnabled();
  await screenshot(page, "backward-pass-branch-start");

  // Nothing is scored before Submit: a quiz.
  await expect(page.getByText("Right now this would earn")).toHaveCount(0);
  // The fields are filled in the table's order, the order of a backward pass: each opens in turn.
  const grads = (await gradientsFromPage(page, 1)).sort(([a], [b]) => ["y", "p", "z", "v", "w", "b"].indexOf(a) - ["y", "p", "z", "v", "w", "b"].indexOf(b));
  for (const [field, value] of grads) await page.getByTestId(`grad-${field}`).fill(String(Number(value.toFixed(4))));
  await submitAndExpectStars(page, 3);
  const review = page.getByTestId("backward-review");
  await expect(review).toBeVisible();
  await expect(page.getByTestId("why-one-pass")).toContainText("computed once");
  for (const [field] of grads) await expect(page.getByTestId(`verdict-${field}`)).toContainText("✓");
  // The gradients flow back, one layer at a time: the weights' numbers appear after y's.
  const delay = (field: string) =>
    page
      .getByTestId(`node-${field}`)
      .locator("text")
      .last()
      .evaluate((el) => getComputedStyle(el).animationDelay);
  expect(Number.parseFloat(await delay("w"))).toBeGreaterThan(Number.parseFloat(await delay("y")));
  await screenshot(page, "backward-pass-branch-review");
});

test("a batch of two on a phone, with reduced motion: shared weights sum both examples", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.setViewportSize(PHONE.viewport);
  await unlockAndOpen(page, "backward-pass-batch");
  const grads = await gradientsFromPage(page, 2);
  const order = ["e1", "e2", "y1", "y2", "p1", "p2", "z1", "z2", "v", "w", "b"];
  grads.sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  // A slip first: w's gradient from the first example only (the second path left out).
  for (const [field, value] of grads) {
    const wrong = field === "w" ? value - grads.find(([f]) => f === "z2")![1] * Number(await page.getByTestId("value-x₂").textContent()) : value;
    await page.getByTestId(`grad-${field}`).fill(String(Number(wrong.toFixed(4))));
  }
  // The fields and Submit share the phone's screen.
  await page.getByTestId("grad-e1").evaluate((el) => el.scrollIntoView({ block: "start" }));
  for (const id of ["grad-e1", "grad-b", "submit"]) await expect(page.getByTestId(id)).toBeInViewport({ ratio: 1 });
  await expectNoHorizontalScroll(page);
  await screenshot(page, "backward-pass-batch-phone-filled", { fullPage: false });
  await submitAndExpectStars(page, 2);
  await expect(page.getByTestId("verdict-w")).toContainText("✗");
  await expect(page.getByTestId("why-one-pass")).toContainText("one term per example");
  // With reduced motion the numbers are simply there: no animation.
  const animation = await page
    .getByTestId("node-w")
    .locator("text")
    .last()
    .evaluate((el) => getComputedStyle(el).animationName);
  expect(animation).toBe("none");
  await expectNoHorizontalScroll(page);
  await screenshot(page, "backward-pass-batch-phone-review");

  // The next variant has other numbers: the review's answer does not carry over.
  const before = await page.getByTestId("value-w").textContent();
  await page.getByTestId("next-variant").click();
  await expect(page.getByTestId("grad-e1")).toHaveValue("");
  const after = await gradientsFromPage(page, 2);
  expect(after).not.toEqual(grads);
  expect(typeof before).toBe("string");
});
