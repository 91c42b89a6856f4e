-- The durable inbox replaces the processed-event ledger: its key is the same dedupe key.
-- DropTable
DROP TABLE "ProcessedEvent";

-- CreateTable
CREATE TABLE "InboxEvent" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "conversationKey" TEXT NOT NULL,
    "surface" TEXT NOT NULL,
    "userRef" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'received',
    "owner" TEXT,
    "leaseUntil" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "replies" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "InboxEvent_key_key" ON "InboxEvent"("key");

-- CreateIndex
CREATE INDEX "InboxEvent_state_leaseUntil_idx" ON "InboxEvent"("state", "leaseUntil");

-- CreateIndex
CREATE INDEX "InboxEvent_conversationKey_seq_idx" ON "InboxEvent"("conversationKey", "seq");

-- CreateIndex
CREATE INDEX "InboxEvent_userRef_idx" ON "InboxEvent"("userRef");

-- CreateIndex
CREATE INDEX "InboxEvent_createdAt_idx" ON "InboxEvent"("createdAt");
