import { describe, expect, it } from "vitest";
import {
  type AttemptHistory,
  afterAttempt,
  COOLDOWN_MAX_MS,
  COOLDOWN_START_MS,
  capClause,
  capFor,
  cooldownAfter,
  credited,
  FRESH_HISTORY,
  formatWait,
  rulesLine,
} from "@/core/attempts/rules";
import { cappedNote, verdictTitle } from "@/core/attempts/verdict";
import { compareText, distinctPair } from "@/core/numbers";
import type { Stars } from "@/core/play/stars";

const MIN = 60_000;
const NOW = 1_000_000_000;

/** Plays attempts with the given outcomes, a minute apart: the credited stars of each, and the history after. */
function play(outcomes: Stars[], { start = FRESH_HISTORY, hintCost = 0, gap = MIN } = {}) {
  let history: AttemptHistory = start;
  let now = NOW;
  const credits: Stars[] = [];
  for (const outcome of outcomes) {
    const cap = capFor({ cooldownUntil: history.cooldownUntil, hintCost }, now);
    const stars = credited(outcome, cap);
    credits.push(stars);
    history = afterAttempt(history, outcome, stars, now);
    now += gap;
  }
  return { credits, history, now };
}

describe("the attempt rules", () => {
  it("a fresh attempt with no hint can earn ★★★", () => {
    expect(capFor({ cooldownUntil: null, hintCost: 0 }, NOW)).toEqual({ stars: 3, reasons: [] });
    expect(play([3]).credits).toEqual([3]);
  });

  it("each giveaway hint lowers the cap by a star, never below ★", () => {
    expect(capFor({ cooldownUntil: null, hintCost: 1 }, NOW).stars).toBe(2);
    expect(capFor({ cooldownUntil: null, hintCost: 2 }, NOW).stars).toBe(1);
    expect(capFor({ cooldownUntil: null, hintCost: 5 }, NOW).stars).toBe(1);
    expect(play([3], { hintCost: 1 }).credits).toEqual([2]);
  });

  it("after a miss, the next attempts earn at most ★ until the cool-down has passed", () => {
    const { credits } = play([1, 3, 3]); // a miss, then two right answers a minute apart
    expect(credits).toEqual([1, 1, 1]);
  });

  it("a right answer during the cool-down is not a miss: the cool-down runs on, and the next fresh attempt after it may earn ★★★", () => {
    const missed = afterAttempt(FRESH_HISTORY, 0, 0, NOW);
    expect(missed).toEqual({ misses: 1, cooldownUntil: NOW + 10 * MIN });
    const during = afterAttempt(missed, 3, 1, NOW + MIN);
    expect(during).toEqual(missed);
    const after = NOW + 10 * MIN;
    expect(capFor({ cooldownUntil: during.cooldownUntil, hintCost: 0 }, after).stars).toBe(3);
    expect(afterAttempt(during, 3, 3, after)).toEqual(FRESH_HISTORY); // ★★★ earned: the next miss starts over at 10 min
  });

  it("the cool-down starts at 10 minutes and doubles with each further miss, up to 24 hours", () => {
    expect(cooldownAfter(1)).toBe(COOLDOWN_START_MS);
    expect([1, 2, 3, 4].map(cooldownAfter)).toEqual([10, 20, 40, 80].map((m) => m * MIN));
    expect(cooldownAfter(20)).toBe(COOLDOWN_MAX_MS);
    let history = FRESH_HISTORY;
    for (let i = 0; i < 3; i++) history = afterAttempt(history, 2, 1, NOW);
    expect(history).toEqual({ misses: 3, cooldownUntil: NOW + 40 * MIN });
  });

  it("trying every option in turn earns at most ★ after the first miss", () => {
    // Five options, the right one last: the first four miss, the right one comes during the cool-down.
    expect(play([0, 0, 1, 2, 3]).credits).toEqual([0, 0, 1, 1, 1]);
  });

  it("a hint and a cool-down together: the lower cap wins, and both reasons are told", () => {
    const cap = capFor({ cooldownUntil: NOW + MIN, hintCost: 1 }, NOW);
    expect(cap.stars).toBe(1);
    expect(cap.reasons.map((r) => r.kind)).toEqual(["hints", "cooldown"]);
  });
});

describe("what the page says", () => {
  it("before the player starts", () => {
    expect(rulesLine({ cooldownUntil: null, hintCost: 0 }, NOW)).toBe("A ★★★ try is available now.");
    expect(rulesLine({ cooldownUntil: NOW + 8 * MIN, hintCost: 0 }, NOW)).toBe("Next ★★★ try in 8 min: until then a right answer earns ★.");
    expect(rulesLine({ cooldownUntil: NOW - 1, hintCost: 0 }, NOW)).toBe("A ★★★ try is available now.");
    expect(rulesLine({ cooldownUntil: null, hintCost: 1 }, NOW)).toBe("The hints you opened cap this try at ★★.");
  });

  it("waits are rounded up, in seconds, minutes or hours", () => {
    expect(formatWait(12_300)).toBe("13 s");
    expect(formatWait(7.5 * MIN)).toBe("8 min");
    expect(formatWait(160 * MIN)).toBe("2 h 40 min");
    expect(formatWait(24 * 60 * MIN)).toBe("24 h");
  });

  it("verdict titles agree with the stars: never 'passed' with nothing earned", () => {
    expect(verdictTitle(3)).toBe("Perfect!");
    expect(verdictTitle(2)).toBe("Passed — 2 of 3 stars");
    expect(verdictTitle(1)).toBe("Passed — 1 of 3 stars");
    expect(verdictTitle(0)).toBe("Not there yet");
  });

  it("a capped attempt says why it earned less than its answer", () => {
    const hint = capFor({ cooldownUntil: null, hintCost: 1 }, NOW);
    expect(cappedNote(3, 2, hint, NOW)).toBe("Right — but a giveaway hint caps this try at ★★.");
    const cooling = capFor({ cooldownUntil: NOW + 9 * MIN, hintCost: 0 }, NOW);
    expect(cappedNote(3, 1, cooling, NOW)).toBe("Right — but after a miss, this try is capped at ★ (next ★★★ try in 9 min).");
    expect(cappedNote(2, 1, cooling, NOW)).toMatch(/^Worth ★★ — but after a miss/);
    expect(cappedNote(3, 3, capFor({ cooldownUntil: null, hintCost: 0 }, NOW), NOW)).toBeNull();
    expect(capClause(capFor({ cooldownUntil: null, hintCost: 2 }, NOW), NOW)).toBe("giveaway hints cap this try at ★");
  });
});

describe("numbers side by side", () => {
  it("get enough digits to differ, or are called equal", () => {
    expect(compareText(0.1103991, 0.1104002)).toBe("0.110399 < 0.1104");
    expect(compareText(0.25, 0.13)).toBe("0.25 > 0.13");
    expect(compareText(0.110399, 0.110399)).toBe("equal (0.110399)");
    expect(distinctPair(1, 1)).toBeNull();
    const [a, b] = distinctPair(0.123456789, 0.123456788)!;
    expect(a).not.toBe(b);
  });
});
