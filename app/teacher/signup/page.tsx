import { redirect } from "next/navigation";
import { AccountForm } from "@/components/teacher/AccountForm";
import { currentTeacher } from "@/server/teachers/sessions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Create a teacher account — Gradient Arena" };

export default async function TeacherSignUp() {
  if (await currentTeacher()) redirect("/teacher");
  return (
    <main className="join">
      <h1>Create a teacher account</h1>
      <p className="muted">Make classes with a join code, see every student&apos;s progress level by level, and keep reports of your classroom games.</p>
      <AccountForm mode="signup" />
    </main>
  );
}
