-- AlterTable
ALTER TABLE "Message" ADD COLUMN "about" TEXT;

-- AlterTable
ALTER TABLE "Notice" ADD COLUMN "about" TEXT;

-- CreateIndex
CREATE INDEX "Notice_createdAt_idx" ON "Notice"("createdAt");

