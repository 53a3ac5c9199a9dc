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
    "epoch" INTEGER NOT NULL DEFAULT 0,
    "aliveAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    "teacherId" TEXT,
    "classId" TEXT,
    CONSTRAINT "LiveGame_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "Teacher" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "LiveGame_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Classroom" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_LiveGame" ("aliveAt", "classId", "code", "control", "createdAt", "endedAt", "hostSecretHash", "id", "options", "phase", "playlist", "roundSeconds", "teacherId", "version") SELECT "aliveAt", "classId", "code", "control", "createdAt", "endedAt", "hostSecretHash", "id", "options", "phase", "playlist", "roundSeconds", "teacherId", "version" FROM "LiveGame";
DROP TABLE "LiveGame";
ALTER TABLE "new_LiveGame" RENAME TO "LiveGame";
CREATE INDEX "LiveGame_teacherId_createdAt_idx" ON "LiveGame"("teacherId", "createdAt");
CREATE INDEX "LiveGame_code_endedAt_idx" ON "LiveGame"("code", "endedAt");
CREATE INDEX "LiveGame_endedAt_createdAt_idx" ON "LiveGame"("endedAt", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

