-- CreateTable
CREATE TABLE "WebSession" (
    "hash" TEXT NOT NULL,
    "userRef" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebSession_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "WebLoginCode" (
    "hash" TEXT NOT NULL,
    "userRef" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebLoginCode_pkey" PRIMARY KEY ("hash")
);

-- CreateIndex
CREATE INDEX "WebSession_userRef_idx" ON "WebSession"("userRef");

-- CreateIndex
CREATE INDEX "WebLoginCode_expiresAt_idx" ON "WebLoginCode"("expiresAt");

