import { io, type Socket } from "socket.io-client";
import { initialAnswer as backwardPassStart } from "../../core/kinds/backward-pass/public";
import { initialAnswer as runTheLoopStart } from "../../core/kinds/run-the-loop/public";
import { initialAnswer as downhillStart } from "../../core/kinds/downhill/public";
import { initialAnswer as featuresStart } from "../../core/kinds/features/public";
import { initialAnswer as generaliseStart } from "../../core/kinds/generalise/public";
import { initialAnswer as headTrainingStart } from "../../core/kinds/head-training/public";
import { initialAnswer as nonlinearityStart } from "../../core/kinds/nonlinearity/public";
import type { KindAnswer, KindId } from "../../core/kinds/public";
import type { PredictionView } from "../../core/kinds/public-prediction";
import { initialAnswer as whichNetworkStart } from "../../core/kinds/which-network/public";
import { initialAnswer as whyNowStart } from "../../core/kinds/why-now/public";
import type { LiveAck, PlayerView, RoundLevel, ServerToClientEvents } from "../../core/live/protocol";
import { LiveViewState, ownPartOf } from "../../core/live/round-level";
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
        const mine = ownPartOf(reply); // the reply carries the player's own part (OwnPartReply)
        if (mine) play(views.acceptMe(mine));
      });
  };
  socket.on("live:state", (view) => play(views.acceptView(view as PlayerView)));
  // A player's view comes in parts: the room's, and the player's own when it changed.
  socket.on("live:common", (common) => play(views.acceptCommon(common)));
  socket.on("live:me", (part) => play(views.acceptMe(part)));
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
 * What a player who changes nothing would send (the view's starting position), from the kind's
 * public view: an answer its zod schema accepts (test/unit/live-bots-start.test.ts checks every
 * level). Training kinds are committed with a prediction (predict, then run): the first one
 * offered. The switch is exhaustive: a new kind is a compile error here until it has a case.
 */
export function startingAnswer(level: PublicLevel): KindAnswer<KindId> {
  const firstPrediction = (view: { prediction: PredictionView }) => view.prediction.options[0].id;
  switch (level.kind) {
    case "coordinate-change":
      return { representation: level.view.representations[0], rule: level.view.rules[0], angleDeg: 0, shift: [0, 0], scale: [1, 1] };
    case "tune-weights":
      return { weights: [...level.view.start] };
    case "learning-rate":
      return { learningRate: level.view.start, prediction: firstPrediction(level.view) };
    case "deep-training":
      return { ...level.view.start, prediction: firstPrediction(level.view) };
    case "digits":
      return { depth: level.view.depths[0], width: level.view.widths[0], examples: level.view.examples[0], prediction: firstPrediction(level.view) };
    case "training-loop":
      return { order: level.view.steps.map((s) => s.id) };
    case "chain-rule":
      return { gradient: 0.5 };
    case "concept":
      return {
        responses: Object.fromEntries(
          level.view.questions.map((q) => [q.id, q.type === "order" ? q.options.map((o) => o.id) : q.type === "sort" ? {} : [q.options[0].id]]),
        ),
      };
    case "output-head":
      return { heads: Object.fromEntries(level.view.cards.map((c) => [c.id, { units: 1, activation: "sigmoid", loss: "mse" }])) };
    case "downhill":
      return downhillStart(level.view);
    case "backward-pass":
      return backwardPassStart(level.view);
    case "run-the-loop":
      // No step taken yet.
      return runTheLoopStart(level.view);
    case "nonlinearity":
      // Collapse: w = (0, 0), b = 0; bend: the sliders where they start, with the identity activation.
      return nonlinearityStart(level.view);
    case "generalise":
      // The level's own network (large, no regulariser, trained to the last stop), as the controls start.
      return { ...generaliseStart(level.view), prediction: firstPrediction(level.view) };
    case "features": {
      // Hand: x₁ and x₂; learned: no hidden layer, the first prediction.
      const start = featuresStart(level.view);
      return start.mode === "learned" && level.view.mode === "learned" ? { ...start, prediction: level.view.prediction.options[0].id } : start;
    }
    case "head-training":
      // The page starts with nothing chosen: the first head of each list, one linear unit with binary cross-entropy.
      return { ...headTrainingStart(level.view), units: 1, activation: "none", loss: "binary-crossentropy" };
    case "which-network":
      // Match: nothing picked; filter: nine zeros.
      return whichNetworkStart(level.view);
    case "why-now":
      // Chart: the order questions as served, nothing picked; sort: nothing sorted.
      return whyNowStart(level.view);
    default:
      return unhandledKind(level);
  }
}

function unhandledKind(level: never): never {
  throw new Error(`startingAnswer: no case for the kind of ${JSON.stringify((level as { kind?: unknown }).kind)}`);
}
