import { newPlayer, playersWith, type Room } from "../../core/live/room";

/**
 * Adds a player to the room a process owns without copying it (core/live/room.ts's addPlayer
 * copies every player: 5,000 joins would copy a growing room 5,000 times). The same rules as
 * addPlayer (newPlayer); the player goes into the room's players in place, with the counts and the
 * nickname index carried, and a new room object is returned around them (views compare rooms by
 * identity). Safe for the reasons given in ./answers-in-place.ts: only the engine holds the
 * room's players, and every other transition copies them.
 */
export function addPlayerInPlace(room: Room, player: { id: string; nickname: string; device?: string | null }, now: number): Room {
  const joined = newPlayer(room, player, now);
  playersWith(room.players, room.players, joined);
  return { ...room };
}
