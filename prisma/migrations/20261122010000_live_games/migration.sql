-- CreateTable
CREATE TABLE "LiveGame" (
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
    "endedAt" DATETIME
);

-- CreateTable
CREATE TABLE "LiveGamePlayer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "gameId" TEXT NOT NULL,
    "nickname" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "joinedAt" DATETIME NOT NULL,
    "kicked" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "LiveGamePlayer_gameId_fkey" FOREIGN KEY ("gameId") REFERENCES "LiveGame" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LiveAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "gameId" TEXT NOT NULL,
    "playerId" TEXT NOT NULL,
    "roundIndex" INTEGER NOT NULL,
    "answer" JSONB NOT NULL,
    "score" REAL NOT NULL,
    "stars" INTEGER NOT NULL,
    "points" INTEGER NOT NULL,
    "submittedAt" DATETIME NOT NULL,
    CONSTRAINT "LiveAnswer_gameId_fkey" FOREIGN KEY ("gameId") REFERENCES "LiveGame" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LiveAnswer_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "LiveGamePlayer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "LiveGame_code_endedAt_idx" ON "LiveGame"("code", "endedAt");

-- CreateIndex
CREATE INDEX "LiveGame_endedAt_createdAt_idx" ON "LiveGame"("endedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LiveGamePlayer_secretHash_key" ON "LiveGamePlayer"("secretHash");

-- CreateIndex
CREATE INDEX "LiveGamePlayer_gameId_idx" ON "LiveGamePlayer"("gameId");

-- CreateIndex
CREATE INDEX "LiveAnswer_gameId_roundIndex_idx" ON "LiveAnswer"("gameId", "roundIndex");

