-- A question about nothing of this domain (the weather, football) is not listed for coordinators as unanswered.
-- AlterTable
ALTER TABLE "Question" ADD COLUMN "offTopic" BOOLEAN NOT NULL DEFAULT false;
