import type { KindAnswer, KindId } from "../../core/kinds/registry";

/** Three-star answers for the levels of one kind, by level id, each typed as that kind's answer. */
export type ReferenceAnswers<K extends KindId> = Record<string, KindAnswer<K>>;
