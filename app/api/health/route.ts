import { db } from "@/server/db/client";
import { LIVE_PROTOCOL_VERSION } from "@/core/live/version";

export const dynamic = "force-dynamic";

/** Liveness and readiness: answers 200 only when the database answers too. */
export async function GET() {
  try {
    await db().$queryRawUnsafe("SELECT 1");
    return Response.json({ ok: true, protocolVersion: LIVE_PROTOCOL_VERSION, uptimeSeconds: Math.round(process.uptime()) });
  } catch (error) {
    return Response.json({ ok: false, error: "database unavailable" }, { status: 503 });
  }
}
