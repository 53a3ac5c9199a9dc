import type { Stars } from "../play/stars";

/**
 * The attempt rules: what an attempt can earn at most (its cap), and how a miss changes the next
 * ones. Pure, so the server applies them and the page explains them from the same numbers.
 *
 *  - **Hints.** A hint marked `cost: 1` (it gives the answer away: a formula, a rule, weights)
 *    lowers the cap of the attempt it is opened on by one star, never below ★.
 *  - **After a miss, cool down.** A miss is a scored attempt whose outcome is below ★★★. After a
 *    miss, attempts are capped at ★ (a right answer still passes and opens the next level) until
 *    a cool-down has passed; then one fresh instance may earn ★★★ again. The cool-down starts at
 *    10 minutes and doubles with each further miss, up to 24 hours; ★★★ earned resets it.
 *  - **The best is never lowered**: a capped attempt counts with its credited stars, and the best
 *    result keeps the best of them (server/play/submit.ts).
 *
 * So resubmitting a review, replaying a classmate's answer or trying every option in turn earns at
 * most ★; ★★★ always means a fresh instance answered right, without a giveaway hint, on an attempt
 * not preceded by a miss within the cool-down.
 */
export const COOLDOWN_START_MS = 10 * 60_000;
export const COOLDOWN_MAX_MS = 24 * 60 * 60_000;

/** What the server keeps per player and level between attempts. */
export interface AttemptHistory {
  /** Misses since ★★★ was last earned: each one doubles the next cool-down. */
  misses: number;
  /** Until when (epoch ms) attempts are capped at ★ after a miss; null when not cooling down. */
  cooldownUntil: number | null;
}

export const FRESH_HISTORY: AttemptHistory = { misses: 0, cooldownUntil: null };

export type CapReason = { kind: "hints"; cost: number } | { kind: "cooldown"; until: number };

/** The most an attempt can earn, and why when it is less than ★★★. */
export interface Cap {
  stars: Stars;
  reasons: CapReason[];
}

/** An attempt's state as the page shows it before the player starts (and the cap it computes). */
export interface AttemptState {
  cooldownUntil: number | null;
  /** The stars the hints opened on this attempt cost. */
  hintCost: number;
}

/** The cool-down after the `misses`-th miss in a row (1 → 10 min, 2 → 20 min, … up to 24 h). */
export function cooldownAfter(misses: number): number {
  return Math.min(COOLDOWN_MAX_MS, COOLDOWN_START_MS * 2 ** Math.max(0, misses - 1));
}

/** What this attempt can earn at most, now. */
export function capFor(state: AttemptState, now: number): Cap {
  const reasons: CapReason[] = [];
  let stars = 3;
  if (state.hintCost > 0) {
    stars = Math.max(1, 3 - state.hintCost);
    reasons.push({ kind: "hints", cost: state.hintCost });
  }
  if (state.cooldownUntil !== null && now < state.cooldownUntil) {
    stars = Math.min(stars, 1);
    reasons.push({ kind: "cooldown", until: state.cooldownUntil });
  }
  return { stars: stars as Stars, reasons };
}

/** The stars an attempt is credited with: its outcome, within its cap. */
export const credited = (outcome: Stars, cap: Cap): Stars => Math.min(outcome, cap.stars) as Stars;

/** The history after a scored attempt: a miss starts (or doubles) the cool-down; ★★★ credited ends it. */
export function afterAttempt(history: AttemptHistory, outcome: Stars, creditedStars: Stars, now: number): AttemptHistory {
  if (outcome < 3) {
    const misses = history.misses + 1;
    return { misses, cooldownUntil: now + cooldownAfter(misses) };
  }
  if (creditedStars === 3) return FRESH_HISTORY;
  return history; // right, but capped (a hint, or the cool-down): not a miss, and the cool-down runs on
}

/** "8 min", "1 h 40 min", "45 s": a wait, rounded up, as the page says it. */
export function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

const stars = (n: number) => "★".repeat(n);

/**
 * The line the page shows before the player starts: "A ★★★ try is available now." or "Next ★★★
 * try in 8 min: until then a right answer earns ★." (with what the hints opened cost, if any).
 */
export function rulesLine(state: AttemptState, now: number): string {
  const cap = capFor(state, now);
  const cooling = cap.reasons.find((r) => r.kind === "cooldown");
  const hints = cap.reasons.find((r) => r.kind === "hints");
  if (cooling) return `Next ★★★ try in ${formatWait(cooling.until - now)}: until then a right answer earns ★.`;
  if (hints) return `The hints you opened cap this try at ${stars(cap.stars)}.`;
  return "A ★★★ try is available now.";
}

/** Why a right answer earned less than its outcome, in one clause: "a giveaway hint caps this try at ★★". */
export function capClause(cap: Cap, now: number): string {
  const cooling = cap.reasons.find((r) => r.kind === "cooldown");
  if (cooling) return `after a miss, this try is capped at ★ (next ★★★ try in ${formatWait(cooling.until - now)})`;
  const hints = cap.reasons.find((r) => r.kind === "hints");
  if (hints) return `${hints.kind === "hints" && hints.cost > 1 ? "giveaway hints cap" : "a giveaway hint caps"} this try at ${stars(cap.stars)}`;
  return "";
}
