-- CreateTable
CREATE TABLE "EventSignup" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "userRef" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EventSignup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EventSignup_userRef_idx" ON "EventSignup"("userRef");

-- CreateIndex
CREATE UNIQUE INDEX "EventSignup_eventId_userRef_key" ON "EventSignup"("eventId", "userRef");
