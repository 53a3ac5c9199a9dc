"use client";

import { useCallback, useEffect, useState } from "react";
import type { ClassDetail } from "@/core/classes";
import { postJson } from "@/components/classes/api";
import styles from "@/components/classes/classes.module.css";
import { LocalTime } from "@/components/LocalTime";
import { LockIcon } from "@/components/Stars";

/** How often the roster asks for new students while the page is visible. */
const ROSTER_POLL_MS = 4_000;

/**
 * Keeps the roster live: while the page is visible, asks the class's endpoint every few seconds
 * and hands its members on (the name and locks are left alone, so a save in flight is not undone).
 * A hidden tab asks nothing, and asks at once when it is shown again.
 */
function useLiveRoster(classId: string, onMembers: (members: ClassDetail["members"]) => void) {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    const poll = async () => {
      timer = null;
      if (document.visibilityState !== "visible") return;
      const res = await fetch(`/api/teacher/classes/${classId}`, { cache: "no-store" }).catch(() => null);
      const detail = res?.ok ? ((await res.json().catch(() => null)) as ClassDetail | null) : null;
      if (stopped) return;
      if (detail?.members) onMembers(detail.members);
      timer = setTimeout(poll, ROSTER_POLL_MS);
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible" && timer === null) void poll();
    };
    timer = setTimeout(poll, ROSTER_POLL_MS);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [classId, onMembers]);
}

interface ChapterRow {
  id: string;
  number: number;
  title: string;
  levels: number;
}

/** The class's name, then `children` (the join code and links), its chapter locks (saved as soon as a box changes) and its roster. */
export function ClassManager({ initial, chapters, children }: { initial: ClassDetail; chapters: ChapterRow[]; children?: React.ReactNode }) {
  const [detail, setDetail] = useState(initial);
  const [name, setName] = useState(initial.name);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<Record<string, string>>({});
  // Stable (setDetail is), so the roster's polling is not restarted by every render.
  const setMembers = useCallback((members: ClassDetail["members"]) => {
    setDetail((d) => (sameMembers(d.members, members) ? d : { ...d, members }));
  }, []);
  useLiveRoster(initial.id, setMembers);

  async function save(change: { name?: string; lockedChapters?: string[] }, done: string) {
    const before = detail;
    setBusy(true);
    setError(null);
    setStatus("Saving…");
    // The box ticks at once; if the server refuses, it goes back and the reason is shown.
    if (change.lockedChapters) setDetail({ ...detail, lockedChapters: change.lockedChapters });
    const result = await postJson<ClassDetail>(`/api/teacher/classes/${detail.id}`, change, "PATCH");
    setBusy(false);
    if (!result.ok) {
      setDetail(before);
      setStatus(null);
      return setError(result.message);
    }
    setDetail(result.data);
    setName(result.data.name);
    setStatus(done);
  }

  function toggle(chapterId: string, locked: boolean) {
    const next = locked ? [...detail.lockedChapters, chapterId] : detail.lockedChapters.filter((id) => id !== chapterId);
    const chapter = chapters.find((c) => c.id === chapterId)!;
    void save({ lockedChapters: next }, `Chapter ${chapter.number} ${locked ? "locked" : "unlocked"}.`);
  }

  async function newResumeCode(memberId: string) {
    setError(null);
    const result = await postJson<{ resumeCode: string }>(`/api/teacher/classes/${detail.id}/members/${memberId}/resume-code`);
    if (!result.ok) return setError(result.message);
    setIssued((codes) => ({ ...codes, [memberId]: result.data.resumeCode }));
  }

  return (
    <>
      <section className="panel" aria-labelledby="class-name-heading">
        <h1 id="class-name-heading" data-testid="class-name">
          {detail.name}
        </h1>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void save({ name }, "Name saved.");
          }}
        >
          <label htmlFor="rename" className="muted">
            Rename
          </label>
          <input
            id="rename"
            className="big-input"
            style={{ flex: "1 1 200px", width: "auto" }}
            maxLength={80}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <button className="button secondary" type="submit" disabled={busy || !name.trim() || name.trim() === detail.name}>
            Save name
          </button>
        </form>
      </section>

      {children}

      <section className="panel" aria-labelledby="locks-heading">
        <h2 id="locks-heading">Chapter locks</h2>
        <p className="muted">A locked chapter&apos;s levels cannot be played by this class&apos;s students until you unlock it. Their stars are kept.</p>
        <ul className={styles.chapters} data-testid="chapter-locks">
          {chapters.map((c) => (
            <li key={c.id}>
              <label>
                <input
                  type="checkbox"
                  checked={detail.lockedChapters.includes(c.id)}
                  disabled={busy}
                  onChange={(e) => toggle(c.id, e.target.checked)}
                  data-testid={`lock-${c.id}`}
                />
                <span>
                  Lock chapter {c.number}: {c.title} <span className="muted">({c.levels} levels)</span> ·{" "}
                  {detail.lockedChapters.includes(c.id) ? (
                    <strong>
                      <LockIcon /> locked
                    </strong>
                  ) : (
                    <span className="muted">open</span>
                  )}
                </span>
              </label>
            </li>
          ))}
        </ul>
        <p role="status" aria-live="polite" className="muted" data-testid="save-status">
          {status}
        </p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </section>

      <section className="panel" aria-labelledby="roster-heading">
        <h2 id="roster-heading">
          Students <span className="muted">({detail.members.length})</span>
        </h2>
        {detail.members.length === 0 ? (
          <p className="muted">Nobody has joined yet. Students appear here as they join.</p>
        ) : (
          <table className={styles.roster} data-testid="roster">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Joined</th>
                <th scope="col">Resume code</th>
              </tr>
            </thead>
            <tbody>
              {detail.members.map((m) => (
                <tr key={m.id}>
                  <td>{m.name}</td>
                  <td>
                    <LocalTime iso={m.joinedAt} dateOnly />
                  </td>
                  <td>
                    {issued[m.id] ? (
                      <span className={styles.issued} data-testid="issued-code">
                        {issued[m.id]}
                      </span>
                    ) : (
                      <button type="button" className="button secondary" onClick={() => void newResumeCode(m.id)} aria-label={`New resume code for ${m.name}`}>
                        New code
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="muted">A new resume code replaces the student&apos;s old one. Give it to them privately.</p>
      </section>
    </>
  );
}

const sameMembers = (a: ClassDetail["members"], b: ClassDetail["members"]) =>
  a.length === b.length && a.every((m, i) => m.id === b[i].id && m.name === b[i].name);
