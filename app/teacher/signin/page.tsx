import { AccountForm } from "@/components/teacher/AccountForm";
import { redirectSignedInTeacher } from "@/server/pages";

export const dynamic = "force-dynamic";
export const metadata = { title: "Teacher sign-in" };

export default async function TeacherSignIn() {
  await redirectSignedInTeacher();
  return (
    <main className="join">
      <h1>Teacher sign-in</h1>
      <AccountForm mode="signin" />
    </main>
  );
}
