-- CreateTable
CREATE TABLE "PlatformChoice" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "chosenBy" TEXT,
    "chosenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlatformChoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Initiative" (
    "id" TEXT NOT NULL,
    "buurt" TEXT NOT NULL,
    "contact" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Initiative_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlatformChoice_platformId_chosenAt_idx" ON "PlatformChoice"("platformId", "chosenAt");

-- CreateIndex
CREATE INDEX "PlatformChoice_chosenBy_idx" ON "PlatformChoice"("chosenBy");

-- CreateIndex
CREATE INDEX "Initiative_contact_idx" ON "Initiative"("contact");

-- AddForeignKey
ALTER TABLE "PlatformChoice" ADD CONSTRAINT "PlatformChoice_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE CASCADE ON UPDATE CASCADE;
