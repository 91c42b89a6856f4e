-- CreateTable
CREATE TABLE "WebSession" (
    "hash" TEXT NOT NULL PRIMARY KEY,
    "userRef" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "WebLoginCode" (
    "hash" TEXT NOT NULL PRIMARY KEY,
    "userRef" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "WebSession_userRef_idx" ON "WebSession"("userRef");

-- CreateIndex
CREATE INDEX "WebLoginCode_expiresAt_idx" ON "WebLoginCode"("expiresAt");

