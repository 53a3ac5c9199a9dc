import Link from "next/link";
import { notFound } from "next/navigation";
import { campaign, findLevel, isUnlocked } from "@/core/levels/catalog";
import { currentPlayer } from "@/server/http";
import { progressOf } from "@/server/progress";
import { lockedByTeacher } from "@/core/classes";
import { lockedChaptersOf } from "@/server/class-locks";
import { currentPublicLevel } from "@/server/play/sessions";
import { EnsureProfile } from "@/components/EnsureProfile";
import { LevelScreen } from "@/components/LevelScreen";
import { TopBar } from "@/components/TopBar";
import { LockIcon } from "@/components/Stars";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ levelId: string }> }) {
  const level = findLevel((await params).levelId);
  return { title: level ? level.title : "Level not found" };
}

export default async function LevelPage({ params }: { params: Promise<{ levelId: string }> }) {
  const level = findLevel((await params).levelId);
  if (!level) notFound();
  const player = await currentPlayer();
  const progress = player ? await progressOf(player.id) : {};
  const stars = new Map(Object.entries(progress).map(([id, p]) => [id, p.stars]));
  const chapter = campaign().find((c) => c.id === level.chapter)!;
  const byTeacher = lockedByTeacher(level.chapter, await lockedChaptersOf(player?.id));

  return (
    <>
      {!player && <EnsureProfile />}
      <TopBar playerName={player?.displayName ?? null} />
      <main>
        {byTeacher ? (
          <div className="panel" data-testid="teacher-locked">
            <h1>
              <LockIcon /> {level.title} is locked
            </h1>
            <p>
              Your teacher has locked chapter {chapter.number}, {chapter.title}, for your class. It opens again when they unlock it.
            </p>
            <Link className="button" href="/play">
              Back to the campaign
            </Link>
          </div>
        ) : !player ? (
          // The anonymous profile is being created (EnsureProfile refreshes the page): an attempt belongs to a player.
          <div className="panel" data-testid="preparing">
            <h1>{level.title}</h1>
            <p className="muted">Preparing your challenge…</p>
          </div>
        ) : isUnlocked(level.id, stars) ? (
          <LevelScreen initial={await currentPublicLevel(player.id, level)} best={progress[level.id] ?? null} />
        ) : (
          <div className="panel">
            <h1>
              <LockIcon /> {level.title} is locked
            </h1>
            <p>Earn at least one star on the previous level to open it.</p>
            <Link className="button" href="/play">
              Back to the campaign
            </Link>
          </div>
        )}
      </main>
    </>
  );
}
