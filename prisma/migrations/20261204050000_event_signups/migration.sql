-- CreateTable
CREATE TABLE "EventSignup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "userRef" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "EventSignup_userRef_idx" ON "EventSignup"("userRef");

-- CreateIndex
CREATE UNIQUE INDEX "EventSignup_eventId_userRef_key" ON "EventSignup"("eventId", "userRef");
