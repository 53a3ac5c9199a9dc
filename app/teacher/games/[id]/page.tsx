import Link from "next/link";
import { notFound } from "next/navigation";
import { LocalTime } from "@/components/LocalTime";
import { Podium } from "@/components/live/parts";
import { GameClassLink } from "@/components/teacher/GameClassLink";
import { HardestQuestion, RoundReport } from "@/components/teacher/reports/RoundReport";
import { TeacherNav } from "@/components/teacher/TeacherNav";
import type { PlayerRoundResult } from "@/core/game-reports";
import { teacherClassOptions, teacherGameReport } from "@/server/teachers/game-reports";
import { requireTeacherPage } from "@/server/pages";

export const dynamic = "force-dynamic";
export const metadata = { title: "Game report" };

const starText = (stars: number) => "★".repeat(stars) + "☆".repeat(3 - stars);

/** A cell of the points table: points and stars, or why there are none ("no answer" is not 0). */
function PointsCell({ result = { status: "no answer" } }: { result: PlayerRoundResult | undefined }) {
  if (result.status !== "answered") return <span className="muted">{result.status === "skipped" ? "skipped" : result.status}</span>;
  return (
    <>
      {result.points}{" "}
      <span role="img" aria-label={`${result.stars} of 3 stars`}>
        {starText(result.stars)}
      </span>
    </>
  );
}

/**
 * One game's report: the hardest question, the podium, points per round, then each round with its
 * answer distribution and every player's answer; the class it belongs to, CSV.
 */
export default async function GameReportPage({ params }: { params: Promise<{ id: string }> }) {
  const teacher = await requireTeacherPage();
  const { id } = await params;
  const [report, classes] = await Promise.all([teacherGameReport(teacher.id, id), teacherClassOptions(teacher.id)]);
  if (!report) notFound();
  const podiumRows = report.players.slice(0, 3).map((p) => ({ ...p, rankChange: null, streak: 0 }));
  return (
    <>
      <TeacherNav name={teacher.name} />
      <main>
        <p>
          <Link href="/teacher/games">← All game reports</Link>
        </p>
        <h1>
          Game {report.code}{" "}
          <span className="muted">
            · <LocalTime iso={report.createdAt} />
          </span>
        </h1>
        <p className="muted">
          {report.ended ? "Finished" : "Not finished"} · {report.playerCount} {report.playerCount === 1 ? "player" : "players"} ·{" "}
          {report.levels.map((l) => l.title).join(", ")}
        </p>
        <div className="row">
          <a className="button" href={`/api/teacher/games/${report.id}/report.csv`} download data-testid="download-csv">
            Download CSV
          </a>
          <GameClassLink gameId={report.id} classes={classes} current={report.classroom?.id ?? null} />
        </div>
        {report.players.length === 0 ? (
          <p className="muted">Nobody played in this game.</p>
        ) : (
          <>
            <HardestQuestion report={report} />
            {report.ended && <Podium rows={podiumRows} />}
            <h2>Points per round</h2>
            <div style={{ overflowX: "auto" }}>
              <table className="board" data-testid="report-table">
                <caption className="sr-only">Each player&apos;s rank, total points and the points and stars of the answer that counted in each round</caption>
                <thead>
                  <tr>
                    <th scope="col">Rank</th>
                    <th scope="col">Player</th>
                    <th scope="col">Total</th>
                    {report.rounds.map((r) => (
                      <th scope="col" key={r.index}>
                        {r.index + 1}. {r.title}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {report.players.map((p) => (
                    <tr key={p.playerId}>
                      <td>{p.rank}</td>
                      <th scope="row">{p.nickname}</th>
                      <td>
                        <strong>{p.points}</strong>
                      </td>
                      {report.rounds.map((r) => (
                        <td key={r.index}>
                          <PointsCell result={r.results[p.playerId]} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <h2>Round by round</h2>
            {report.rounds.map((r) => (
              <RoundReport key={r.index} round={r} report={report} />
            ))}
          </>
        )}
      </main>
    </>
  );
}
