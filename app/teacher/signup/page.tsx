import { AccountForm } from "@/components/teacher/AccountForm";
import { redirectSignedInTeacher } from "@/server/pages";

export const dynamic = "force-dynamic";
export const metadata = { title: "Create a teacher account" };

export default async function TeacherSignUp() {
  await redirectSignedInTeacher();
  return (
    <main className="join">
      <h1>Create a teacher account</h1>
      <p className="muted">Make classes with a join code, see every student&apos;s progress level by level, and keep reports of your classroom games.</p>
      <AccountForm mode="signup" />
    </main>
  );
}
