import type { Redis } from "./redis";

/**
 * Requests between the processes that share live games, over Redis pub/sub: each process listens
 * on a channel of its own, and a request names the process that must answer it (the game's
 * owner), so it costs one message each way, not one per process as a broadcast would.
 *
 * PUBLISH says how many processes received a message: 0 means the owner is not listening (it
 * died), and the request was certainly not handled, so the caller may safely send it again to
 * the game's next owner. A request that was received but not answered in time is another matter
 * (it may have been handled): the caller gets an error, never a retry.
 */

const requestChannel = (processId: string) => `ga:live:rpc:${processId}`;
const replyChannel = (processId: string) => `ga:live:rpc-reply:${processId}`;
const NEWS_CHANNEL = "ga:live:news";

/** The owner did not receive the request (not listening: gone). */
export const NOT_RECEIVED = Symbol("not received");

export class NoAnswerError extends Error {
  constructor(
    processId: string,
    ms: number,
    /** The process stopped listening while the request waited: it died (whether it handled the request is unknown). */
    readonly gone = false,
  ) {
    super(gone ? `process ${processId} went away before answering` : `process ${processId} did not answer within ${ms} ms`);
    this.name = "NoAnswerError";
  }
}

/** While a request waits, how often the receiver is checked for still listening. */
const LIVENESS_CHECK_MS = 300;

interface Envelope {
  id: number;
  from: string;
  body: unknown;
}

export class Forwarding {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (reply: unknown) => void; timer: NodeJS.Timeout }>();

  constructor(
    private readonly commands: Redis,
    private readonly subscriber: Redis,
    readonly processId: string,
    private readonly timeoutMs = 10_000,
  ) {}

  /**
   * Starts listening: `serve` answers the requests sent to this process (its reply goes back as
   * JSON), `onNews` hears what any process announces to all (e.g. "I run game X now").
   */
  async start(serve: (body: unknown, from: string) => Promise<unknown>, onNews: (news: unknown) => void): Promise<void> {
    await this.subscriber.subscribe(replyChannel(this.processId), (message) => {
      const { id, body } = JSON.parse(message) as Envelope;
      const waiter = this.waiting.get(id);
      if (!waiter) return; // it timed out
      this.waiting.delete(id);
      clearTimeout(waiter.timer);
      waiter.resolve(body);
    });
    await this.subscriber.subscribe(requestChannel(this.processId), (message) => {
      const { id, from, body } = JSON.parse(message) as Envelope;
      void serve(body, from)
        .then((reply) => this.commands.publish(replyChannel(from), JSON.stringify({ id, from: this.processId, body: reply })))
        .catch((error) => console.error(`[live] could not answer a request from ${from}: ${(error as Error).message}`));
    });
    await this.subscriber.subscribe(NEWS_CHANNEL, (message) => onNews(JSON.parse(message)));
  }

  /**
   * Sends `body` to `processId`; its reply, NOT_RECEIVED, or NoAnswerError: after the timeout, or
   * as soon as the receiver is seen to have stopped listening (it was killed just after the
   * request reached it: a reply will never come).
   */
  async request(processId: string, body: unknown): Promise<unknown> {
    const id = this.nextId++;
    let fail: (error: NoAnswerError) => void = () => {};
    const reply = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => fail(new NoAnswerError(processId, this.timeoutMs)), this.timeoutMs);
      fail = (error) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        reject(error);
      };
      this.waiting.set(id, { resolve, timer });
    });
    reply.catch(() => undefined); // handled by the caller's await below; never unhandled meanwhile
    const receivers = await this.commands.publish(requestChannel(processId), JSON.stringify({ id, from: this.processId, body } satisfies Envelope));
    if (receivers === 0) {
      fail(new NoAnswerError(processId, 0, true));
      return NOT_RECEIVED;
    }
    const watch = setInterval(() => {
      void this.isListening(processId).then(
        (listening) => listening || !this.waiting.has(id) || fail(new NoAnswerError(processId, 0, true)),
        () => {},
      );
    }, LIVENESS_CHECK_MS);
    return reply.finally(() => clearInterval(watch));
  }

  /** Tells every process (this one too). */
  async announce(news: unknown): Promise<void> {
    await this.commands.publish(NEWS_CHANNEL, JSON.stringify(news));
  }

  /** Whether a process listens for requests (it is alive and connected to Redis). */
  async isListening(processId: string): Promise<boolean> {
    const counts = (await this.commands.pubSubNumSub(requestChannel(processId))) as Record<string, number>;
    return (counts[requestChannel(processId)] ?? 0) > 0;
  }

  stop(): void {
    for (const { timer } of this.waiting.values()) clearTimeout(timer);
    this.waiting.clear();
  }
}
