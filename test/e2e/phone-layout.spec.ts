import {
  angleGap,
  expect,
  expectNoHorizontalScroll,
  openLevel,
  PHONE,
  screenshot,
  setNumber,
  submitAndExpectStars,
  test,
  touchPath,
  typedAnswer,
  unlockUpTo,
} from "./helpers";

// Desktop screenshots are taken along the journeys (newcomer.spec.ts, coordinate-change.spec.ts);
// this file covers a phone-sized viewport.
test.describe("on a phone", () => {
  test.use(PHONE);

  test("landing, map and a coordinate-change level fit a phone screen", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Play solo" })).toBeInViewport();
    await expectNoHorizontalScroll(page);
    await screenshot(page, "10-phone-landing");

    await page.goto("/play");
    await expect(page.getByTestId("display-name")).toBeVisible();
    await expectNoHorizontalScroll(page);
    await screenshot(page, "11-phone-map");

    await unlockUpTo(page, "turn-the-axes");
    await openLevel(page, "turn-the-axes");
    // "Before" (where the finger drags) and "after" side by side, each half the phone's width and
    // square: both plots, the sliders and Submit share the first screen (phones-solo.spec.ts
    // measures that fit; a full-width plot pushed "after" and the sliders a screen down).
    const canvas = page.getByTestId("before-canvas");
    const box = (await canvas.boundingBox())!;
    const after = (await page.getByTestId("after-canvas").boundingBox())!;
    expect(box.width).toBeGreaterThan(170);
    expect(Math.abs(box.width - box.height)).toBeLessThan(2);
    expect(Math.abs(after.width - box.width)).toBeLessThan(2);
    expect(Math.abs(after.y - box.y)).toBeLessThan(2);
    expect(after.x).toBeGreaterThanOrEqual(box.x + box.width);
    await expectNoHorizontalScroll(page);
    await screenshot(page, "12-phone-level-turn-the-axes");
    // What the phone actually shows: the first screen, plots and controls together.
    await screenshot(page, "12a-phone-level-first-screen", { fullPage: false });

    // A touch drag turns the axes too (pointer events cover touch): sweep an arc from 0° to the
    // angle this attempt's boundary needs (worked out from its points), in steps of at most 10°.
    const target = (await typedAnswer(page, "turn-the-axes")).angleDeg;
    await canvas.scrollIntoViewIfNeeded();
    const b = (await canvas.boundingBox())!;
    const cx = b.x + b.width / 2;
    const cy = b.y + b.height / 2;
    const r = b.width * 0.35;
    const steps = Math.ceil(Math.abs(target) / 10);
    const sweep = Array.from({ length: steps + 1 }, (_, i) => (target * i) / steps);
    const pts = sweep.map((deg) => ({ x: cx + r * Math.cos((deg * Math.PI) / 180), y: cy - r * Math.sin((deg * Math.PI) / 180) }));
    await touchPath(page, pts);
    const angle = Number(await page.getByTestId("angle-number").inputValue());
    // The short way round: a target near ±180° may land just across the wrap (179° for −180°).
    expect(angleGap(angle, target)).toBeLessThan(4);

    // The finger lands within a few degrees: the exact value is typed, as a player fine-tunes.
    await setNumber(page, "angle", target);
    await submitAndExpectStars(page, 3);
    await screenshot(page, "13-phone-level-turn-the-axes-solved");
    await page.getByTestId("result").evaluate((el) => el.scrollIntoView({ block: "start" }));
    await screenshot(page, "13a-phone-level-result", { fullPage: false });
  });
});
