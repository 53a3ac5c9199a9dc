-- DropIndex
DROP INDEX "BestResult_levelId_score_achievedAt_idx";

-- AlterTable
ALTER TABLE "BestResult" ADD COLUMN "firstTryStars" INTEGER;

-- CreateTable
CREATE TABLE "LevelSession" (
    "playerId" TEXT NOT NULL,
    "levelId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "servedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "hintsOpened" INTEGER NOT NULL DEFAULT 0,
    "misses" INTEGER NOT NULL DEFAULT 0,
    "cooldownUntil" DATETIME,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("playerId", "levelId"),
    CONSTRAINT "LevelSession_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ServerSecret" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
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
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "outcomeStars" INTEGER NOT NULL DEFAULT 0,
    "hintsOpened" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "LevelAttempt_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Answers stored before attempts existed: their stars were their outcome (nothing capped them).
INSERT INTO "new_LevelAttempt" ("answer", "createdAt", "id", "levelId", "playerId", "score", "stars", "outcomeStars", "timeSpentMs") SELECT "answer", "createdAt", "id", "levelId", "playerId", "score", "stars", "stars", "timeSpentMs" FROM "LevelAttempt";
DROP TABLE "LevelAttempt";
ALTER TABLE "new_LevelAttempt" RENAME TO "LevelAttempt";
CREATE INDEX "LevelAttempt_playerId_levelId_idx" ON "LevelAttempt"("playerId", "levelId");
CREATE INDEX "LevelAttempt_levelId_createdAt_idx" ON "LevelAttempt"("levelId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "BestResult_levelId_stars_score_achievedAt_idx" ON "BestResult"("levelId", "stars", "score", "achievedAt");

