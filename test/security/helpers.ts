/**
 * Helpers for the security suite (issue 11): a browser-like client with both of the game's cookies
 * and full control of the headers an attacker's page or script would send, and a tally of
 * everything tried, for the suite's closing numbers.
 */
import { expect } from "vitest";

export const PLAYER_COOKIE = "ga_player";
export const TEACHER_COOKIE = "ga_teacher";

export interface SendOptions {
  /** A JSON body (sent as application/json unless `contentType` says otherwise). */
  json?: unknown;
  /** A raw body, e.g. what a text/plain or url-encoded form sends. */
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Send the cookies this client holds (default true). */
  cookies?: boolean;
}

export interface Reply<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

/** One device: keeps the ga_player and ga_teacher cookies the server sets, and sends them back. */
export class Client {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    /** Headers sent with every request (e.g. an X-Forwarded-For behind a trusted proxy). */
    readonly defaultHeaders: Record<string, string> = {},
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async send<T = any>(method: string, path: string, options: SendOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...this.defaultHeaders, ...options.headers };
    let body: string | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.json !== undefined) body = JSON.stringify(options.json);
    if (body !== undefined) headers["content-type"] = options.contentType ?? "application/json";
    if (options.cookies !== false && this.cookies.size > 0) headers.cookie = this.cookieHeader();
    const response = await fetch(new URL(path, this.baseUrl), { method, headers, body, redirect: "manual" });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = decodeURIComponent(pair.slice(eq + 1).trim());
      if (value === "" || /max-age=0\b/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let parsed: any;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    tally.record(response.status);
    return { status: response.status, body: parsed, text, headers: response.headers };
  }

  get<T = any>(path: string, options?: SendOptions) {
    return this.send<T>("GET", path, options);
  }
  post<T = any>(path: string, json?: unknown, options: SendOptions = {}) {
    return this.send<T>("POST", path, { ...options, json });
  }
  patch<T = any>(path: string, json?: unknown, options: SendOptions = {}) {
    return this.send<T>("PATCH", path, { ...options, json });
  }

  /** A copy of this device's cookies on another client (the same browser, another tab or script). */
  clone(headers: Record<string, string> = this.defaultHeaders): Client {
    const copy = new Client(this.baseUrl, headers);
    for (const [name, value] of this.cookies) copy.cookies.set(name, value);
    return copy;
  }
}

/** Every response the suite's clients got: how many requests were tried, refused and crashed (5xx). */
export const tally = {
  tried: 0,
  refused: 0,
  crashed: 0,
  record(status: number) {
    this.tried++;
    if (status >= 400 && status < 500) this.refused++;
    if (status >= 500) this.crashed++;
  },
  line(what: string) {
    return `${what}: ${this.tried} requests tried, ${this.refused} refused (4xx), ${this.crashed} crashed (5xx)`;
  },
};

/** A new player (POST /api/profile) on a new client. */
export async function newPlayer(baseUrl: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client(baseUrl, headers);
  const reply = await client.post("/api/profile");
  expect(reply.status, reply.text).toBe(201);
  return client;
}

let emails = 0;
/** A unique teacher email (one test server per file, but tests in a file sign up several). */
export function uniqueEmail(name: string): string {
  emails++;
  return `${name}.${emails}.${Date.now().toString(36)}@school.example`;
}

export const GOOD_PASSWORD = "seven lanterns over the harbour";

/** A new teacher, signed in on a new client. */
export async function newTeacher(baseUrl: string, name = "Ms Teacher", headers: Record<string, string> = {}): Promise<{ client: Client; email: string }> {
  const client = new Client(baseUrl, headers);
  const email = uniqueEmail("teacher");
  const reply = await client.post("/api/teacher/signup", { email, name, password: GOOD_PASSWORD });
  expect(reply.status, reply.text).toBe(201);
  return { client, email };
}

/** The 429 every limit answers: rate_limited, "wait N s", and Retry-After. */
export function expectRateLimited(reply: Reply): void {
  expect(reply.status, reply.text).toBe(429);
  expect(reply.body.error.code).toBe("rate_limited");
  expect(reply.body.error.message).toMatch(/: wait \d+ s$/);
  expect(Number(reply.headers.get("retry-after"))).toBeGreaterThan(0);
}
