"use client";

import { useEffect, useState } from "react";
import type { AssignmentView } from "@/core/homework";
import { postJson } from "@/components/classes/api";
import { LocalTime, localDateText } from "@/components/LocalTime";
import styles from "./assignments.module.css";

export interface AssignableChapter {
  id: string;
  number: number;
  title: string;
  levels: { id: string; number: string; title: string }[];
}

type Target = "chapter" | "levels";

const pad = (n: number) => String(n).padStart(2, "0");
const dateInput = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** Tomorrow in the teacher's own time zone: the form's first due date. */
function tomorrow(): string {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  return dateInput(d);
}

/** Homework for one class: assign a chapter or some levels with a due date and time (the teacher's local time, sent as UTC); the list, with delete. */
export function Assignments({ classId, chapters, initial }: { classId: string; chapters: AssignableChapter[]; initial: AssignmentView[] }) {
  const [assignments, setAssignments] = useState(initial);
  const [target, setTarget] = useState<Target>("chapter");
  const [chapterId, setChapterId] = useState(chapters[0]?.id ?? "");
  const [levelIds, setLevelIds] = useState<string[]>([]);
  const [title, setTitle] = useState("");
  const [date, setDate] = useState("");
  const [time, setTime] = useState("17:00");
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [local, setLocal] = useState(false);
  useEffect(() => {
    setLocal(true);
    setDate(tomorrow());
  }, []);

  async function assign() {
    setError(null);
    if (target === "levels" && levelIds.length === 0) return setError("Pick at least one level.");
    const dueAt = new Date(`${date}T${time}`);
    if (!date || Number.isNaN(dueAt.getTime())) return setError("Pick a due date and time.");
    setBusy(true);
    setStatus("Assigning…");
    const body = { ...(title.trim() ? { title } : {}), ...(target === "chapter" ? { chapterId } : { levelIds }), dueAt: dueAt.toISOString() };
    const result = await postJson<{ assignment: AssignmentView }>(`/api/teacher/classes/${classId}/assignments`, body);
    setBusy(false);
    if (!result.ok) {
      setStatus(null);
      return setError(result.message);
    }
    const added = result.data.assignment;
    setAssignments((list) => [...list, added].sort((a, b) => a.dueAt.localeCompare(b.dueAt)));
    setTitle("");
    setLevelIds([]);
    setStatus(`Assigned “${added.title}”, due ${localDateText(added.dueAt)}.`);
  }

  async function remove(assignment: AssignmentView) {
    setError(null);
    const result = await postJson<null>(`/api/teacher/classes/${classId}/assignments/${assignment.id}`, undefined, "DELETE");
    // 204 has no body: postJson reports it as ok with null data.
    if (!result.ok) return setError(result.message);
    setAssignments((list) => list.filter((a) => a.id !== assignment.id));
    setStatus(`Deleted “${assignment.title}”.`);
  }

  const toggleLevel = (id: string, on: boolean) => setLevelIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));

  return (
    <section className={`panel ${styles.section}`} aria-labelledby="homework-heading" data-testid="homework">
      <h2 id="homework-heading">Homework</h2>
      <p className="muted">
        Assign a chapter or some levels with a due date. A level counts as done once a student has at least one star on it; done on time means every level had
        its first star by the due time. Students see their homework on the campaign page and the home page.
      </p>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          void assign();
        }}
      >
        <fieldset>
          <legend>What to assign</legend>
          <div className={styles.targets}>
            <label>
              <input type="radio" name="target" checked={target === "chapter"} onChange={() => setTarget("chapter")} data-testid="target-chapter" />A whole
              chapter
            </label>
            <label>
              <input type="radio" name="target" checked={target === "levels"} onChange={() => setTarget("levels")} data-testid="target-levels" />
              Some levels
            </label>
          </div>
          {target === "chapter" ? (
            <label>
              Chapter{" "}
              <select value={chapterId} onChange={(e) => setChapterId(e.target.value)} data-testid="homework-chapter">
                {chapters.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.number}. {c.title} ({c.levels.length} levels)
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <ul className={styles.levels} aria-label="Levels" data-testid="homework-levels">
              {chapters.map((c) => [
                <li key={c.id} className={styles.chapterHead} aria-hidden="true">
                  Chapter {c.number}: {c.title}
                </li>,
                ...c.levels.map((l) => (
                  <li key={l.id}>
                    <label>
                      <input type="checkbox" checked={levelIds.includes(l.id)} onChange={(e) => toggleLevel(l.id, e.target.checked)} value={l.id} />
                      {l.number} {l.title}
                    </label>
                  </li>
                )),
              ])}
            </ul>
          )}
        </fieldset>
        <div className={styles.when}>
          <label>
            Due date
            <input
              type="date"
              required
              value={date}
              min={local ? dateInput(new Date()) : undefined}
              onChange={(e) => setDate(e.target.value)}
              data-testid="homework-date"
            />
          </label>
          <label>
            Time (your time zone)
            <input type="time" required value={time} onChange={(e) => setTime(e.target.value)} data-testid="homework-time" />
          </label>
          <label>
            Title <span className="muted">(optional)</span>
            <input className={styles.title} maxLength={80} value={title} onChange={(e) => setTitle(e.target.value)} data-testid="homework-title" />
          </label>
          <button className="button" type="submit" disabled={busy} data-testid="assign">
            Assign
          </button>
        </div>
      </form>
      <p role="status" aria-live="polite" className="muted" data-testid="homework-status">
        {status}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {assignments.length === 0 ? (
        <p className="muted">No homework assigned yet.</p>
      ) : (
        <div className={styles.wrap}>
          <table className={styles.list} data-testid="homework-list">
            <thead>
              <tr>
                <th scope="col">Homework</th>
                <th scope="col">Levels</th>
                <th scope="col">Due</th>
                <th scope="col">
                  <span className="sr-only">Delete</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {assignments.map((a) => (
                <tr key={a.id} data-testid="homework-row">
                  <td>{a.title}</td>
                  <td>{a.levels.map((l) => l.number).join(", ")}</td>
                  <td>
                    <LocalTime iso={a.dueAt} />
                  </td>
                  <td>
                    <button type="button" className="button secondary" onClick={() => void remove(a)} aria-label={`Delete homework ${a.title}`}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
