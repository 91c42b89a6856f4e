-- A platform has one plan per document (plan template): existing plans are the default document.
-- DropIndex
DROP INDEX "Plan_platformId_key";

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN "document" TEXT NOT NULL DEFAULT 'plan';

-- CreateIndex
CREATE UNIQUE INDEX "Plan_platformId_document_key" ON "Plan"("platformId", "document");
