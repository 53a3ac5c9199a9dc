import { io, type Socket } from "socket.io-client";
import { type BackwardPassView, initialAnswer as backwardPassStart } from "../../core/kinds/backward-pass/public";
import { type DownhillView, initialAnswer as downhillStart } from "../../core/kinds/downhill/public";
import type { LiveAck, PlayerView, RoundLevel, ServerToClientEvents } from "../../core/live/protocol";
import { LiveViewState } from "../../core/live/round-level";
import { LIVE_PROTOCOL_VERSION } from "../../core/live/version";
import type { PublicLevel } from "../../core/play/public-level";
import { solve } from "../reference";

/**
 * Students without a browser, for the projector's tests: each is one Socket.IO connection that
 * joins a game and answers every round as soon as it is played, with the three-star answer
 * (test/reference's solver, from the round's public level), the starting answer, or nothing. The
 * projector then has a class's answers to draw, for the cost of a socket each.
 */
type BotSocket = Socket<ServerToClientEvents, Record<string, (payload: unknown, ack: (reply: LiveAck<Record<string, unknown>>) => void) => void>>;

export type Strategy = "solve" | "start" | "none";

export interface Bot {
  nickname: string;
  close(): void;
}

export async function joinBot(baseURL: string, code: string, nickname: string, strategy: (level: PublicLevel) => unknown): Promise<Bot> {
  const socket: BotSocket = io(baseURL, { transports: ["websocket"], forceNew: true });
  const send = (event: string, payload: unknown) =>
    new Promise<LiveAck<Record<string, unknown>>>((resolve) =>
      socket
        .timeout(60_000)
        .emit(event, payload, (err: unknown, reply: LiveAck<Record<string, unknown>>) =>
          resolve(err ? { ok: false, error: { code: "bad_request", message: String(err) } } : reply),
        ),
    );
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  const ack = await send("player:join", { protocolVersion: LIVE_PROTOCOL_VERSION, code, nickname });
  if (!ack.ok) throw new Error(`${nickname} could not join: ${ack.error.message}`);
  const answered = new Set<number>();
  // The round's level comes once per round ("live:level", or the join's reply): the client state fills it in.
  const views = new LiveViewState<PlayerView>();
  views.acceptView(ack.view as PlayerView);
  const play = (v: PlayerView | null) => {
    if (v?.phase !== "playing" || !v.round?.level || answered.has(v.round.index)) return;
    answered.add(v.round.index);
    const answer = strategy(v.round.level);
    // A refused answer is said on the test's output: the projector's counts would wait for it in vain.
    if (answer !== undefined)
      void send("player:answer", { roundIndex: v.round.index, answer }).then((reply) => {
        if (!reply.ok) console.warn(`${nickname}'s answer to round ${v.round!.index + 1} was refused: ${reply.error.message}`);
      });
  };
  socket.on("live:state", (view) => play(views.acceptView(view as PlayerView)));
  socket.on("live:level", (message) => play(views.acceptLevel(message as RoundLevel)));
  return { nickname, close: () => socket.disconnect() };
}

/** The three-star answer, the answer a player starts from, or no answer (undefined). */
export const strategies = {
  solve: (level: PublicLevel) => solve(level),
  start: (level: PublicLevel) => startingAnswer(level),
  none: () => undefined,
};

/**
 * What a player who changes nothing would send (the view's starting position), per kind's public
 * data. Training kinds are committed with a prediction (predict, then run): the first one offered.
 */
function startingAnswer(level: PublicLevel): unknown {
  const view = level.view as unknown as Record<string, unknown>;
  const prediction = () => (view.prediction as { options: { id: string }[] }).options[0].id;
  switch (level.kind) {
    case "coordinate-change":
      return { representation: (view.representations as string[])[0], rule: (view.rules as string[])[0], angleDeg: 0, shift: [0, 0], scale: [1, 1] };
    case "tune-weights":
      return { weights: view.start };
    case "learning-rate":
      return { learningRate: view.start, prediction: prediction() };
    case "deep-training":
      return { ...(view.start as object), prediction: prediction() };
    case "digits":
      return { depth: (view.depths as number[])[0], width: (view.widths as number[])[0], examples: (view.examples as number[])[0], prediction: prediction() };
    case "training-loop":
      return { order: (view.steps as { id: string }[]).map((s) => s.id) };
    case "chain-rule":
      return { gradient: 0.5 };
    case "concept":
      return {
        responses: Object.fromEntries(
          (view.questions as { id: string; type: string; options: { id: string }[] }[]).map((q) => [
            q.id,
            q.type === "order" ? q.options.map((o) => o.id) : q.type === "sort" ? {} : [q.options[0].id],
          ]),
        ),
      };
    case "output-head":
      return { heads: Object.fromEntries((view.cards as { id: string }[]).map((c) => [c.id, { units: 1, activation: "sigmoid", loss: "mse" }])) };
    case "downhill":
      return downhillStart(view as unknown as DownhillView);
    case "backward-pass":
      return backwardPassStart(view as unknown as BackwardPassView);
  }
}
