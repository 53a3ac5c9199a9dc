"use client";

import { memo, useMemo, useState } from "react";
import { formatDuration, STUCK_ATTEMPTS } from "@/core/dashboard/format";
import type { ClassProgress, DashboardLevel, ProgressCell, StudentProgress } from "@/core/dashboard/progress";
import { dateText, LocalTime, useMounted } from "@/components/LocalTime";
import { StudentTimeline } from "./StudentTimeline";
import { AssignmentsProgress } from "./AssignmentsProgress";
import styles from "./dashboard.module.css";

type SortKey = "name" | "stars" | "active";

const percent = (x: number | null) => (x === null ? "–" : `${Math.round(x * 100)}%`);

/**
 * The class grid: a row per student, a column per level. Stars are drawn as ★ and the count as
 * a number too; a tried level without a star shows ✗ and a stuck one "!", so nothing depends
 * on colour. The header row and the name column stay in view while the grid scrolls.
 */
export function ProgressDashboard({ classId, progress }: { classId: string; progress: ClassProgress }) {
  const [sort, setSort] = useState<SortKey>("name");
  const [chapter, setChapter] = useState("all");
  const [stuckOnly, setStuckOnly] = useState(false);
  const [openMember, setOpenMember] = useState<StudentProgress | null>(null);
  const local = useMounted(); // dates in the teacher's zone once mounted

  const levels = useMemo(() => progress.levels.filter((l) => chapter === "all" || l.chapterId === chapter), [progress.levels, chapter]);
  const levelIds = useMemo(() => new Set(levels.map((l) => l.id)), [levels]);
  const statsOf = useMemo(() => new Map(progress.levelStats.map((s) => [s.levelId, s])), [progress.levelStats]);

  const students = useMemo(() => {
    const shown = stuckOnly ? progress.students.filter((s) => s.stuckOn.some((id) => levelIds.has(id))) : progress.students;
    const starsIn = (s: StudentProgress) => levels.reduce((sum, l) => sum + (s.cells[l.id]?.stars ?? 0), 0);
    const byName = (a: StudentProgress, b: StudentProgress) => a.name.localeCompare(b.name);
    const sorted = [...shown];
    if (sort === "name") sorted.sort(byName);
    if (sort === "stars") sorted.sort((a, b) => starsIn(b) - starsIn(a) || byName(a, b));
    // Most recently active first; never active last.
    if (sort === "active") sorted.sort((a, b) => (b.lastActive ?? "").localeCompare(a.lastActive ?? "") || byName(a, b));
    return sorted.map((s) => ({ student: s, stars: starsIn(s) }));
  }, [progress.students, stuckOnly, levelIds, levels, sort]);

  const maxStars = levels.length * 3;

  return (
    <div className={styles.dashboard}>
      <div className={`row ${styles.toolbar}`}>
        <label>
          Sort by{" "}
          <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)} data-testid="sort">
            <option value="name">Name</option>
            <option value="stars">Total stars</option>
            <option value="active">Last active</option>
          </select>
        </label>
        <label>
          Chapter{" "}
          <select value={chapter} onChange={(e) => setChapter(e.target.value)} data-testid="chapter-filter">
            <option value="all">All chapters</option>
            {progress.chapters.map((c) => (
              <option key={c.id} value={c.id}>
                {c.number}. {c.title}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.check}>
          <input type="checkbox" checked={stuckOnly} onChange={(e) => setStuckOnly(e.target.checked)} data-testid="stuck-filter" />
          Only students who are stuck ({STUCK_ATTEMPTS}+ tries, no star)
        </label>
        <a className="button secondary" href={`/api/teacher/classes/${classId}/progress.csv`} download data-testid="download-csv">
          Download CSV
        </a>
      </div>
      <p className={`muted ${styles.legend}`}>
        <span>
          <b>★★☆ 2</b> stars earned
        </span>
        <span>
          <b>1st ★</b> stars of the first try (a fresh variant, no hint help, no miss before it)
        </span>
        <span>
          <b>✗</b> tried, no star yet
        </span>
        <span>
          <b className={styles.stuckMark}>!</b> stuck: {STUCK_ATTEMPTS}+ tries, no star
        </span>
        <span>
          <b>·</b> not tried
        </span>
        <span>Hover a cell for score, tries, time and last activity; pick a name for the student&apos;s timeline (every attempt, also from the keyboard).</span>
      </p>

      <AssignmentsProgress progress={progress} />

      {progress.students.length === 0 ? (
        <p className="panel">No student has joined this class yet. Give them the class code; their progress appears here as they play.</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus, or keyboard users cannot scroll the grid (WCAG 2.1.1).
        <section className={styles.scroller} tabIndex={0} aria-label="Progress grid (scrolls)">
          <table className={styles.grid} data-testid="progress-grid">
            <thead>
              <tr>
                <th scope="col" className={styles.nameHead}>
                  Student <span className="muted">({students.length})</span>
                </th>
                <th scope="col" className={styles.total}>
                  Stars
                </th>
                {levels.map((l) => (
                  <th key={l.id} scope="col" title={`${l.number} ${l.title}`} className={styles.levelHead}>
                    <abbr title={l.title}>{l.number}</abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {students.map(({ student, stars }) => (
                <StudentRow key={student.memberId} student={student} stars={stars} maxStars={maxStars} levels={levels} local={local} onOpen={setOpenMember} />
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className={styles.nameCell}>
                  Completed
                </th>
                <td className={styles.total} />
                {levels.map((l) => (
                  <td key={l.id} className={styles.stat} title={`${statsOf.get(l.id)?.completed ?? 0} of ${progress.students.length} students have a star`}>
                    {percent(statsOf.get(l.id)?.completionRate ?? null)}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row" className={styles.nameCell}>
                  ★★★ first try
                </th>
                <td className={styles.total} />
                {levels.map((l) => (
                  <td
                    key={l.id}
                    className={styles.stat}
                    title={`${statsOf.get(l.id)?.firstTryThree ?? 0} students earned ★★★ on their first try`}
                    data-testid={`first-try-rate-${l.id}`}
                  >
                    {percent(statsOf.get(l.id)?.firstTryThreeRate ?? null)}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row" className={styles.nameCell}>
                  Avg. tries
                </th>
                <td className={styles.total} />
                {levels.map((l) => {
                  const avg = statsOf.get(l.id)?.averageAttempts ?? null;
                  return (
                    <td key={l.id} className={styles.stat} title="Mean number of tries among the students who tried">
                      {avg === null ? "–" : avg.toFixed(1)}
                    </td>
                  );
                })}
              </tr>
            </tfoot>
          </table>
        </section>
      )}

      {openMember && <StudentTimeline classId={classId} member={openMember} onClose={() => setOpenMember(null)} />}

      <LevelStatsPanel levels={levels} progress={progress} />
    </div>
  );
}

/** One student's row; memoised, so re-sorting or filtering moves rows without re-rendering their cells. */
const StudentRow = memo(function StudentRow({
  student,
  stars,
  maxStars,
  levels,
  local,
  onOpen,
}: {
  student: StudentProgress;
  stars: number;
  maxStars: number;
  levels: DashboardLevel[];
  local: boolean;
  onOpen: (student: StudentProgress) => void;
}) {
  return (
    <tr data-testid="student-row" data-name={student.name}>
      <th scope="row" className={styles.nameCell}>
        <button type="button" className={styles.nameButton} onClick={() => onOpen(student)} aria-label={`${student.name}: open timeline`}>
          {student.name}
        </button>
        <span className={styles.lastActive}>{student.lastActive ? <LocalTime iso={student.lastActive} /> : "not active yet"}</span>
      </th>
      <td className={styles.total} title={`${stars} of ${maxStars} stars`}>
        {stars}
      </td>
      {levels.map((l) => (
        <Cell key={l.id} level={l} student={student} cell={student.cells[l.id]} local={local} />
      ))}
    </tr>
  );
});

function Cell({ level, student, cell, local }: { level: DashboardLevel; student: StudentProgress; cell: ProgressCell | undefined; local: boolean }) {
  if (!cell) {
    return (
      <td className={styles.cell} title={`${student.name} · ${level.number} ${level.title}: not tried`}>
        <span role="img" aria-label="not tried" className={styles.untried}>
          ·
        </span>
      </td>
    );
  }
  const stuck = student.stuckOn.includes(level.id);
  const firstTry = cell.firstTryStars === null ? "first try not recorded" : `first try ${cell.firstTryStars} ${cell.firstTryStars === 1 ? "star" : "stars"}`;
  const title = `${student.name} · ${level.number} ${level.title}: best ${cell.stars} ${cell.stars === 1 ? "star" : "stars"}, ${firstTry}, best score ${Math.round(cell.score * 100)}%, ${cell.attempts} ${cell.attempts === 1 ? "try" : "tries"}, ${formatDuration(cell.timeSpentMs)} spent, last active ${dateText(cell.lastActive, local)}`;
  return (
    <td className={`${styles.cell} ${styles[`s${cell.stars}`]} ${stuck ? styles.stuck : ""}`} title={title} aria-label={title} data-stars={cell.stars}>
      {cell.stars > 0 ? (
        <span className={styles.starText}>
          {"★".repeat(cell.stars)}
          <span className={styles.off}>{"☆".repeat(3 - cell.stars)}</span>
        </span>
      ) : stuck ? (
        <b className={styles.stuckMark}>!</b>
      ) : (
        <span>✗</span>
      )}
      <span className={styles.tries}>
        {cell.attempts}×{cell.firstTryStars !== null && <span data-testid="first-try"> · 1st {cell.firstTryStars}★</span>}
      </span>
    </td>
  );
}

/** Per level: completion, tries and, on choice-based levels, the wrong choices made most often. */
function LevelStatsPanel({ levels, progress }: { levels: DashboardLevel[]; progress: ClassProgress }) {
  const statsOf = new Map(progress.levelStats.map((s) => [s.levelId, s]));
  return (
    <section className="panel" aria-labelledby="level-stats" style={{ marginTop: 16 }}>
      <h2 id="level-stats" style={{ marginTop: 0 }}>
        Per-level statistics
      </h2>
      <ul className={styles.statsList} data-testid="level-stats">
        {levels.map((l) => {
          const s = statsOf.get(l.id)!;
          return (
            <li key={l.id}>
              <details>
                <summary>
                  <b>
                    {l.number} {l.title}
                  </b>{" "}
                  <span className="muted">
                    — {s.completed} of {progress.students.length} with a star ({percent(s.completionRate)}), {s.tried} tried
                    {s.averageAttempts !== null && `, ${s.averageAttempts.toFixed(1)} tries on average`}
                    {s.firstTryThreeRate !== null && `, ★★★ on the first try: ${s.firstTryThree} (${percent(s.firstTryThreeRate)})`}
                  </span>
                </summary>
                {!l.choiceBased ? (
                  <p className="muted">Answers on this level are continuous (sliders, weights), so there is no tally of choices.</p>
                ) : s.wrongAnswers.length === 0 ? (
                  <p className="muted">No wrong choices yet.</p>
                ) : (
                  <>
                    <p style={{ marginBottom: 4 }}>Most common wrong choices (in answers worth under 3 stars):</p>
                    <ol className={styles.wrongList}>
                      {s.wrongAnswers.map((w) => (
                        <li key={w.answer}>
                          {w.answer} <span className="muted">— {w.count}×</span>
                        </li>
                      ))}
                    </ol>
                  </>
                )}
              </details>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
