import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { CoordinateChangeAnswer, CoordinateChangeView } from "../../core/kinds/coordinate-change/public";
import type { PublicLevel } from "../../core/play/public-level";
import { conceptKnowledge, type Known } from "../reference/concept";
import { type Bot, joinBot } from "./live-bots";

// ── Budgets ───────────────────────────────────────────────────────────────────────────
// The suite runs on 2-core machines, often beside other work: a wait's budget is how long the
// state may take to come on such a machine when it is loaded, not how long it takes on a quiet one.
// (Long journeys call test.slow(), which triples the 60 s test timeout of playwright.config.ts.)

/**
 * How long the browser may compute before the test gives up waiting: train one choice, race
 * gradient descent, search every rotation. The README's 3 s promise for a training run is
 * measured by bench/commit-and-run.mjs on a quiet machine; here it is only a wait.
 */
export const TRAINING_WAIT_MS = 45_000;

/**
 * How long a submitted answer may take to come back scored: training levels are trained again on
 * the server, which competes with the other tests' browsers for the two cores.
 */
export const SCORING_WAIT_MS = 60_000;

// ── Pages and contexts ────────────────────────────────────────────────────────────────

/** A projector-sized host screen and a phone for each player (each in its own browser context). */
export const PROJECTOR = { viewport: { width: 1366, height: 768 } } as const;
export const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 } as const;

/** Opens a page in a browser context of its own: its own cookies, another person's device. */
export type OpenDevice = (options?: BrowserContextOptions) => Promise<Page>;

/**
 * Playwright's `test` with one more fixture, `device`, for tests with several people (a projector
 * and phones, a teacher and students). Every device it opened is closed when the test ends, passed
 * or failed, so no live page is left polling and painting while the next tests run.
 */
export const test = base.extend<{ device: OpenDevice }>({
  device: async ({ browser }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (options = {}) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
});
export { expect };

export const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/**
 * The page fits its width: nothing scrolls sideways. Polled, because after a resize or a new
 * view the layout settles over a few frames (charts and canvases measure themselves first).
 */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  await expect.poll(() => noHorizontalScroll(page), { message: "the page scrolls sideways" }).toBe(true);
}

/** Screenshots land here (test-results is Playwright's output folder, cleaned at the start of each run). */
export const SCREENSHOT_DIR = path.join(process.cwd(), "test-results", "screenshots");

export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage });
}

/** React has hydrated a server-rendered element once it carries React's props (its handlers). */
export async function waitForHydration(element: Locator): Promise<void> {
  await expect.poll(() => element.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactProps$")))).toBe(true);
}

/** A canvas is drawn once its backing store matches its size on screen (the view's layout effect ran). */
export async function waitForCanvasSized(canvas: Locator): Promise<void> {
  await expect.poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.width > 0 && c.width === Math.round(c.clientWidth * devicePixelRatio))).toBe(true);
}

/**
 * A finger on the touch screen along `points`, through Chromium's touch events (Playwright's
 * touchscreen only taps). The finger rests on the last point before it lifts, as in a real
 * drag-and-drop: lifted while still moving, the gesture becomes a fling, and Chromium spends the
 * next tap stopping that fling instead of clicking. The rest is in the events' own timestamps, so
 * nothing waits on the wall clock.
 */
export async function touchPath(page: Page, points: { x: number; y: number }[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const start = Date.now() / 1000 - 1; // a second ago, so no event is in the future
  const at = (i: number) => start + i * 0.016; // one move per 60 Hz frame
  const finger = (p: { x: number; y: number }) => [{ x: p.x, y: p.y, id: 1 }];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: finger(points[0]), timestamp: at(0) });
  for (const [i, p] of points.slice(1).entries())
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: finger(p), timestamp: at(i + 1) });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [], timestamp: at(points.length) + 0.2 });
  await cdp.detach();
}

/** A straight drag with a finger from `from` to `to` in `steps` moves (see touchPath). */
export async function touchDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps = 12): Promise<void> {
  const points = Array.from({ length: steps + 1 }, (_, i) => ({ x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps }));
  await touchPath(page, points);
}

/** Presses Tab until `target` has the focus (a keyboard user's way of getting there). */
export async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

// ── The campaign ──────────────────────────────────────────────────────────────────────

/** Chapter 2's levels (coordinate change), in order. */
export const LEVELS = ["turn-the-axes", "turn-and-shift", "admissions", "circles", "xor", "let-the-machine-search"] as const;

/**
 * A first visit renders before the anonymous profile exists; EnsureProfile then creates it and
 * refreshes the page. Waiting for the name keeps later clicks from racing that refresh.
 */
export async function waitForProfile(page: Page): Promise<void> {
  await expect(page.getByTestId("display-name")).toBeVisible();
}

export function levelCard(page: Page, id: string): Locator {
  return page.getByTestId(`level-${id}`);
}

/** The level page's leaderboard has answered its fetch: an effect ran, so React has hydrated the page. */
async function waitForLeaderboard(page: Page): Promise<void> {
  await expect(page.getByTestId("leaderboard").locator("table.board, p.muted").first()).toBeVisible();
}

/**
 * The level page is server-rendered, so it is visible before React has hydrated it; a drag, key
 * press or typed value that arrives earlier is lost. Two things only the browser does: the
 * leaderboard's fetch has answered (an effect ran), and the plot's backing store matches its
 * on-screen size (the layout effect ran).
 */
export async function waitForLevelReady(page: Page): Promise<void> {
  await waitForLeaderboard(page);
  await waitForCanvasSized(page.getByTestId("before-canvas"));
}

/** Opens a coordinate-change level page and waits until it is interactive (profile created, page hydrated). */
export async function openLevel(page: Page, id: string): Promise<void> {
  await page.goto(`/play/${id}`);
  await waitForProfile(page);
  await expect(page.getByTestId("before-canvas")).toBeVisible();
  await waitForLevelReady(page);
}

/**
 * Opens any level and waits until its view is interactive: the profile exists, the page has
 * hydrated (the leaderboard's fetch answered) and the kind's view, a dynamic import, is shown.
 * Every kind's view marks its root with data-testid="kind-view".
 */
export async function openAnyLevel(page: Page, id: string): Promise<void> {
  await page.goto(`/play/${id}`);
  await waitForProfile(page);
  await waitForLeaderboard(page);
  await expect(page.getByTestId("kind-view")).toBeVisible();
}

/** The level as this page's player is served it now: the public projection of the current attempt (GET /api/levels/:id). */
export async function servedLevel(page: Page, levelId: string): Promise<PublicLevel> {
  const res = await page.request.get(`/api/levels/${levelId}`);
  expect(res.ok(), `GET /api/levels/${levelId}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as PublicLevel;
}

// ── Coordinate change: the answer a player reads off the plot ───────────────────────

/**
 * The three-star answer to a served coordinate-change instance, in the precision the number fields
 * show (whole degrees; the origin to 3 decimals, or on admissions a grade to 1 and a test score to
 * whole points), checked with the kind's own live feedback so that what is typed earns three stars.
 * Every attempt (solo) and every round (live) draws its own hidden rule and points, so a test types
 * this, never a fixed value.
 */
export async function typedAnswerFor(served: PublicLevel): Promise<CoordinateChangeAnswer> {
  const [{ preview }, { solve }] = await Promise.all([import("../../core/kinds/coordinate-change/public"), import("../reference")]);
  const view = served.view as CoordinateChangeView;
  const exact = solve(served) as CoordinateChangeAnswer;
  const digits = exact.rule === "x>0 and y>0" ? [1, 0] : [3, 3];
  const shift = exact.shift.map((v, i) => Number(v.toFixed(digits[i]))) as [number, number];
  for (const angleDeg of [Math.round(exact.angleDeg), Math.round(exact.angleDeg) + 1, Math.round(exact.angleDeg) - 1]) {
    const answer = { ...exact, angleDeg: ((angleDeg + 540) % 360) - 180, shift };
    if (preview(view, answer).score >= served.stars[2]) return answer;
  }
  throw new Error(`${served.id}: no rounded answer earns three stars`);
}

/** The three-star typed answer to the coordinate-change attempt this page's player is served now. */
export async function typedAnswer(page: Page, levelId: string): Promise<CoordinateChangeAnswer> {
  return typedAnswerFor(await servedLevel(page, levelId));
}

/** An angle as the view keeps it, in [−180°, 180°) (components/kinds/coordinate-change/geometry.ts). */
export const wrapDeg = (deg: number) => ((((deg + 180) % 360) + 360) % 360) - 180;

/** How far apart two angles are, the short way round: 179° and −180° are 1° apart, not 359°. */
export const angleGap = (a: number, b: number) => Math.abs(wrapDeg(a - b));

/** Types an answer into the view's controls (representation and rule first: changing them resets the origin). */
export async function typeAnswer(page: Page, answer: CoordinateChangeAnswer, { rotate = true, shift = true } = {}): Promise<void> {
  if (rotate) await setNumber(page, "angle", answer.angleDeg);
  if (shift) {
    await setNumber(page, "shift-x", answer.shift[0]);
    await setNumber(page, "shift-y", answer.shift[1]);
  }
}

/**
 * Plays the campaign up to `levelId` for this page's player, through the real API: for every
 * level before it, it reads the attempt the player is served and submits the answer a player who
 * understands would work out from it (test/reference's solvers), so the level opens. The server
 * re-derives the instance and scores; for training kinds it trains the committed answer.
 */
export async function unlockUpTo(page: Page, levelId: string): Promise<void> {
  const [{ levels }, { solve }] = await Promise.all([import("../../core/levels/catalog"), import("../reference")]);
  const index = levels.findIndex((l) => l.id === levelId);
  if (index < 0) throw new Error(`unknown level "${levelId}"`);
  expect((await page.request.post("/api/profile")).ok()).toBe(true);
  for (const level of levels.slice(0, index)) {
    const served = await servedLevel(page, level.id);
    const res = await page.request.post("/api/submissions", {
      data: { levelId: level.id, attempt: served.attempt, answer: solve(served) },
      timeout: SCORING_WAIT_MS,
    });
    expect(res.ok(), `unlocking ${level.id}: ${res.status()} ${await res.text()}`).toBe(true);
    expect((await res.json()).stars, `solved answer for ${level.id}`).toBeGreaterThan(0);
  }
}

/** A player who has played the campaign up to `levelId` (through the API) opens it. */
export async function unlockAndOpen(page: Page, levelId: string): Promise<void> {
  await unlockUpTo(page, levelId);
  await openAnyLevel(page, levelId);
}

/** Types an exact value into one of the view's number inputs (data-testid "<id>-number"). */
export async function setNumber(page: Page, id: string, value: number): Promise<void> {
  const input = page.getByTestId(`${id}-number`);
  await input.fill(String(value));
  await expect(input).toHaveValue(String(value));
}

/** Submits through the button and checks the server's verdict (which may train a network first). */
export async function submitAndExpectStars(page: Page, stars: number): Promise<Locator> {
  await page.getByTestId("submit").click();
  const result = page.getByTestId("result");
  await expect(result.getByRole("img", { name: `${stars} of 3 stars` })).toBeVisible({ timeout: SCORING_WAIT_MS });
  return result;
}

/** Collects the page's uncaught errors, for a test to expect none at its end. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

// ── Choices ───────────────────────────────────────────────────────────────────────────

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A choice's radio button in `scope`, by its label. Once reviewed, its accessible name ends with
 * a mark ("… ○ the right answer"), so the match is on the start.
 */
export const optionRadio = (scope: Locator, label: string) => scope.getByRole("radio", { name: new RegExp(`^${escapeRegExp(label)}(?: [✓✗○].*)?$`) });

/** What a player who knows the course picks for one question of a concept level (test/reference/concept.ts). */
function knownFor(levelId: string, questionId: string): Known {
  const known = conceptKnowledge[levelId]?.[questionId];
  if (!known) throw new Error(`test/reference/concept.ts: no knowledge of question "${questionId}" of level "${levelId}"`);
  return known;
}

/** The concept round's questions on the page, by their ids (question ids are the level's own; option ids are opaque). */
export async function conceptQuestions(scope: Page | Locator): Promise<string[]> {
  const ids = await scope.locator('section[data-testid^="question-"]').evaluateAll((sections) => sections.map((s) => s.getAttribute("data-testid")!));
  return ids.map((id) => id.slice("question-".length));
}

/**
 * Answers the concept round on the page through its controls, as a player who knows the course
 * would: it reads each question shown (a round shows some questions of the level's pool, and
 * shuffles their options under ids that change with every attempt) and picks the options by their
 * words (test/reference/concept.ts says what that player knows). `instead` puts other answers in
 * for some questions (by question id), e.g. a slip on purpose; `tap` taps the labels, as a thumb
 * would. Works on a level page and on a live round's phone alike.
 */
export async function answerConcept(
  scope: Page | Locator,
  levelId: string,
  { instead = {}, tap = false }: { instead?: Record<string, Known>; tap?: boolean } = {},
): Promise<void> {
  const root = "goto" in scope ? scope.locator("body") : scope;
  for (const id of await conceptQuestions(root)) {
    const section = root.getByTestId(`question-${id}`);
    const known = instead[id] ?? knownFor(levelId, id);
    const pick = (input: Locator) => (tap ? input.locator("xpath=ancestor::label[1]").tap() : input.check());
    // An attempt may show some of a question's options: answer with those shown.
    const shownOf = async (labels: readonly string[], locate: (label: string) => Locator) => {
      const shown: string[] = [];
      for (const label of labels) if ((await locate(label).count()) > 0) shown.push(label);
      return shown;
    };
    if ("single" in known) await pick(optionRadio(section, known.single));
    else if ("multiple" in known)
      for (const label of await shownOf(known.multiple, (l) => section.getByRole("checkbox", { name: l, exact: true })))
        await pick(section.getByRole("checkbox", { name: label, exact: true }));
    else if ("order" in known) {
      const order = await shownOf(known.order, (l) => section.getByRole("button", { name: `Move “${l}” down`, exact: true }));
      await putLabelsInOrder(section.getByTestId(`order-${id}`), order, { tap });
    } else {
      // A card's group is a fieldset named by the card; its pills are the bins in the order of the "Groups" list.
      const bins = await section.getByRole("list", { name: "Groups" }).getByRole("listitem").allTextContents();
      const cards = await shownOf(Object.keys(known.sort), (l) => section.getByRole("group", { name: l, exact: true }));
      for (const [card, bin] of Object.entries(known.sort).filter(([card]) => cards.includes(card))) {
        const index = bins.findIndex((text) => text.endsWith(bin));
        const group = section.getByRole("group", { name: card, exact: true });
        await pick(group.getByRole("radio").nth(index));
      }
    }
  }
}

/** A question the player can get wrong on purpose: the first one-answer question shown, and a label of it that is not the right one. */
export async function aSlip(scope: Page | Locator, levelId: string): Promise<{ questionId: string; wrong: string; right: string }> {
  for (const id of await conceptQuestions(scope)) {
    const known = knownFor(levelId, id);
    if (!("single" in known)) continue;
    const labels = await scope
      .getByTestId(`question-${id}`)
      .getByRole("radio")
      .evaluateAll((inputs) => inputs.map((input) => input.closest("label")!.textContent!.trim()));
    return { questionId: id, wrong: labels.find((label) => label !== known.single)!, right: known.single };
  }
  throw new Error(`level "${levelId}" shows no one-answer question`);
}

/** Moves an order list's items up with their ↑ buttons until the list reads `order` (item ids) from the top. */
export async function putInOrder(list: Locator, order: readonly string[], { tap = false } = {}): Promise<void> {
  for (const [target, id] of order.entries()) {
    while ((await orderOf(list)).indexOf(id) > target) {
      const before = (await orderOf(list)).indexOf(id);
      const up = list.getByTestId(`order-item-${id}`).getByRole("button", { name: /^Move .* up$/ });
      await (tap ? up.tap() : up.click());
      await expect.poll(async () => (await orderOf(list)).indexOf(id)).toBe(before - 1);
    }
  }
}

/** The order list's item ids for items shown with these labels (an item's ↑ button names it). */
export async function idsOfLabels(list: Locator, labels: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const label of labels) {
    const item = list.locator("> li", { has: list.page().getByRole("button", { name: `Move “${label}” down`, exact: true }) });
    ids.push((await item.getAttribute("data-testid"))!.replace(/^order-item-/, ""));
  }
  return ids;
}

/** Puts an order list's items, named by their labels, in this order with the ↑ buttons. */
export async function putLabelsInOrder(list: Locator, labels: readonly string[], options: { tap?: boolean } = {}): Promise<void> {
  await putInOrder(list, await idsOfLabels(list, labels), options);
}

/** The ids of an order list's items, top to bottom (items are data-testid="order-item-<id>"). */
export function orderOf(list: Locator): Promise<string[]> {
  return list.locator("> li").evaluateAll((items) => items.map((li) => li.getAttribute("data-testid")!.replace(/^order-item-/, "")));
}

/** Clicks Train and waits for the finished marker; returns the time it took as the test saw it, and the marker's text. */
export async function trainAndWait(page: Page): Promise<{ ms: number; text: string }> {
  const button = page.getByTestId("train");
  await expect(button).toBeEnabled();
  const started = Date.now();
  await button.click();
  const done = page.getByTestId("training-done");
  await expect(done).toBeVisible({ timeout: TRAINING_WAIT_MS });
  return { ms: Date.now() - started, text: (await done.textContent()) ?? "" };
}

// ── Teachers and classes ──────────────────────────────────────────────────────────────

/** An email address no other test (or worker) uses, for a new teacher account. */
export const uniqueEmail = (prefix: string) => `${prefix}-${randomUUID()}@school.example`;

/** Signs a new teacher up through the API from this page's context, so the session cookie is the browser's. */
export async function signUpTeacher(page: Page, { prefix, name, password }: { prefix: string; name: string; password: string }): Promise<void> {
  const signup = await page.request.post("/api/teacher/signup", { data: { email: uniqueEmail(prefix), name, password } });
  expect(signup.status()).toBe(201);
}

/** Opens the class link's page and joins the class under `name` (the caller checks the welcome). */
export async function joinClass(page: Page, code: string, name: string): Promise<void> {
  await page.goto(`/class?code=${code}`);
  await expect(page.getByLabel("Class code")).toHaveValue(code);
  const nameInput = page.getByLabel(/Your name/);
  await waitForHydration(nameInput);
  await nameInput.fill(name);
  await page.getByRole("button", { name: "Join the class" }).click();
}

// ── Live classroom games ──────────────────────────────────────────────────────────────

export interface LiveGameOptions {
  /** A ready-made set's radio label. */
  set?: string;
  /** Levels to untick after choosing the set. */
  drop?: string[];
  /** Levels to tick after that (by their titles). */
  add?: readonly string[];
  roundTime?: string;
  speedBonus?: boolean;
}

/**
 * Creates a live game from /host: `set` is a ready-made set's radio label, `drop` the levels to
 * untick after it. Returns the game code (the host page's URL). The setup form is server-rendered,
 * so nothing is clicked before React has hydrated it (an earlier click would be undone).
 */
export async function createLiveGame(
  page: Page,
  { set = "Chapter 2: a quick 3", drop = [], add = [], roundTime, speedBonus = true }: LiveGameOptions = {},
  beforeCreate?: () => Promise<void>,
): Promise<string> {
  await page.goto("/host");
  const create = page.getByRole("button", { name: /^Create a game with \d+ rounds?$/ });
  await waitForHydration(create);
  await page.getByRole("radio", { name: set }).check();
  for (const title of drop) await page.getByRole("checkbox", { name: title, exact: true }).uncheck();
  for (const title of add) await page.getByRole("checkbox", { name: title, exact: true }).check();
  if (roundTime) await page.getByLabel("Time per round").selectOption({ label: roundTime });
  await page.getByRole("checkbox", { name: /^Speed bonus/ }).setChecked(speedBonus);
  await beforeCreate?.();
  await create.click();
  await expect(page).toHaveURL(/\/host\/\d{6}$/);
  const code = /\/host\/(\d{6})$/.exec(page.url())![1];
  await expect(page.getByTestId("game-code")).toHaveText(`${code.slice(0, 3)} ${code.slice(3)}`);
  return code;
}

/** Joins as a student who scanned the QR code: /join?code=… checks the code, then asks for a nickname. */
export async function joinLiveGame(page: Page, code: string, nickname: string): Promise<void> {
  await page.goto(`/join?code=${code}`);
  const input = page.getByLabel("Your nickname");
  await expect(input).not.toHaveValue(""); // a suggestion is offered
  await input.fill(nickname);
  await page.getByRole("button", { name: "Join", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/live/${code}$`));
  await expect(page.getByTestId("me")).toContainText(nickname);
}

/**
 * A projector that created a live game (with `options`), and a phone for each nickname that
 * joined it, one after the other (the join order decides ties).
 */
export async function liveLobby(device: OpenDevice, nicknames: string[], options: LiveGameOptions = {}): Promise<{ host: Page; code: string; phones: Page[] }> {
  const host = await device(PROJECTOR);
  const code = await createLiveGame(host, options);
  const phones: Page[] = [];
  for (const nickname of nicknames) {
    const phone = await device(PHONE);
    await joinLiveGame(phone, code, nickname);
    phones.push(phone);
  }
  return { host, code, phones };
}

/**
 * The rounds' levels as the server sends them to this page (the public projection of each round's
 * instance, in its "live:level" messages and replies over the page's WebSocket): a live round draws its own
 * instance, so a test works its answer out from what the phone was served, as the player reads it
 * off the screen. Call before the page joins or reloads; it follows every socket the page opens.
 */
export function watchLiveRounds(page: Page): { level(roundIndex: number): Promise<PublicLevel> } {
  const levels = new Map<number, PublicLevel>();
  page.on("websocket", (ws) =>
    ws.on("framereceived", ({ payload }) => {
      // A Socket.IO event is an Engine.IO message ("4") of type EVENT ("2") or ACK ("3"), an
      // optional ack id, then a JSON array. The level comes once per round: in "live:level", or in
      // the view of a reply to a join or resume.
      if (typeof payload !== "string" || !/^4[23]/.test(payload)) return;
      type View = { round?: { index: number; level: PublicLevel | null } | null };
      const message = JSON.parse(payload.replace(/^4[23]\d*/, "")) as unknown[];
      if (payload.startsWith("42") && message[0] === "live:level") {
        const { roundIndex, level } = message[1] as { roundIndex: number; level: PublicLevel };
        levels.set(roundIndex, level);
      }
      const view = payload.startsWith("43") ? (message[0] as { view?: View }).view : message[0] === "live:state" ? (message[1] as View) : undefined;
      if (view?.round?.level) levels.set(view.round.index, view.round.level);
    }),
  );
  return {
    async level(roundIndex) {
      await expect.poll(() => levels.has(roundIndex), { message: `the level of round ${roundIndex + 1} reached the page` }).toBe(true);
      return levels.get(roundIndex)!;
    },
  };
}

/** A round on a phone is interactive once the level view (a dynamic import) has sized its plot. */
export async function waitForLiveRound(page: Page): Promise<void> {
  await expect(page.getByTestId("angle-number")).toBeVisible();
  await waitForCanvasSized(page.getByTestId("before-canvas").first());
}

/** The levels of "Chapter 2: a quick 3", unticked when a game is made of other levels only. */
const QUICK_3 = ["Turn the axes", "Turn and shift", "Admissions"];

/** What a live class of one phone and socket bots offers a test (see liveClass). */
export interface LiveClass {
  /** The projector (1920×1080), on the host page. */
  host: Page;
  code: string;
  /** The one phone that plays through its page. */
  phone: Page;
  /** The level of each round as the phone was served it (watchLiveRounds). */
  rounds: ReturnType<typeof watchLiveRounds>;
  bots: Bot[];
  /** The host's "next" button, the challenge on the projector, the class's answers at a reveal. */
  next: Locator;
  challenge: Locator;
  picture: Locator;
  /** Clicks on to round `title`'s intro, checks it, then starts it (phase "playing"). */
  playRound(title: string): Promise<void>;
  /** Disconnects the bots. */
  close(): void;
}

/**
 * A live game made of exactly `levels` (their titles, in the playlist's order) on a 1920×1080
 * projector, a phone that joined as `phoneName` (its rounds watched), then each bot in turn, each
 * awaited before the next joins so the join order is the one given. The host is in the lobby with
 * every player counted; `playRound` advances it.
 */
export async function liveClass(
  device: OpenDevice,
  baseURL: string,
  {
    levels,
    bots,
    phoneName = "Ada Lovelace",
  }: { levels: readonly string[]; bots: [nickname: string, strategy: (level: PublicLevel) => unknown][]; phoneName?: string },
): Promise<LiveClass> {
  const host = await device({ viewport: { width: 1920, height: 1080 } });
  const code = await createLiveGame(host, { drop: QUICK_3.filter((t) => !levels.includes(t)), add: levels }, async () => {
    await expect(host.getByRole("button", { name: /^Create a game with \d+ rounds?$/ })).toHaveText(
      `Create a game with ${levels.length} round${levels.length > 1 ? "s" : ""}`,
    );
  });
  const phone = await device(PHONE);
  const rounds = watchLiveRounds(phone);
  await joinLiveGame(phone, code, phoneName);
  const joined: Bot[] = [];
  for (const [nickname, strategy] of bots) joined.push(await joinBot(baseURL, code, nickname, strategy));
  await expect(host.getByTestId("player-count")).toHaveText(`${1 + bots.length} players`);
  const next = host.getByTestId("host-next");
  return {
    host,
    code,
    phone,
    rounds,
    bots: joined,
    next,
    challenge: host.getByTestId("projector-challenge"),
    picture: host.getByTestId("class-answers"),
    async playRound(title) {
      await next.click(); // the round's intro
      await expect(host.getByRole("heading", { level: 1, name: title })).toBeVisible();
      await next.click(); // play
    },
    close: () => {
      for (const bot of joined) bot.close();
    },
  };
}
