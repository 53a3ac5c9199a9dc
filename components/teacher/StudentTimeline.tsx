"use client";

import { useEffect, useRef, useState } from "react";
import { formatDuration } from "@/core/dashboard/format";
import type { StudentProgress, TimelineEntry } from "@/core/dashboard/progress";
import { LocalTime } from "@/components/LocalTime";
import styles from "./dashboard.module.css";

/** One student's attempts in time order, fetched when the teacher picks the student. */
export function StudentTimeline({ classId, member, onClose }: { classId: string; member: StudentProgress; onClose: () => void }) {
  const [entries, setEntries] = useState<TimelineEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let cancelled = false;
    setEntries(null);
    setError(null);
    heading.current?.focus();
    fetch(`/api/teacher/classes/${classId}/students/${member.memberId}/timeline`)
      .then(async (res) => {
        const body = await res.json();
        if (!res.ok) throw new Error(body.error?.message ?? `The server answered ${res.status}`);
        if (!cancelled) setEntries(body.timeline);
      })
      .catch((e) => !cancelled && setError(e instanceof Error ? e.message : "The timeline could not be loaded."));
    return () => {
      cancelled = true;
    };
  }, [classId, member.memberId]);

  return (
    <section className={`panel ${styles.timeline}`} aria-labelledby="timeline-title" data-testid="timeline">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h2 id="timeline-title" tabIndex={-1} ref={heading} style={{ margin: 0 }}>
          {member.name}&apos;s timeline
        </h2>
        <button type="button" className="button secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="muted">
        {member.totalStars} {member.totalStars === 1 ? "star" : "stars"} · {formatDuration(member.timeSpentMs)} on levels · joined{" "}
        <LocalTime iso={member.joinedAt} />
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!entries && !error && <p aria-live="polite">Loading…</p>}
      {entries && entries.length === 0 && <p>No attempts yet.</p>}
      {entries && entries.length > 0 && (
        <ol className={styles.timelineList}>
          {entries.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the timeline is replaced whole and never reordered, and two attempts can share a timestamp: the position is the identity.
            <li key={i}>
              <span className={styles.timelineWhen}>
                <LocalTime iso={e.at} />
              </span>{" "}
              <b>
                {e.levelNumber} {e.levelTitle}
              </b>{" "}
              — {Math.round(e.score * 100)}%, {e.stars > 0 ? `${"★".repeat(e.stars)} ${e.stars} ${e.stars === 1 ? "star" : "stars"}` : "✗ no star"}
              {e.timeSpentMs > 0 && <span className="muted"> · {formatDuration(e.timeSpentMs)}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
