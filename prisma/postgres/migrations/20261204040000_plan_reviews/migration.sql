-- CreateTable
CREATE TABLE "PlanReview" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "sectionId" TEXT,
    "text" TEXT NOT NULL DEFAULT '',
    "by" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlanReview_planId_createdAt_idx" ON "PlanReview"("planId", "createdAt");

-- CreateIndex
CREATE INDEX "PlanReview_by_idx" ON "PlanReview"("by");

-- AddForeignKey
ALTER TABLE "PlanReview" ADD CONSTRAINT "PlanReview_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
