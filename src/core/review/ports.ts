/** The review of handed-in plans as the core sees it; storage implements this on Prisma. */

export type ReviewKind = 'submitted' | 'comment' | 'returned' | 'accepted';

export interface ReviewEvent {
  round: number;
  kind: ReviewKind;
  /** For a comment: the section it is about. */
  sectionId: string | null;
  /** A comment, or the reason a plan was returned; empty otherwise. */
  text: string;
  by: string | null;
  byName: string | null;
  at: Date;
}

export interface ReviewStore {
  add(
    planId: string,
    event: { round: number; kind: ReviewKind; sectionId?: string | undefined; text?: string | undefined; by: string; at: Date },
  ): Promise<void>;
  /** Every event of the plan, oldest first. */
  list(planId: string): Promise<ReviewEvent[]>;
}
