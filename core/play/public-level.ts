import type { AttemptState } from "../attempts/rules";
import type { KindId, KindView } from "../kinds/public";
import type { AttemptFamily } from "../kinds/public-base";

/**
 * A level as the browser receives it: the public projection of one instance. The level page and a
 * live round get one from the server; no client code imports the level catalog. It holds what the
 * page needs to show and play the level — never a correct option, an order, an expected value, a
 * hidden parameter, an explanation or an unopened hint.
 */
export interface PublicHint {
  /** 0 guides; 1 gives the answer away and lowers the attempt's cap by a star. */
  cost: 0 | 1;
  /** The text once opened on this attempt; null until then. */
  text: string | null;
}

interface PublicLevelOf<K extends KindId> {
  id: string;
  kind: K;
  /** Which attempt rules apply: a quiz, an experiment (commit, then run), or a manipulation. */
  attempts: AttemptFamily;
  /** "2.3": the chapter's number, then the level's place in it. */
  number: string;
  chapter: { id: string; number: number; title: string };
  title: string;
  brief: string;
  /** The goal, as shown: "100% accuracy". */
  target: string;
  /** The scores that earn one, two and three stars. */
  stars: [number, number, number];
  timeLimitSeconds: number;
  lockedControls: string[];
  hints: PublicHint[];
  /** Solo play: the attempt this is the instance of (submissions name it). Null in a live round. */
  attempt: number | null;
  /** Solo play: the attempt's cool-down and hint cost, for the rules line. Null in a live round. */
  rules: AttemptState | null;
  view: KindView<K>;
}

/** One per kind, so that checking `kind` tells the view's type. */
export type PublicLevel<K extends KindId = KindId> = K extends KindId ? PublicLevelOf<K> : never;

/** What the campaign or a host's setup page lists of a level: no content, only where it sits. */
export interface LevelSummary {
  id: string;
  number: string;
  title: string;
  kind: KindId;
  chapter: { id: string; number: number; title: string };
  timeLimitSeconds: number;
}
