import { codeDigits } from "@/components/live/join-address";
import { JoinForm } from "@/components/live/JoinForm";

export const metadata = { title: "Join a game" };

/**
 * The join page stays small and is rendered on the server with its form: students open it on
 * phones over school Wi-Fi, and the code field works before the page's JavaScript has arrived.
 */
export default async function JoinPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const code = (await searchParams).code;
  return (
    <main className="join">
      <h1>Join a game</h1>
      <JoinForm initialCode={codeDigits(Array.isArray(code) ? code[0] : code)} />
    </main>
  );
}
