"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { connectLive, protocolVersion, request, secrets } from "./useLiveSocket";

type ChapterChoice = { id: string; number: number; title: string; levels: { id: string; title: string; seconds: number }[] };

const ROUND_TIMES = [null, 30, 45, 60, 90, 120, 180] as const;

/** Choose the rounds (a ready-made set per chapter, or a custom pick) and the options. */
export function HostSetup({ chapters }: { chapters: ChapterChoice[] }) {
  const router = useRouter();
  const all = chapters.flatMap((c) => c.levels);
  const sets = chapters.flatMap((c) => [
    { label: `Chapter ${c.number}: ${c.title} — all ${c.levels.length} levels`, ids: c.levels.map((l) => l.id) },
    ...(c.levels.length > 3 ? [{ label: `Chapter ${c.number}: a quick 3`, ids: c.levels.slice(0, 3).map((l) => l.id) }] : []),
  ]);
  const [picked, setPicked] = useState<string[]>(sets[0]?.ids ?? []);
  const [roundSeconds, setRoundSeconds] = useState<number | null>(null);
  const [speedBonus, setSpeedBonus] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (id: string) =>
    setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : all.filter((l) => p.includes(l.id) || l.id === id).map((l) => l.id)));

  async function create() {
    setBusy(true);
    setError(null);
    const socket = connectLive();
    const ack = await request(socket, "host:create", {
      ...protocolVersion,
      playlist: picked,
      options: { roundSeconds, speedBonus },
    });
    socket.disconnect();
    setBusy(false);
    if (!ack.ok) return setError(ack.error.message);
    secrets.set(secrets.host(ack.code), ack.hostSecret);
    router.push(`/host/${ack.code}`);
  }

  return (
    <div className="host-setup">
      <section className="panel">
        <h2 style={{ marginTop: 0 }}>Rounds</h2>
        <div className="choices" style={{ flexDirection: "column" }}>
          {sets.map((set) => (
            <label key={set.label}>
              <input type="radio" name="set" checked={picked.join() === set.ids.join()} onChange={() => setPicked(set.ids)} />
              {set.label}
            </label>
          ))}
        </div>
        <fieldset style={{ marginTop: 12 }}>
          <legend>Or pick levels</legend>
          {chapters.map((c) => (
            <div key={c.id}>
              <p style={{ margin: "6px 0 2px", fontWeight: 700 }}>
                Chapter {c.number}: {c.title}
              </p>
              <div className="choices">
                {c.levels.map((l) => (
                  <label key={l.id}>
                    <input type="checkbox" checked={picked.includes(l.id)} onChange={() => toggle(l.id)} />
                    {l.title}
                  </label>
                ))}
              </div>
            </div>
          ))}
        </fieldset>
      </section>
      <section className="panel">
        <h2 style={{ marginTop: 0 }}>Options</h2>
        <label className="row" htmlFor="round-time">
          Time per round
          <select id="round-time" value={roundSeconds ?? ""} onChange={(e) => setRoundSeconds(e.target.value ? Number(e.target.value) : null)}>
            {ROUND_TIMES.map((t) => (
              <option key={t ?? "level"} value={t ?? ""}>
                {t ? `${t} seconds` : "Each level's own time"}
              </option>
            ))}
          </select>
        </label>
        <label className="row" style={{ marginTop: 8 }}>
          <input type="checkbox" checked={speedBonus} onChange={(e) => setSpeedBonus(e.target.checked)} />
          Speed bonus: faster answers earn more (up to twice as much as at the buzzer)
        </label>
        <p className="muted">Points: 1000 for a three-star answer, in proportion to the stars. Each player&apos;s best answer of a round counts.</p>
        <button type="button" className="button big" disabled={busy || picked.length === 0} onClick={create}>
          {busy ? "Creating…" : `Create a game with ${picked.length} round${picked.length === 1 ? "" : "s"}`}
        </button>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </section>
    </div>
  );
}
