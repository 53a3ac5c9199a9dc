import Link from "next/link";
import { campaign, isUnlocked } from "@/core/levels/catalog";
import { currentPlayer } from "@/server/http";
import { progressOf } from "@/server/progress";
import { lockedByTeacher } from "@/core/classes";
import { lockedChaptersOf } from "@/server/class-locks";
import { EnsureProfile } from "@/components/EnsureProfile";
import { LockIcon, Stars } from "@/components/Stars";
import { TopBar } from "@/components/TopBar";
import { ContinueButton } from "@/components/play/ContinueButton";
import { Journey } from "@/components/play/Journey";
import { MyHomework } from "@/components/play/MyHomework";
import { continueFor, myAssignments } from "@/server/homework";

export const dynamic = "force-dynamic";
export const metadata = { title: "Campaign" };

/** The campaign map: "continue where you left off", the player's homework, then chapters, their levels, stars earned and which levels are open. */
export default async function CampaignPage() {
  const player = await currentPlayer();
  const progress = player ? await progressOf(player.id) : {};
  const stars = new Map(Object.entries(progress).map(([id, p]) => [id, p.stars]));
  const [teacherLocked, homework, next] = await Promise.all([
    lockedChaptersOf(player?.id),
    player ? myAssignments(player.id) : [],
    continueFor(player?.id ?? null),
  ]);
  const chapters = campaign();
  const total = chapters.reduce((n, c) => n + c.levels.length * 3, 0);
  const earned = [...stars.values()].reduce((a, b) => a + b, 0);

  return (
    <>
      {!player && <EnsureProfile />}
      <TopBar playerName={player?.displayName ?? null} />
      <main>
        <h1>Campaign</h1>
        <p>
          <ContinueButton target={next} big />
        </p>
        <MyHomework assignments={homework} />
        <p>
          <Link href="/sandbox">Open the sandbox</Link> to train a network freely and share a setup as a link.
        </p>
        <p className="muted" data-testid="total-stars">
          {earned} of {total} stars earned. Each level opens once the one before it has a star.
        </p>
        <Journey chapters={chapters} stars={stars} />
        {chapters.map((chapter) => (
          <section key={chapter.id} className="chapter" aria-labelledby={`chapter-${chapter.id}`}>
            <h2 id={`chapter-${chapter.id}`}>
              Chapter {chapter.number}: {chapter.title}
            </h2>
            <p className="muted">{chapter.summary}</p>
            {lockedByTeacher(chapter.id, teacherLocked) && (
              <p className="row" data-testid={`teacher-locked-${chapter.id}`}>
                <LockIcon /> Locked by your teacher for now.
              </p>
            )}
            <ol className="level-grid" style={{ listStyle: "none", padding: 0 }}>
              {chapter.levels.map((level, i) => {
                const byTeacher = lockedByTeacher(level.chapter, teacherLocked);
                const open = !byTeacher && isUnlocked(level.id, stars);
                const content = (
                  <>
                    <span className="num">
                      Level {chapter.number}.{i + 1}
                    </span>
                    <span className="title">{level.title}</span>
                    {open ? (
                      <Stars count={stars.get(level.id) ?? 0} />
                    ) : (
                      <span className="row" style={{ gap: 4 }}>
                        <LockIcon /> {byTeacher ? "Locked by your teacher" : "Locked"}
                      </span>
                    )}
                  </>
                );
                return (
                  <li
                    key={level.id}
                    data-testid={`level-${level.id}`}
                    data-stars={stars.get(level.id) ?? 0}
                    data-locked={!open}
                    data-teacher-locked={byTeacher}
                  >
                    {open ? (
                      <Link className="level-card" href={`/play/${level.id}`}>
                        {content}
                      </Link>
                    ) : (
                      <div className="level-card locked" aria-disabled="true">
                        {content}
                      </div>
                    )}
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
      </main>
    </>
  );
}
