import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { campaign } from "@/core/levels/catalog";
import { classDetail, originOf } from "@/server/classes/teacher-classes";
import { requireTeacherPage } from "@/server/pages";
import { TeacherNav } from "@/components/teacher/TeacherNav";
import { ClassManager } from "@/components/teacher/ClassManager";
import { Assignments } from "@/components/teacher/Assignments";
import { assignmentsOf, homeworkLevels } from "@/server/homework";
import { QrCode } from "@/components/classes/QrCode";
import styles from "@/components/classes/classes.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Class" };

/** One class: its join code (large, for the projector), link and QR code, homework, chapter locks and roster. */
export default async function ClassPage({ params }: { params: Promise<{ id: string }> }) {
  const teacher = await requireTeacherPage();
  const { id } = await params;
  const detail = await classDetail(teacher.id, id, originOf(await headers()));
  if (!detail) notFound(); // another teacher's class looks exactly like no class
  const chapterList = campaign().map((c) => ({ id: c.id, number: c.number, title: c.title, levels: c.levels.length }));
  // What homework can cover: every chapter with its levels, numbered as on the campaign map (no level content).
  const numbered = homeworkLevels();
  const assignable = chapterList.map((c) => ({
    ...c,
    levels: numbered.filter((l) => l.chapterId === c.id).map((l) => ({ id: l.id, number: l.number, title: l.title })),
  }));
  const assignments = (await assignmentsOf(teacher.id, detail.id)) ?? [];

  return (
    <>
      <TeacherNav name={teacher.name} />
      <main className={styles.stack}>
        <p>
          <Link href="/teacher">← All classes</Link>
        </p>
        <ClassManager initial={detail} chapters={chapterList}>
          <section className="panel" aria-labelledby="join-heading">
            <h2 id="join-heading">Students join with this code</h2>
            <div className={styles.share}>
              <div>
                <p className={styles.joinCode} data-testid="join-code">
                  {detail.joinCode}
                </p>
                <p>
                  at <strong>{new URL(detail.joinLink).host}/class</strong>, or with this link or QR code:
                </p>
                <p className={styles.link}>
                  <a href={detail.joinLink} data-testid="join-link">
                    {detail.joinLink}
                  </a>
                </p>
              </div>
              <div className="qr" data-testid="join-qr" role="img" aria-label={`QR code for ${detail.joinLink}`}>
                <QrCode text={detail.joinLink} />
              </div>
            </div>
          </section>
          {/* The progress dashboard (helper F) and game reports (helper G) for this class hang off here. */}
          <nav className="panel row" aria-label="This class" data-testid="class-links">
            <Link className="button" href={`/teacher/classes/${detail.id}/progress`}>
              Progress dashboard
            </Link>
            <Link className="button secondary" href="/teacher/games">
              Game reports
            </Link>
          </nav>
          <Assignments classId={detail.id} chapters={assignable} initial={assignments} />
        </ClassManager>
      </main>
    </>
  );
}
