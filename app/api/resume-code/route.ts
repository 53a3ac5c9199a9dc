import { issueResumeCode } from "@/server/classes/codes";
import { playerRoute } from "@/server/route";

export const dynamic = "force-dynamic";

/** A new personal resume code for the current player, shown once; the old one stops working. */
export const POST = playerRoute(async ({ player }) =>
  Response.json({ resumeCode: await issueResumeCode(player.id) }, { headers: { "cache-control": "no-store" } }),
);
