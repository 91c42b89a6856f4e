-- CreateTable
CREATE TABLE "PlatformChoice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platformId" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "chosenBy" TEXT,
    "chosenAt" DATETIME NOT NULL,
    CONSTRAINT "PlatformChoice_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Initiative" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "buurt" TEXT NOT NULL,
    "contact" TEXT,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "PlatformChoice_platformId_chosenAt_idx" ON "PlatformChoice"("platformId", "chosenAt");

-- CreateIndex
CREATE INDEX "PlatformChoice_chosenBy_idx" ON "PlatformChoice"("chosenBy");

-- CreateIndex
CREATE INDEX "Initiative_contact_idx" ON "Initiative"("contact");
