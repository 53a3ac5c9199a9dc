import Link from "next/link";
import { LocalTime } from "@/components/LocalTime";
import { classesOf } from "@/server/classes/teacher-classes";
import { requireTeacherPage } from "@/server/pages";
import { listTeacherGames } from "@/server/teachers/game-reports";
import { TeacherNav } from "@/components/teacher/TeacherNav";
import { NewClassForm } from "@/components/teacher/NewClassForm";

export const dynamic = "force-dynamic";
export const metadata = { title: "Your classes" };

/** The teacher's home: their classes (with how many students joined) and recent game reports. */
export default async function TeacherHome() {
  const teacher = await requireTeacherPage();
  const [classes, games] = await Promise.all([classesOf(teacher.id), listTeacherGames(teacher.id, 5)]);
  return (
    <>
      <TeacherNav name={teacher.name} />
      <main>
        <h1>Your classes</h1>
        {classes.length === 0 ? (
          <p className="muted">No class yet. Create one: students join it with its code and keep their progress.</p>
        ) : (
          <ul className="level-grid" style={{ listStyle: "none", padding: 0 }} data-testid="class-list">
            {classes.map((c) => (
              <li key={c.id}>
                <Link className="level-card" href={`/teacher/classes/${c.id}`}>
                  <span className="title">{c.name}</span>
                  <span className="num">
                    Code {c.joinCode} · {c.members} {c.members === 1 ? "student" : "students"}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <NewClassForm />
        <h2>Recent classroom games</h2>
        {games.length === 0 ? (
          <p className="muted">
            Games you host while signed in are saved here. <Link href="/host">Host a game</Link>.
          </p>
        ) : (
          <ul>
            {games.map((g) => (
              <li key={g.id}>
                <Link href={`/teacher/games/${g.id}`}>
                  Game {g.code} on <LocalTime iso={g.createdAt} dateOnly />
                </Link>{" "}
                <span className="muted">· {g.playerCount} players</span>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
