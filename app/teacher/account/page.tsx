import { ChangePasswordForm } from "@/components/teacher/ChangePasswordForm";
import { SignOutEverywhere } from "@/components/teacher/SignOutEverywhere";
import { TeacherNav } from "@/components/teacher/TeacherNav";
import { requireTeacherPage } from "@/server/pages";

export const dynamic = "force-dynamic";
export const metadata = { title: "Your account" };

/** The teacher's account: who they are signed in as, a password change, and signing out everywhere. */
export default async function TeacherAccount() {
  const teacher = await requireTeacherPage();
  return (
    <>
      <TeacherNav name={teacher.name} />
      <main className="join">
        <h1>Your account</h1>
        <p>
          Signed in as <strong>{teacher.name}</strong> ({teacher.email}).
        </p>
        <ChangePasswordForm />
        <SignOutEverywhere />
      </main>
    </>
  );
}
