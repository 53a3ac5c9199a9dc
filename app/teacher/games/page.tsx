import Link from "next/link";
import { LocalTime } from "@/components/LocalTime";
import { ClaimGames } from "@/components/teacher/reports/ClaimGames";
import { TeacherNav } from "@/components/teacher/TeacherNav";
import { listTeacherGames } from "@/server/teachers/game-reports";
import { requireTeacherPage } from "@/server/pages";

export const dynamic = "force-dynamic";
export const metadata = { title: "Game reports" };

const PHASE_LABEL: Record<string, string> = {
  lobby: "in the lobby",
  intro: "playing",
  playing: "playing",
  reveal: "playing",
  leaderboard: "playing",
  podium: "finished",
};

/** Every classroom game the teacher hosted while signed in, newest first. */
export default async function TeacherGames() {
  const teacher = await requireTeacherPage();
  const games = await listTeacherGames(teacher.id);
  return (
    <>
      <TeacherNav name={teacher.name} />
      <main>
        <h1>Game reports</h1>
        <ClaimGames />
        {games.length === 0 ? (
          <p className="muted">
            No game yet. Games you host while signed in, or claim from the browser that hosted them, are saved here with every player&apos;s answers.{" "}
            <Link href="/host">Host a game</Link>.
          </p>
        ) : (
          <div style={{ overflowX: "auto" }}>
            <table className="board" data-testid="game-list">
              <thead>
                <tr>
                  <th scope="col">Game</th>
                  <th scope="col">Levels</th>
                  <th scope="col">Players</th>
                  <th scope="col">Class</th>
                </tr>
              </thead>
              <tbody>
                {games.map((g) => (
                  <tr key={g.id}>
                    <td>
                      <Link href={`/teacher/games/${g.id}`}>
                        <LocalTime iso={g.createdAt} /> · code {g.code}
                      </Link>
                      <div className="muted">{PHASE_LABEL[g.phase] ?? g.phase}</div>
                    </td>
                    <td>{g.levels.map((l) => l.title).join(", ")}</td>
                    <td>{g.playerCount}</td>
                    <td>{g.classroom?.name ?? <span className="muted">none</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </main>
    </>
  );
}
