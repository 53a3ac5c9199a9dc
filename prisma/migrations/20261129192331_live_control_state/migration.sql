-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LiveGame" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "hostSecretHash" TEXT NOT NULL,
    "playlist" JSONB NOT NULL,
    "roundSeconds" JSONB NOT NULL,
    "options" JSONB NOT NULL,
    "phase" TEXT NOT NULL,
    "control" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "aliveAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    "teacherId" TEXT,
    "classId" TEXT,
    CONSTRAINT "LiveGame_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "Teacher" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "LiveGame_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Classroom" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- Existing games keep their state: roundIndex, phaseStartedAt, phaseEndsAt and locked move into
-- the JSON column `control`, with the times as epoch milliseconds (core/live/control.ts). Prisma
-- stores a DateTime here as ISO-8601 text ("2026-11-29T19:02:02.119+00:00"); julianday() reads
-- that (and SQLite's own "YYYY-MM-DD HH:MM:SS"), and an integer is taken as milliseconds already.
INSERT INTO "new_LiveGame" ("aliveAt", "classId", "code", "createdAt", "endedAt", "hostSecretHash", "id", "options", "phase", "playlist", "roundSeconds", "teacherId", "control", "version") SELECT "aliveAt", "classId", "code", "createdAt", "endedAt", "hostSecretHash", "id", "options", "phase", "playlist", "roundSeconds", "teacherId",
    json_object(
        'roundIndex', "roundIndex",
        'phaseStartedAt', CASE typeof("phaseStartedAt") WHEN 'integer' THEN "phaseStartedAt" ELSE CAST(ROUND((julianday("phaseStartedAt") - 2440587.5) * 86400000) AS INTEGER) END,
        'phaseEndsAt', CASE typeof("phaseEndsAt") WHEN 'null' THEN NULL WHEN 'integer' THEN "phaseEndsAt" ELSE CAST(ROUND((julianday("phaseEndsAt") - 2440587.5) * 86400000) AS INTEGER) END,
        'locked', json(CASE WHEN "locked" THEN 'true' ELSE 'false' END)
    ),
    0
FROM "LiveGame";
DROP TABLE "LiveGame";
ALTER TABLE "new_LiveGame" RENAME TO "LiveGame";
CREATE INDEX "LiveGame_teacherId_createdAt_idx" ON "LiveGame"("teacherId", "createdAt");
CREATE INDEX "LiveGame_code_endedAt_idx" ON "LiveGame"("code", "endedAt");
CREATE INDEX "LiveGame_endedAt_createdAt_idx" ON "LiveGame"("endedAt", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

