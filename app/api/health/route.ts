import { LIVE_PROTOCOL_VERSION } from "@/core/live/version";
import { databaseHealth } from "@/server/health";
import { publicRoute } from "@/server/route";

export const dynamic = "force-dynamic";

/** Liveness and readiness: 200 only when the database can take a write (503 names the kind of problem; the server log has the details). */
export const GET = publicRoute(async () => {
  const health = await databaseHealth();
  if (!health.ok) return Response.json({ ok: false, error: "database_unavailable", problem: health.problem }, { status: 503 });
  return Response.json({ ok: true, protocolVersion: LIVE_PROTOCOL_VERSION, uptimeSeconds: Math.round(process.uptime()) });
});
