import { type AnswerChange, answeredCount, type Room, setAnsweredCount, withDone } from "../../core/live/room";

/**
 * Records an answer in the room a process owns without copying it (core/live/room.ts's
 * withAnswer copies every player: about 2 ms per answer at 2,000 players, seconds per burst).
 *
 * The player's entry and the round's bests are updated in place and a new room object is
 * returned around them (a few fields: views and the control-state check compare rooms by
 * identity). Safe because only the engine holds the room's players and bests: every other
 * transition copies them, views and stores read them when they run and copy what they keep, and
 * an earlier room kept by a caller (apply's `before`) is only compared on its control state.
 */
export function applyAnswerInPlace(room: Room, change: AnswerChange): Room {
  if (!change.improved) return room;
  const id = change.player.id;
  const index = change.roundIndex;
  const answered = answeredCount(room, index); // known (carried) before the bests change
  room.players[id] = change.player;
  let bests = room.rounds[index];
  // A round's first answer: a new bests object in a new rounds map (a few entries, one per round).
  const rounds = bests ? room.rounds : { ...room.rounds, [index]: (bests = {}) };
  bests[id] = change.candidate;
  setAnsweredCount(bests, room.players, answered + (change.first ? 1 : 0));
  const next: Room = { ...room, rounds };
  return change.done ? withDone(next, id) : next;
}
