import type { KindAnswer, KindId } from "../../core/kinds/public";
import type { PublicLevel } from "../../core/play/public-level";

/** Static answers for the levels of one kind, by level id, each typed as that kind's answer (what the repository used to hold). */
export type ReferenceAnswers<K extends KindId> = Record<string, KindAnswer<K>>;

/**
 * A solver: the three-star answer to the instance a player was served, worked out from its public
 * projection (PublicLevel) as a player who understands would — never from the instance's key.
 */
export type Solver<K extends KindId> = (level: PublicLevel<K>) => KindAnswer<K>;
