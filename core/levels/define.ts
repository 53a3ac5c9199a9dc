import type { KindConfigInput, KindControl, KindId } from "../kinds/registry";
import type { LevelInput } from "./format";

/** A level as a chapter file writes it, for one kind: its config and locked controls are that kind's. */
export type LevelOf<K extends KindId> = Omit<LevelInput, "kind" | "config" | "lockedControls"> & {
  kind: K;
  config: KindConfigInput<K>;
  lockedControls?: KindControl<K>[];
};

/**
 * Declares a level. It returns the object unchanged (the catalog still checks it at load); the
 * types make the compiler check the config against the kind's config schema, and the locked
 * controls against the kind's controls, where the level is written.
 */
export function defineLevel<K extends KindId>(level: LevelOf<K>): LevelOf<K> {
  return level;
}
