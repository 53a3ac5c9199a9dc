import type { ChallengeKind } from "./contract";
import { coordinateChange } from "./coordinate-change";

/** Every challenge kind, by id. Adding a kind is one folder plus one line here. */
export const kinds: Record<string, ChallengeKind<any, any>> = {
  [coordinateChange.id]: coordinateChange,
};

export function kindOf(id: string): ChallengeKind<any, any> {
  const kind = kinds[id];
  if (!kind) throw new Error(`unknown challenge kind "${id}"`);
  return kind;
}
