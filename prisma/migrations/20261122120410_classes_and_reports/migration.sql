-- AlterTable
ALTER TABLE "Player" ADD COLUMN "resumeCodeHash" TEXT;

-- CreateTable
CREATE TABLE "Classroom" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teacherId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "joinCode" TEXT NOT NULL,
    "lockedChapters" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Classroom_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "Teacher" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClassMember" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "classId" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ClassMember_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Classroom" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClassMember_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LevelAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "playerId" TEXT NOT NULL,
    "levelId" TEXT NOT NULL,
    "answer" JSONB NOT NULL,
    "score" REAL NOT NULL,
    "stars" INTEGER NOT NULL,
    "timeSpentMs" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LevelAttempt_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_LevelAttempt" ("answer", "createdAt", "id", "levelId", "playerId", "score", "stars") SELECT "answer", "createdAt", "id", "levelId", "playerId", "score", "stars" FROM "LevelAttempt";
DROP TABLE "LevelAttempt";
ALTER TABLE "new_LevelAttempt" RENAME TO "LevelAttempt";
CREATE INDEX "LevelAttempt_playerId_levelId_idx" ON "LevelAttempt"("playerId", "levelId");
CREATE INDEX "LevelAttempt_levelId_createdAt_idx" ON "LevelAttempt"("levelId", "createdAt");
CREATE TABLE "new_LiveGame" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "hostSecretHash" TEXT NOT NULL,
    "playlist" JSONB NOT NULL,
    "roundSeconds" JSONB NOT NULL,
    "options" JSONB NOT NULL,
    "phase" TEXT NOT NULL,
    "roundIndex" INTEGER NOT NULL,
    "phaseStartedAt" DATETIME NOT NULL,
    "phaseEndsAt" DATETIME,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "aliveAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    "teacherId" TEXT,
    "classId" TEXT,
    CONSTRAINT "LiveGame_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "Teacher" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "LiveGame_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Classroom" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_LiveGame" ("aliveAt", "code", "createdAt", "endedAt", "hostSecretHash", "id", "locked", "options", "phase", "phaseEndsAt", "phaseStartedAt", "playlist", "roundIndex", "roundSeconds") SELECT "aliveAt", "code", "createdAt", "endedAt", "hostSecretHash", "id", "locked", "options", "phase", "phaseEndsAt", "phaseStartedAt", "playlist", "roundIndex", "roundSeconds" FROM "LiveGame";
DROP TABLE "LiveGame";
ALTER TABLE "new_LiveGame" RENAME TO "LiveGame";
CREATE INDEX "LiveGame_teacherId_createdAt_idx" ON "LiveGame"("teacherId", "createdAt");
CREATE INDEX "LiveGame_code_endedAt_idx" ON "LiveGame"("code", "endedAt");
CREATE INDEX "LiveGame_endedAt_createdAt_idx" ON "LiveGame"("endedAt", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Classroom_joinCode_key" ON "Classroom"("joinCode");

-- CreateIndex
CREATE INDEX "Classroom_teacherId_createdAt_idx" ON "Classroom"("teacherId", "createdAt");

-- CreateIndex
CREATE INDEX "ClassMember_playerId_idx" ON "ClassMember"("playerId");

-- CreateIndex
CREATE UNIQUE INDEX "ClassMember_classId_playerId_key" ON "ClassMember"("classId", "playerId");

-- CreateIndex
CREATE UNIQUE INDEX "Player_resumeCodeHash_key" ON "Player"("resumeCodeHash");

