import type { Room } from "./room";

/**
 * A room's control state: where the game is (phase, round, clock, lock…), as opposed to what it
 * is made of (its playlist and options, fixed at creation) and what its players did (joins and
 * answers, stored as rows of their own). Every transition that changes it is saved as one unit,
 * so a new control field (a pause, say) is a field of Room with its initial value (room.ts) and
 * nothing more: no new column, no new store method.
 */
export type RoomControl = Omit<Room, "id" | "code" | "playlist" | "roundSeconds" | "options" | "players" | "rounds">;

/** The control state stored beside the `phase` column (which queries need, so it has its own). */
export type StoredControl = Omit<RoomControl, "phase">;

export function controlOf(room: Room): RoomControl {
  const { id, code, playlist, roundSeconds, options, players, rounds, ...control } = room;
  return control;
}

export function storedControlOf(room: Room): StoredControl {
  const { phase, ...stored } = controlOf(room);
  return stored;
}

/** Whether a transition changed the control state (and so must be saved). */
export function controlChanged(before: Room, after: Room): boolean {
  if (before === after) return false;
  const a = controlOf(before) as Record<string, unknown>;
  const b = controlOf(after) as Record<string, unknown>;
  for (const key in b) if (a[key] !== b[key]) return true;
  return false;
}
