-- A platform has one plan per document (plan template): existing plans are the default document.
-- AlterTable
ALTER TABLE "Plan" ADD COLUMN "document" TEXT NOT NULL DEFAULT 'plan';

-- DropIndex
DROP INDEX "Plan_platformId_key";

-- CreateIndex
CREATE UNIQUE INDEX "Plan_platformId_document_key" ON "Plan"("platformId", "document");
