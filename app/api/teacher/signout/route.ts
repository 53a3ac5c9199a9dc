import { publicRoute } from "@/server/route";
import { endSession } from "@/server/teachers/sessions";

export const dynamic = "force-dynamic";

/** Ends this browser's session (idempotent: signing out twice is fine). */
export const POST = publicRoute(async () => {
  await endSession();
  return new Response(null, { status: 204 });
});
