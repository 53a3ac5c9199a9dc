import Link from "next/link";
import { notFound } from "next/navigation";
import { requireTeacherPage } from "@/server/pages";
import { classProgress } from "@/server/teachers/dashboard";
import { TeacherNav } from "@/components/teacher/TeacherNav";
import { ProgressDashboard } from "@/components/teacher/ProgressDashboard";

export const dynamic = "force-dynamic";
export const metadata = { title: "Class progress" };

/** The class's progress: students × levels, per-level statistics, timelines and the CSV. */
export default async function ClassProgressPage({ params }: { params: Promise<{ id: string }> }) {
  const teacher = await requireTeacherPage();
  const { id } = await params;
  const result = await classProgress(teacher.id, id);
  if (!result) notFound(); // another teacher's class looks exactly like no class
  return (
    <>
      <TeacherNav name={teacher.name} />
      <main style={{ maxWidth: 1600 }}>
        <p>
          <Link href={`/teacher/classes/${result.classroom.id}`}>← {result.classroom.name}: code, link and chapter locks</Link>
        </p>
        <h1>Progress of {result.classroom.name}</h1>
        <ProgressDashboard classId={result.classroom.id} progress={result.progress} />
      </main>
    </>
  );
}
