-- DropIndex
DROP INDEX "BestResult_levelId_score_achievedAt_idx";

-- AlterTable
ALTER TABLE "LevelAttempt" ADD COLUMN     "attempt" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "hintsOpened" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "outcomeStars" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "BestResult" ADD COLUMN     "firstTryStars" INTEGER;

-- CreateTable
CREATE TABLE "LevelSession" (
    "playerId" TEXT NOT NULL,
    "levelId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "servedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "hintsOpened" INTEGER NOT NULL DEFAULT 0,
    "misses" INTEGER NOT NULL DEFAULT 0,
    "cooldownUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LevelSession_pkey" PRIMARY KEY ("playerId","levelId")
);

-- CreateTable
CREATE TABLE "ServerSecret" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServerSecret_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "BestResult_levelId_stars_score_achievedAt_idx" ON "BestResult"("levelId", "stars", "score", "achievedAt");

-- AddForeignKey
ALTER TABLE "LevelSession" ADD CONSTRAINT "LevelSession_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player"("id") ON DELETE CASCADE ON UPDATE CASCADE;

