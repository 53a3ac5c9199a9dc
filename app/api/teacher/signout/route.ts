import { endSession } from "@/server/teachers/sessions";

export const dynamic = "force-dynamic";

/** Ends this browser's session (idempotent: signing out twice is fine). */
export async function POST() {
  await endSession();
  return new Response(null, { status: 204 });
}
