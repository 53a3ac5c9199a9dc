import { LIVE_PROTOCOL_VERSION } from "@/core/live/version";
import { databaseAnswers } from "@/server/health";
import { publicRoute } from "@/server/route";

export const dynamic = "force-dynamic";

/** Liveness and readiness: answers 200 only when the database answers too. */
export const GET = publicRoute(async () => {
  if (!(await databaseAnswers())) return Response.json({ ok: false, error: "database unavailable" }, { status: 503 });
  return Response.json({ ok: true, protocolVersion: LIVE_PROTOCOL_VERSION, uptimeSeconds: Math.round(process.uptime()) });
});
