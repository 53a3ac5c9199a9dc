import { redirect } from "next/navigation";
import { currentTeacher } from "./teachers/sessions";

/** The page-side door (the API's is server/route.ts): teacher pages send a signed-out visitor to sign in. */

/** The signed-in teacher; anyone else is redirected to the sign-in page (redirect never returns). */
export async function requireTeacherPage() {
  const teacher = await currentTeacher();
  if (!teacher) redirect("/teacher/signin");
  return teacher;
}

/** For the sign-in and sign-up pages: a teacher who is already signed in goes to their home. */
export async function redirectSignedInTeacher(): Promise<void> {
  if (await currentTeacher()) redirect("/teacher");
}
