-- CreateTable
CREATE TABLE "Player" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "displayName" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "LevelAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "playerId" TEXT NOT NULL,
    "levelId" TEXT NOT NULL,
    "answer" JSONB NOT NULL,
    "score" REAL NOT NULL,
    "stars" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LevelAttempt_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BestResult" (
    "playerId" TEXT NOT NULL,
    "levelId" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "stars" INTEGER NOT NULL,
    "attempts" INTEGER NOT NULL,
    "achievedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("playerId", "levelId"),
    CONSTRAINT "BestResult_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Player_tokenHash_key" ON "Player"("tokenHash");

-- CreateIndex
CREATE INDEX "LevelAttempt_playerId_levelId_idx" ON "LevelAttempt"("playerId", "levelId");

-- CreateIndex
CREATE INDEX "LevelAttempt_levelId_createdAt_idx" ON "LevelAttempt"("levelId", "createdAt");

-- CreateIndex
CREATE INDEX "BestResult_levelId_score_achievedAt_idx" ON "BestResult"("levelId", "score", "achievedAt");

