import type { GameReport, GameReportRound, PlayerRoundResult } from "@/core/game-reports";
import { formatDuration, percent } from "@/core/reports/aggregate";
import { Stars } from "@/components/Stars";
import { PictureBars, QuestionBars } from "./AnswerBars";
import styles from "./reports.module.css";

const STATUS_TEXT: Record<Exclude<PlayerRoundResult["status"], "answered">, string> = {
  "no answer": "no answer",
  skipped: "round skipped",
  "not played": "not played yet",
};

/** A player's cells of a round: score, stars, points and time, or one cell saying why there are none. */
function ResultCells({ result }: { result: PlayerRoundResult }) {
  if (result.status !== "answered")
    return (
      <td colSpan={4} className="muted" data-testid="no-answer">
        {STATUS_TEXT[result.status]}
      </td>
    );
  return (
    <>
      <td>{percent(result.score)}</td>
      <td>
        <Stars count={result.stars} />
      </td>
      <td>{result.points}</td>
      <td>{result.timeMs === null ? <span className="muted">not recorded</span> : formatDuration(result.timeMs)}</td>
    </>
  );
}

function RoundSummary({ round, players }: { round: GameReportRound; players: number }) {
  if (round.status === "skipped") return <p className="muted">The host skipped this round: it counted for nothing.</p>;
  if (round.status === "not played") return <p className="muted">Not played yet.</p>;
  return (
    <ul className={styles.stats} data-testid="round-stats">
      <li>
        Answered: <strong>{round.answered}</strong> of {players}
      </li>
      <li>
        No answer: <strong>{round.noAnswer}</strong>
      </li>
      <li>
        Average score: <strong>{round.averageScore === null ? "none (nobody answered)" : percent(round.averageScore)}</strong>
      </li>
    </ul>
  );
}

/** One round: how the class did, the answer distribution (per question for choice kinds), then each player's answer. */
export function RoundReport({ round, report }: { round: GameReportRound; report: GameReport }) {
  const players = report.players.length;
  const headingId = `round-${round.index + 1}`;
  return (
    <section className={`panel ${styles.round}`} aria-labelledby={headingId} data-testid="round-report">
      <h3 id={headingId}>
        Round {round.index + 1}: {round.title}
      </h3>
      <RoundSummary round={round} players={players} />
      {round.questions.map((q) => (
        <QuestionBars key={q.number} question={q} players={players} />
      ))}
      {round.picture && <PictureBars picture={round.picture} players={players} noAnswer={round.noAnswer} />}
      {round.status === "played" && (
        <div style={{ overflowX: "auto" }}>
          <table className={`board ${styles.answers}`} data-testid="round-answers">
            <caption className="sr-only">Each player&apos;s answer that counted in round {round.index + 1}</caption>
            <thead>
              <tr>
                <th scope="col">Player</th>
                <th scope="col">Score</th>
                <th scope="col">Stars</th>
                <th scope="col">Points</th>
                <th scope="col">Time taken</th>
              </tr>
            </thead>
            <tbody>
              {report.players.map((p) => (
                <tr key={p.playerId}>
                  <th scope="row">{p.nickname}</th>
                  <ResultCells result={round.results[p.playerId] ?? { status: "no answer" }} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The question the class found hardest, named at the top of the report. */
export function HardestQuestion({ report }: { report: GameReport }) {
  const hardest = report.hardest;
  if (!hardest) return null;
  return (
    <section className={`panel ${styles.hardest}`} aria-labelledby="hardest-heading" data-testid="hardest-question">
      <h2 id="hardest-heading">Hardest question</h2>
      <p>
        <strong>
          Round {hardest.roundIndex + 1} ({hardest.roundTitle}), Q{hardest.number}:
        </strong>{" "}
        {hardest.prompt}
      </p>
      <p className="muted">
        {hardest.right} of {hardest.answered} who answered got it right ({percent(hardest.accuracy)}).{" "}
        <a href={`#round-${hardest.roundIndex + 1}`}>See its answers</a>
      </p>
    </section>
  );
}
