-- CreateTable
CREATE TABLE "PlatformDecision" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "note" TEXT,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlatformDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlatformDecision_platformId_decidedAt_idx" ON "PlatformDecision"("platformId", "decidedAt");

-- CreateIndex
CREATE INDEX "PlatformDecision_decidedBy_idx" ON "PlatformDecision"("decidedBy");

-- AddForeignKey
ALTER TABLE "PlatformDecision" ADD CONSTRAINT "PlatformDecision_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE CASCADE ON UPDATE CASCADE;
