import type { ReviewEvent, ReviewKind, ReviewStore } from '../../core/review/ports.js';
import type { Db } from '../prisma-client.js';
import { displayNamesOf } from './display-names.js';

const KINDS: readonly ReviewKind[] = ['submitted', 'comment', 'returned', 'accepted'];

export class PrismaReviewStore implements ReviewStore {
  constructor(private readonly db: Db) {}

  async add(
    planId: string,
    event: { round: number; kind: ReviewKind; sectionId?: string | undefined; text?: string | undefined; by: string; at: Date },
  ): Promise<void> {
    await this.db.planReview.create({
      data: {
        planId,
        round: event.round,
        kind: event.kind,
        sectionId: event.sectionId ?? null,
        text: event.text ?? '',
        by: event.by,
        createdAt: event.at,
      },
    });
  }

  async list(planId: string): Promise<ReviewEvent[]> {
    const rows = await this.db.planReview.findMany({ where: { planId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    const names = await displayNamesOf(
      this.db,
      rows.map((r) => r.by),
    );
    return rows.map((r) => ({
      round: r.round,
      kind: KINDS.includes(r.kind as ReviewKind) ? (r.kind as ReviewKind) : 'comment',
      sectionId: r.sectionId,
      text: r.text,
      by: r.by,
      byName: r.by ? (names.get(r.by) ?? null) : null,
      at: r.createdAt,
    }));
  }
}
