import { redirect } from "next/navigation";
import { AccountForm } from "@/components/teacher/AccountForm";
import { currentTeacher } from "@/server/teachers/sessions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Teacher sign-in — Gradient Arena" };

export default async function TeacherSignIn() {
  if (await currentTeacher()) redirect("/teacher");
  return (
    <main className="join">
      <h1>Teacher sign-in</h1>
      <AccountForm mode="signin" />
    </main>
  );
}
