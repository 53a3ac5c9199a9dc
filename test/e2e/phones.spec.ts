import type { Page } from "@playwright/test";
import { createLiveGame, expect, joinLiveGame, PHONE, PROJECTOR, test } from "./helpers";

// Phones fit one screen (issue 12): on a 390×844 phone, during a live round, the controls, the
// feedback they drive and Submit are all on the first screen, without scrolling; and no sticky bar
// (the round's header, the Submit bar, a view's score line) covers a control, wherever the page is
// scrolled. Measured by bounding boxes and by what the browser hits at each control's centre, for
// the kinds the issue names: "Turn and shift" (coordinate change), "XOR by hand" (tune weights)
// and "Pick a learning rate".

const SHOTS = "/tmp/shots-room3";

interface Round {
  title: string;
  /** What the player moves (every match counts). */
  controls: string[];
  /** What those controls drive. */
  feedback: string[];
}

const ROUNDS: Round[] = [
  {
    title: "Turn and shift",
    controls: ['[data-testid="kind-view"] input[type="range"]', '[data-testid="before-canvas"]'],
    feedback: ['[data-testid="live-accuracy"]', '[data-testid="after-canvas"]'],
  },
  {
    title: "XOR by hand",
    controls: ['[data-testid="kind-view"] input[type="range"]'],
    feedback: ['[data-testid="live-loss"]', '[data-testid="tune-canvas"]'],
  },
  {
    title: "Pick a learning rate",
    // Predict, then run: in a live round the rate and the prediction are the controls; training comes with the reveal.
    controls: ['[data-testid="kind-view"] input[type="radio"]'],
    feedback: ['[data-testid="kind-view"] input[type="radio"]:checked'],
  },
];

interface Fit {
  offScreen: string[];
  covered: string[];
}

/**
 * At the top of the page: every control, every feedback element and Submit inside the viewport.
 * Then at the top and at the bottom of the page: every control whose centre is on screen is what
 * the browser hits there (not a sticky bar laid over it).
 */
function measure(page: Page, round: Round): Promise<Fit> {
  return page.evaluate(({ controls, feedback }) => {
    const nameOf = (el: Element) => {
      const id = el.getAttribute("data-testid");
      const label = el.getAttribute("aria-label");
      return `${el.tagName.toLowerCase()}${id ? `[${id}]` : ""}${label ? ` "${label.slice(0, 30)}"` : ""}`;
    };
    const all = (selectors: string[]) => selectors.flatMap((s) => [...document.querySelectorAll(s)]);
    const submit = [...document.querySelectorAll('[data-testid="live-submit"]')];
    const offScreen: string[] = [];
    window.scrollTo(0, 0);
    for (const el of [...all(controls), ...all(feedback), ...submit]) {
      const r = el.getBoundingClientRect();
      const inside = r.height > 0 && r.top >= -0.5 && r.bottom <= innerHeight + 0.5 && r.left >= -0.5 && r.right <= innerWidth + 0.5;
      if (!inside) offScreen.push(`${nameOf(el)} at ${Math.round(r.top)}–${Math.round(r.bottom)} of ${innerHeight}`);
    }
    const covered: string[] = [];
    const hitsItself = (el: Element, hit: Element | null) =>
      !hit || el.contains(hit) || hit.contains(el) || (hit.closest("label") !== null && hit.closest("label") === el.closest("label"));
    for (const y of [0, document.documentElement.scrollHeight]) {
      window.scrollTo(0, y);
      for (const el of [...all(controls), ...submit]) {
        const r = el.getBoundingClientRect();
        const cy = r.top + r.height / 2;
        if (cy < 0 || cy > innerHeight) continue;
        const hit = document.elementFromPoint(r.left + r.width / 2, cy);
        if (!hitsItself(el, hit)) covered.push(`${nameOf(el)} under ${hit ? nameOf(hit) : "?"} (scrolled to ${Math.round(scrollY)})`);
      }
    }
    window.scrollTo(0, 0);
    return { offScreen, covered };
  }, round);
}

test("a live round fits a 390×844 phone: controls, feedback and Submit on one screen, never under a sticky bar", async ({ device }) => {
  test.slow();
  const host = await device(PROJECTOR);
  const code = await createLiveGame(host, { drop: ["Turn the axes", "Admissions"], roundTime: "120 seconds" }, async () => {
    await host.getByRole("checkbox", { name: "XOR by hand", exact: true }).check();
    await host.getByRole("checkbox", { name: "Pick a learning rate", exact: true }).check();
  });
  const phone = await device(PHONE);
  await joinLiveGame(phone, code, "Ada Lovelace");
  const next = host.getByTestId("host-next");
  await next.click(); // Start the game

  for (const [i, round] of ROUNDS.entries()) {
    await test.step(round.title, async () => {
      await expect(next).toHaveText("Start now");
      await next.click();
      await expect(next).toHaveText("End the round now");
      await expect(phone.getByRole("heading", { name: round.title, level: 1 })).toBeVisible();
      await expect(phone.getByTestId("kind-view")).toBeVisible();
      await expect(phone.locator(round.controls[0]).first()).toBeVisible();
      const slug = round.title.toLowerCase().replaceAll(" ", "-");
      await phone.screenshot({ path: `${SHOTS}/phone-round-${slug}.png` });
      // Soft: every round is measured (and screenshotted) even when an earlier one fails.
      await expect
        .configure({ soft: true })
        .poll(() => measure(phone, round), { message: round.title, timeout: 5_000 })
        .toEqual({ offScreen: [], covered: [] });
      if (i + 1 < ROUNDS.length) {
        await next.click(); // End the round now
        await expect(next).toHaveText("Show the leaderboard");
        await next.click();
        await expect(next).toHaveText("Next round");
        await next.click();
      }
    });
  }
});
