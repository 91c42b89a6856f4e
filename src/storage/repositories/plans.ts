import type { PlanStatus, SectionValue } from '../../core/plan/index.js';
import { toPlanStatus } from '../../core/plan/status.js';
import { DEFAULT_DOCUMENT } from '../../core/plan/template-schema.js';
import type { PlanStore, PlatformRecord, SaveResult, StoredPlan, StoredSection } from '../../core/platforms/ports.js';
import type { Db } from '../prisma-client.js';
import { isUniqueViolation } from './unique-violation.js';

type SectionRow = {
  sectionId: string;
  text: string;
  value: string | null;
  skipped: boolean;
  author: string | null;
  authorName: string | null;
  revision: number;
  updatedAt: Date;
};

function toSection(row: SectionRow): StoredSection {
  const section: StoredSection = { text: row.text, revision: row.revision, updatedAt: row.updatedAt };
  if (row.value) section.value = JSON.parse(row.value) as SectionValue;
  if (row.skipped) section.skipped = true;
  if (row.author) section.author = row.author;
  if (row.authorName) section.authorName = row.authorName;
  return section;
}

export class PrismaPlanStore implements PlanStore {
  constructor(private readonly db: Db) {}

  async load(platform: PlatformRecord, document: string = DEFAULT_DOCUMENT): Promise<StoredPlan> {
    const where = { platformId_document: { platformId: platform.id, document } };
    let plan = await this.db.plan.findUnique({ where, include: { sections: true } });
    if (!plan) {
      try {
        plan = await this.db.plan.create({ data: { platformId: platform.id, document }, include: { sections: true } });
      } catch (error) {
        // Two board members opening the plan at the same moment: the other one created it.
        if (!isUniqueViolation(error)) throw error;
        plan = await this.db.plan.findUniqueOrThrow({ where, include: { sections: true } });
      }
    }
    return {
      id: plan.id,
      document: plan.document,
      platform,
      status: toPlanStatus(plan.status),
      submittedBy: plan.submittedBy,
      submittedAt: plan.submittedAt,
      updatedAt: plan.updatedAt,
      sections: Object.fromEntries(plan.sections.map((s) => [s.sectionId, toSection(s)])),
    };
  }

  async saveSection(
    planId: string,
    sectionId: string,
    input: { text: string; value?: SectionValue | undefined; skipped?: boolean; author: string; authorName: string | null; at: Date },
    expectedRevision: number,
  ): Promise<SaveResult> {
    const next = expectedRevision + 1;
    const data = {
      text: input.text,
      value: input.value ? JSON.stringify(input.value) : null,
      skipped: input.skipped ?? false,
      author: input.author,
      authorName: input.authorName,
      revision: next,
      // The injected clock, so "last edited" agrees with every other date the bot shows.
      updatedAt: input.at,
    };
    const saved = await this.db.$transaction(async (tx) => {
      if (expectedRevision === 0) {
        try {
          await tx.planSection.create({ data: { planId, sectionId, ...data } });
        } catch (error) {
          if (isUniqueViolation(error)) return false;
          throw error;
        }
      } else {
        // Compare-and-set on the revision: a concurrent edit is detected, never overwritten silently.
        const result = await tx.planSection.updateMany({ where: { planId, sectionId, revision: expectedRevision }, data });
        if (result.count === 0) return false;
      }
      if (!input.skipped) {
        await tx.planRevision.create({
          data: {
            planId,
            sectionId,
            revision: next,
            text: input.text,
            author: input.author,
            authorName: input.authorName,
            createdAt: input.at,
          },
        });
      }
      await tx.plan.update({ where: { id: planId }, data: { updatedAt: input.at } });
      return true;
    });
    if (saved) return { ok: true, revision: next };
    const current = await this.db.planSection.findUnique({ where: { planId_sectionId: { planId, sectionId } } });
    return { ok: false, current: current ? toSection(current) : { text: '', revision: 0 } };
  }

  async history(planId: string, sectionId: string) {
    const rows = await this.db.planRevision.findMany({ where: { planId, sectionId }, orderBy: { revision: 'desc' } });
    return rows.map((r) => ({ revision: r.revision, text: r.text, authorName: r.authorName, createdAt: r.createdAt }));
  }

  async setStatus(planId: string, status: PlanStatus, at: Date, by?: string): Promise<void> {
    await this.db.plan.update({
      where: { id: planId },
      data:
        status === 'submitted'
          ? { status, submittedBy: by ?? null, submittedAt: at }
          : status === 'revised'
            ? { status, revisedAt: at }
            : { status },
    });
  }

  async saveDraft(planId: string, sectionId: string, userRef: string, text: string): Promise<void> {
    await this.db.planDraft.upsert({
      where: { planId_sectionId_userRef: { planId, sectionId, userRef } },
      create: { planId, sectionId, userRef, text },
      update: { text },
    });
  }

  async draft(planId: string, sectionId: string, userRef: string): Promise<string | null> {
    const row = await this.db.planDraft.findUnique({ where: { planId_sectionId_userRef: { planId, sectionId, userRef } } });
    return row?.text ?? null;
  }

  async clearDraft(planId: string, sectionId: string, userRef: string): Promise<void> {
    await this.db.planDraft.deleteMany({ where: { planId, sectionId, userRef } });
  }
}
