import type { ClassProgress } from "@/core/dashboard/progress";
import { type StudentHomework, statusText } from "@/core/homework";
import { LocalTime } from "@/components/LocalTime";
import styles from "./assignments.module.css";

/** A status in words and a mark, so nothing depends on colour: "✓ on time", "✓ late", "1 of 5". */
function StatusCell({ status }: { status: StudentHomework | undefined }) {
  if (!status) return <td>–</td>;
  const text = status.status === "not-yet" ? `${status.done} of ${status.total}` : status.status === "on-time" ? "✓ on time" : "✓ late";
  return (
    <td
      className={styles[status.status === "not-yet" ? "notYet" : status.status === "late" ? "late" : "onTime"]}
      title={statusText(status)}
      data-status={status.status}
    >
      {text}
    </td>
  );
}

/**
 * Homework on the class dashboard: per assignment, how many students finished on time, late or
 * not yet, and each student's status (a level is done with at least one star; on time when the
 * last level's first star came by the due time).
 */
export function AssignmentsProgress({ progress }: { progress: ClassProgress }) {
  if (progress.homework.length === 0) return null;
  return (
    <section className="panel" style={{ marginBottom: 16 }} aria-labelledby="homework-progress-heading" data-testid="homework-progress">
      <h2 id="homework-progress-heading" style={{ marginTop: 0 }}>
        Homework
      </h2>
      <p className="muted">
        Done = at least one star on every level of the homework; on time = the last of those first stars came by the due time. “1 of 5”: levels done so far.
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus, or keyboard users cannot scroll it (WCAG 2.1.1). */}
      <section className={styles.wrap} tabIndex={0} aria-label="Homework by student (scrolls)">
        <table className={styles.list} data-testid="homework-table">
          <thead>
            <tr>
              <th scope="col">Student</th>
              {progress.homework.map((h) => (
                <th key={h.assignment.id} scope="col" data-testid="homework-column">
                  {h.assignment.title}
                  <div className="muted">
                    due <LocalTime iso={h.assignment.dueAt} />
                  </div>
                  <div data-testid="homework-counts">
                    {h.counts["on-time"]} on time · {h.counts.late} late · {h.counts["not-yet"]} not yet
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {progress.students.map((s) => (
              <tr key={s.memberId} data-testid="homework-student" data-name={s.name}>
                <th scope="row">{s.name}</th>
                {progress.homework.map((h) => (
                  <StatusCell key={h.assignment.id} status={h.students[s.memberId]} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
