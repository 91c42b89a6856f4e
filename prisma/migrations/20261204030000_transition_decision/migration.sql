-- CreateTable
CREATE TABLE "PlatformDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platformId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "note" TEXT,
    "decidedBy" TEXT,
    "decidedAt" DATETIME NOT NULL,
    CONSTRAINT "PlatformDecision_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PlatformDecision_platformId_decidedAt_idx" ON "PlatformDecision"("platformId", "decidedAt");

-- CreateIndex
CREATE INDEX "PlatformDecision_decidedBy_idx" ON "PlatformDecision"("decidedBy");
