import Link from "next/link";
import type { MyAssignment } from "@/core/homework";
import { LockIcon } from "@/components/Stars";
import { LocalTime } from "@/components/LocalTime";
import styles from "./play.module.css";

/**
 * The player's homework from the classes they joined (campaign page and home page): each with its
 * due time, how many of its levels have a star, and a link to the next one. Overdue homework says
 * so in words, not only in colour.
 */
export function MyHomework({ assignments }: { assignments: MyAssignment[] }) {
  if (assignments.length === 0) return null;
  return (
    <section className={`panel ${styles.homework}`} aria-labelledby="my-homework-heading" data-testid="my-homework">
      <h2 id="my-homework-heading">Your homework</h2>
      <p className="muted">A level counts as done once you have at least one star on it.</p>
      <ul className={styles.assignments}>
        {assignments.map((a) => (
          <li key={a.id} className={a.overdue ? styles.overdue : undefined} data-testid="my-assignment" data-status={a.status} data-overdue={a.overdue}>
            <div className={styles.assignmentHead}>
              <strong>{a.title}</strong> <span className="muted">· {a.className}</span>
            </div>
            <div className={styles.assignmentInfo}>
              {a.overdue ? <strong className={styles.overdueTag}>Overdue</strong> : null}
              <span>
                Due <LocalTime iso={a.dueAt} />
              </span>
              <span data-testid="assignment-done">
                {a.done} of {a.total} level{a.total === 1 ? "" : "s"} done
              </span>
              {a.status !== "not-yet" && <strong>{a.status === "on-time" ? "Done on time ✓" : "Done (late) ✓"}</strong>}
            </div>
            <progress className={styles.meter} max={a.total} value={a.done} aria-label={`${a.title}: ${a.done} of ${a.total} levels done`} />
            {a.next &&
              (a.next.locked ? (
                <p className="row muted" style={{ gap: 6 }}>
                  <LockIcon /> Next: level {a.next.number} {a.next.title}, not open yet: it opens once the level before it has a star (and its chapter is not
                  locked by your teacher).
                </p>
              ) : (
                <Link className="button" href={`/play/${a.next.levelId}`} data-testid="assignment-next">
                  Next: level {a.next.number} {a.next.title}
                </Link>
              ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
