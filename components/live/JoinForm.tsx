"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { friendlyNickname } from "@/core/live/nicknames";
import { codeDigits } from "./join-address";
import { connectLive, type LiveSocket, protocolVersion, request, secrets } from "./useLiveSocket";

/** Where the server-rendered page starts (app/join/page.tsx checked the code from the link, if any). */
export interface JoinStart {
  step: "code" | "nickname";
  /** The nickname offered at the nickname step. */
  suggestion?: string;
  /** What the server found wrong (a bad or locked code, a refused nickname). */
  error: string | null;
  /** Whether the server checked the code already: if not, the page checks it over its socket once alive. */
  checked: boolean;
}

/**
 * Two steps: the game code (typed, or from the QR code's link), then a nickname. Both work before
 * the page's JavaScript has arrived (slow school Wi-Fi): the code step is a plain form
 * (GET /join?code=…) that the server checks, and the nickname step posts to /api/live/join, which
 * joins and sends the browser to the game page. Once the page is alive, both go over its socket.
 */
export function JoinForm({ initialCode, start }: { initialCode: string; start: JoinStart }) {
  const router = useRouter();
  const socket = useRef<LiveSocket | null>(null);
  const [code, setCode] = useState(initialCode);
  const [step, setStep] = useState<"code" | "nickname">(start.step);
  const [nickname, setNickname] = useState(start.suggestion ?? "");
  const [error, setError] = useState<string | null>(start.error);
  const [busy, setBusy] = useState(false);
  // Before the page is alive the form is a plain one the browser sends: its button is never disabled.
  const [alive, setAlive] = useState(false);

  // Each step's field takes the focus (a phone opens its keyboard), without autoFocus on a server-rendered field.
  const field = useRef<HTMLInputElement | null>(null);

  useEffect(() => {
    socket.current = connectLive();
    setAlive(true);
    return () => void socket.current?.disconnect();
  }, []);

  // What was typed before the page came alive is in the field but not in the state yet: take it.
  // A link from the QR code carries the code: check it straight away, once, unless the server did.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on mount only; a later change of the typed code must not re-check it
  useEffect(() => {
    const typed = field.current?.value ?? "";
    if (start.step === "code") {
      if (codeDigits(typed) !== code) setCode(codeDigits(typed));
      if (!start.checked && isGameCode(initialCode)) void checkCode(initialCode);
      return;
    }
    if (typed !== nickname) setNickname(typed);
    // Coming back to a game this browser is already in: no need to type a nickname again.
    if (secrets.get(secrets.player(code))) router.push(`/live/${code}`);
  }, []);

  useEffect(() => {
    if (step) field.current?.focus();
  }, [step]);

  async function checkCode(value: string) {
    setError(null);
    if (!isGameCode(value)) return setError("A game code is 6 digits.");
    setBusy(true);
    const ack = await request(socket.current!, "player:check", { ...protocolVersion, code: value });
    setBusy(false);
    if (!ack.ok)
      return setError(
        ack.error.code === "not_found" ? "No game with that code is running. Check the code on the screen." : `${capitalise(ack.error.message)}.`,
      );
    // Coming back to a game this browser is already in: no need to type a nickname again.
    if (secrets.get(secrets.player(value))) return router.push(`/live/${value}`);
    setNickname((current) => current || friendlyNickname());
    setStep("nickname");
  }

  async function join(typed: string) {
    setError(null);
    // The server checks the nickname (length, characters, uniqueness, blocklist) and says what is wrong.
    setBusy(true);
    const previousSecret = secrets.get(secrets.player(code)) ?? undefined;
    const ack = await request(socket.current!, "player:join", { ...protocolVersion, code, nickname: typed, previousSecret });
    setBusy(false);
    if (!ack.ok) return setError(`${capitalise(ack.error.message.replace(/^nickname: /, "Nickname "))}.`);
    secrets.set(secrets.player(code), ack.playerSecret);
    router.push(`/live/${code}`);
  }

  return (
    <div className="panel join-panel">
      {step === "code" ? (
        <form
          method="get"
          action="/join"
          onSubmit={(e) => {
            e.preventDefault();
            void checkCode(code);
          }}
        >
          <label htmlFor="game-code">Game code</label>
          {/* No maxLength: a pasted "758 061" keeps its last digit; the digits are kept from what is typed. */}
          <input
            id="game-code"
            name="code"
            className="code-input"
            inputMode="numeric"
            autoComplete="off"
            pattern="\s*\d{3}\s*\d{3}\s*"
            required
            placeholder="123456"
            value={code}
            ref={field}
            onChange={(e) => setCode(codeDigits(e.target.value))}
          />
          <button className="button big" type="submit" disabled={busy || (alive && code.length !== 6)}>
            {busy ? "Checking…" : "Next"}
          </button>
        </form>
      ) : (
        <form
          method="post"
          action="/api/live/join"
          onSubmit={(e) => {
            e.preventDefault();
            // The field as it is (typed before the page came alive, too), not only the state.
            void join(String(new FormData(e.currentTarget).get("nickname") ?? nickname));
          }}
        >
          <p className="muted">Game {code}</p>
          <input type="hidden" name="code" value={code} />
          <label htmlFor="nickname">Your nickname</label>
          <input
            id="nickname"
            name="nickname"
            className="nickname-input"
            maxLength={20}
            autoComplete="off"
            value={nickname}
            ref={field}
            onChange={(e) => setNickname(e.target.value)}
          />
          <div className="row">
            {alive ? (
              <button className="button secondary" type="button" onClick={() => setNickname(friendlyNickname())}>
                Suggest another
              </button>
            ) : (
              // Before the page is alive, the server suggests another: the same step, rendered again.
              <a className="button secondary" href={`/join?code=${code}`}>
                Suggest another
              </a>
            )}
            <button className="button big" type="submit" disabled={busy || (alive && code.length !== 6)}>
              {busy ? "Joining…" : "Join"}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
// A plain check rather than the protocol's zod schema keeps zod out of this page's bundle.
const isGameCode = (value: string | null): value is string => /^\d{6}$/.test(value ?? "");
