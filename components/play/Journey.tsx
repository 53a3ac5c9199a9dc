import type { campaign } from "@/core/levels/catalog";

type Chapters = ReturnType<typeof campaign>;

/** Where a chapter stands on the player's journey. */
type Stage = "done" | "here" | "ahead";

/**
 * The campaign as a path: one stop per chapter, joined by a line, each with its stars earned out of
 * its stars to earn as a bar and in words (so colour is never the only sign). A chapter is "done"
 * once every level has a star, "here" is the first one that is not; each stop links to its chapter
 * below. Drawn on the server: no script.
 */
export function Journey({ chapters, stars }: { chapters: Chapters; stars: ReadonlyMap<string, number> }) {
  const earned = (c: Chapters[number]) => c.levels.reduce((n, l) => n + (stars.get(l.id) ?? 0), 0);
  const finished = (c: Chapters[number]) => c.levels.every((l) => (stars.get(l.id) ?? 0) > 0);
  const here = chapters.findIndex((c) => !finished(c));
  const stageOf = (i: number): Stage => (here === -1 || i < here ? "done" : i === here ? "here" : "ahead");
  return (
    <nav aria-label="Your journey through the chapters">
      <ol className="journey" data-testid="journey">
        {chapters.map((c, i) => {
          const stage = stageOf(i);
          const max = c.levels.length * 3;
          const got = earned(c);
          return (
            <li key={c.id} className={`journey-stop ${stage}`} data-stage={stage}>
              <a href={`#chapter-${c.id}`} aria-current={stage === "here" ? "step" : undefined}>
                <span className="journey-node" aria-hidden="true">
                  {stage === "done" ? "✓" : c.number}
                </span>
                <span className="journey-title">
                  {c.number}. {c.title}
                </span>
                <span className="journey-bar" aria-hidden="true">
                  <span style={{ width: `${Math.round((got / max) * 100)}%` }} />
                </span>
                <span className="journey-count">
                  {got} of {max} ★{stage === "here" ? " · you are here" : ""}
                </span>
                {/* A phone's row of six stops has room for the count only. */}
                <span className="journey-count-short" aria-hidden="true">
                  {got}/{max}
                </span>
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
