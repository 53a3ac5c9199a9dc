import type { Page } from "@playwright/test";
import { collectPageErrors, expect, expectNoHorizontalScroll, PHONE, screenshot, tabTo, test, TRAINING_WAIT_MS, waitForHydration } from "./helpers";

// The sandbox (/sandbox): a teacher's shared link opens a setup, the network trains live, a
// weight is edited from the keyboard, and the address bar carries the setup to another page.

/** XOR, two hidden layers of 4 tanh units: test/unit/sandbox-run.test.ts checks it learns (test loss < 0.1 in 150 epochs). */
const SHARED = "/sandbox?d=xor&h=4-4&a=tanh";

const numberIn = async (page: Page, testId: string) => Number(((await page.getByTestId(testId).textContent()) ?? "").replace(/,/g, "").replace("−", "-"));
const epochOf = (page: Page) => numberIn(page, "epoch");
const testLossOf = (page: Page) => numberIn(page, "test-loss");

/** The sandbox is server-rendered: wait until React has attached its handlers before pressing anything. */
async function openSandbox(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForHydration(page.getByTestId("play"));
}

async function expectSharedSetup(page: Page, learningRate: string): Promise<void> {
  await expect(page.getByRole("radio", { name: "XOR" })).toBeChecked();
  await expect(page.getByLabel("Activation")).toHaveValue("tanh");
  await expect(page.getByTestId("layer-count")).toHaveText("2");
  await expect(page.getByTestId("units-1")).toHaveText("4 units");
  await expect(page.getByTestId("units-2")).toHaveText("4 units");
  await expect(page.getByLabel("Learning rate")).toHaveValue(learningRate);
}

test("a shared link: train, pause, edit a weight by keyboard, and the link reproduces the setup elsewhere", async ({ page, browser }) => {
  test.slow(); // trains in the browser while other tests use the same two cores
  const errors = collectPageErrors(page);
  await openSandbox(page, SHARED);
  await expectSharedSetup(page, "0.03");
  await expect(page.getByTestId("epoch")).toHaveText("0");
  const untrained = await testLossOf(page);
  expect(untrained).toBeGreaterThan(0.5); // about log 2: a coin toss
  await screenshot(page, "sandbox-01-desktop-shared-link");

  // Play: the counter rises and the test loss falls under the bound, live.
  const play = page.getByTestId("play");
  await play.click();
  await expect(play).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => epochOf(page)).toBeGreaterThan(20);
  await expect.poll(() => testLossOf(page), { timeout: TRAINING_WAIT_MS, message: "the test loss falls under 0.1" }).toBeLessThan(0.1);
  await screenshot(page, "sandbox-02-desktop-trained");

  // Pause: the counter stops.
  await play.click();
  await expect(play).toHaveAttribute("aria-pressed", "false");
  const pausedAt = await epochOf(page);
  await expect(page.getByRole("status").filter({ hasText: `Paused at epoch ${pausedAt}` })).toBeAttached();
  await page.waitForTimeout(300);
  expect(await epochOf(page)).toBe(pausedAt);

  // Keyboard: Tab reaches the network (one stop), the arrows move between weights, Enter edits.
  const lossBefore = await testLossOf(page);
  await tabTo(page, page.getByTestId("weight-0-0-0"));
  await page.keyboard.press("ArrowRight");
  const edge = page.getByTestId("weight-0-0-1");
  await expect(edge).toBeFocused();
  await expect(page.getByTestId("weight-tooltip")).toContainText("weight from x₁ to unit 2 of layer 1");
  await page.keyboard.press("Enter");
  const editor = page.getByTestId("weight-editor");
  await expect(editor.getByRole("spinbutton")).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("-6");
  await page.keyboard.press("Enter");
  await expect(editor).toBeHidden();
  await expect(edge).toHaveAttribute("aria-label", /^weight from x₁ to unit 2 of layer 1: −6\.000\./);
  await expect(edge).toBeFocused(); // back where the keyboard was
  await expect.poll(() => testLossOf(page)).not.toBe(lossBefore);
  // Escape leaves a weight as it was.
  await page.keyboard.press("Enter");
  await page.keyboard.type("3");
  await page.keyboard.press("Escape");
  await expect(editor).toBeHidden();
  await expect(edge).toHaveAttribute("aria-label", /: −6\.000\./);
  await screenshot(page, "sandbox-03-desktop-weight-edited");

  // The address bar follows the settings, replaced rather than pushed (one history entry).
  const entries = await page.evaluate(() => history.length);
  await page.getByLabel("Learning rate").selectOption("0.1");
  await expect.poll(() => new URL(page.url()).searchParams.get("lr")).toBe("0.1");
  expect(await page.evaluate(() => history.length)).toBe(entries);
  const shared = page.url();
  expect(new URL(shared).search).toBe("?d=xor&h=4-4&lr=0.1"); // short keys, defaults left out

  // "Copy link" puts the same address on the clipboard (or shows it where the clipboard is refused).
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByTestId("copy-link").click();
  await expect(page.getByText("Link copied")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shared);

  // Reset goes back to epoch 0 with the same starting weights; three steps from there…
  await page.getByTestId("reset").click();
  await expect(page.getByTestId("epoch")).toHaveText("0");
  expect(await testLossOf(page)).toBe(untrained);
  for (let i = 0; i < 3; i++) await page.getByTestId("step").click();
  await expect(page.getByTestId("epoch")).toHaveText("3");
  const afterThree = await testLossOf(page);

  // …give the same numbers on another person's device opening the copied link.
  const other = await browser.newPage();
  await openSandbox(other, shared);
  await expectSharedSetup(other, "0.1");
  expect(await testLossOf(other)).toBe(untrained);
  for (let i = 0; i < 3; i++) await other.getByTestId("step").click();
  await expect(other.getByTestId("epoch")).toHaveText("3");
  expect(await testLossOf(other)).toBe(afterThree);
  await other.close();
  expect(errors).toEqual([]);
});

test("settings that change the data or the network start again; a hand-edited link falls back field by field", async ({ page }) => {
  await openSandbox(page, "/sandbox?d=spiral&h=8-99&a=relu&lr=banana&n=20");
  await expect(page.getByRole("radio", { name: "Spiral" })).toBeChecked();
  await expect(page.getByLabel("Activation")).toHaveValue("relu");
  await expect(page.getByTestId("units-1")).toHaveText("4 units"); // "8-99" is not a network: the default 4-2
  await expect(page.getByTestId("units-2")).toHaveText("2 units");
  await expect(page.getByLabel("Learning rate")).toHaveValue("0.03");
  await expect(page.getByLabel(/^Noise/)).toHaveValue("20");

  await page.getByTestId("step").click();
  await expect(page.getByTestId("epoch")).toHaveText("1");
  // Adding a layer and a feature rebuilds the network (and the diagram), back at epoch 0.
  await page.getByRole("button", { name: "Add a hidden layer" }).click();
  await expect(page.getByTestId("layer-count")).toHaveText("3");
  await expect(page.getByTestId("epoch")).toHaveText("0");
  await page.getByRole("checkbox", { name: "x 1 squared" }).check();
  await expect(page.getByTestId("weight-0-2-0")).toBeAttached(); // the third input (x₁²) to unit 1 of layer 1
  await expect.poll(() => new URL(page.url()).searchParams.get("f")).toBe("x1-x2-x1sq");
  await expect.poll(() => new URL(page.url()).searchParams.get("h")).toBe("4-2-2");
  // A learning rate change does not restart.
  await page.getByTestId("step").click();
  await page.getByLabel("Learning rate").selectOption("0.3");
  await expect.poll(() => new URL(page.url()).searchParams.get("lr")).toBe("0.3");
  await page.waitForTimeout(500); // the new address has settled: the page was not rebuilt from it
  await expect(page.getByTestId("epoch")).toHaveText("1");
  // The last input cannot be removed.
  await page.getByRole("checkbox", { name: "x 1 squared" }).uncheck();
  await page.getByRole("checkbox", { name: "x 2", exact: true }).uncheck();
  await expect(page.getByRole("checkbox", { name: "x 1", exact: true })).toBeDisabled();
});

test("hovering an edge shows its value; a click edits it; the tooltip does not animate for reduced motion", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await openSandbox(page, "/sandbox?h=2");
  const bias = page.getByTestId("bias-0-1");
  await bias.hover();
  const tip = page.getByTestId("weight-tooltip");
  await expect(tip).toHaveText("bias of unit 2 of layer 1: 0.100");
  expect(await tip.evaluate((el) => getComputedStyle(el).animationName)).toBe("none");
  await bias.click();
  await expect(page.getByTestId("weight-editor").getByLabel("Set the bias of unit 2 of layer 1")).toBeFocused();
});

test.describe("on a phone", () => {
  test.use(PHONE);

  test("the plot comes first, the controls fold, and nothing scrolls sideways, even with the widest network", async ({ page }) => {
    await openSandbox(page, SHARED);
    const plot = page.getByTestId("output-canvas");
    const plotBox = (await plot.boundingBox())!;
    expect(plotBox.width).toBeGreaterThan(300);
    expect(plotBox.y).toBeLessThan((await page.getByTestId("network-diagram").boundingBox())!.y);
    for (const name of ["data", "features", "network", "training"])
      await expect(page.getByTestId(`section-${name}`), `${name} folded`).not.toHaveJSProperty("open", true);
    await expectNoHorizontalScroll(page);
    await screenshot(page, "sandbox-10-phone-first-screen", { fullPage: false });

    await page.getByTestId("play").tap();
    await expect.poll(() => epochOf(page)).toBeGreaterThan(5);
    await page.getByTestId("play").tap();
    await screenshot(page, "sandbox-11-phone");

    // A folded group opens with a tap, and its controls work.
    await page.getByTestId("section-data").locator("summary").tap();
    await page.getByRole("radio", { name: "Spiral" }).tap();
    await expect(page.getByTestId("epoch")).toHaveText("0");
    await expect.poll(() => new URL(page.url()).searchParams.get("d")).toBe("spiral");
    // Every group open at once still fits the phone's 390 px (a phone browser widens its layout
    // viewport to fit wide content, so the page is also measured against the screen's width).
    for (const name of ["features", "network", "training"]) await page.getByTestId(`section-${name}`).locator("summary").tap();
    for (const name of ["data", "features", "network", "training"]) await expect(page.getByTestId(`section-${name}`)).toHaveJSProperty("open", true);
    await expectNoHorizontalScroll(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.viewport.width);
    await screenshot(page, "sandbox-13-phone-controls-open");

    await openSandbox(page, "/sandbox?h=8-8-8-8-8-8&f=x1-x2-x1sq-x2sq-x1x2-sinx1-sinx2");
    await expect(page.getByTestId("weight-6-0-0")).toBeAttached();
    await expectNoHorizontalScroll(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.viewport.width);
    await page.getByTestId("network-diagram").evaluate((el) => el.scrollIntoView({ block: "start" }));
    await screenshot(page, "sandbox-12-phone-widest-network", { fullPage: false });
  });
});
