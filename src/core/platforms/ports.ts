/**
 * Platforms, their members and their plan, as the core sees them. Storage implements these on
 * Prisma; the core never touches the database directly.
 */
import type { PlanStatus, SectionState, SectionValue } from '../plan/index.js';

export interface PlatformRecord {
  id: string;
  slug: string;
  name: string;
  buurt: string | null;
}

export type MemberRole = 'board' | 'coordinator';

export interface MemberRecord {
  userRef: string;
  displayName: string | null;
  role: MemberRole;
  remindersOff: boolean;
  language: 'nl' | 'en' | null;
}

export interface JoinRequestRecord {
  id: string;
  platform: PlatformRecord;
  userRef: string;
  displayName: string | null;
  status: 'pending' | 'approved' | 'rejected';
  createdAt: Date;
}

export interface PlatformStore {
  create(input: { name: string; buurt?: string | undefined }): Promise<PlatformRecord>;
  list(): Promise<Array<PlatformRecord & { members: number }>>;
  bySlug(slug: string): Promise<PlatformRecord | null>;
  /** Finds by slug, or by a name typed loosely ("Wyck", "buurtplatform wyck"). */
  find(query: string): Promise<PlatformRecord | null>;
  addMember(platformId: string, userRef: string, role: MemberRole): Promise<void>;
  removeMember(platformId: string, userRef: string): Promise<boolean>;
  membershipsOf(userRef: string): Promise<Array<{ platform: PlatformRecord; role: MemberRole }>>;
  members(platformId: string): Promise<MemberRecord[]>;
  requestJoin(platformId: string, userRef: string): Promise<JoinRequestRecord>;
  joinRequest(id: string): Promise<JoinRequestRecord | null>;
  pendingJoinRequests(): Promise<JoinRequestRecord[]>;
  decideJoin(id: string, approve: boolean, by: string): Promise<JoinRequestRecord | null>;
}

/** A stored section: the plan state plus who wrote it, by name for display. */
export interface StoredSection extends SectionState {
  authorName?: string;
}

export interface StoredPlan {
  id: string;
  /** Which document (plan template id) this plan is. */
  document: string;
  platform: PlatformRecord;
  status: PlanStatus;
  submittedBy: string | null;
  submittedAt: Date | null;
  updatedAt: Date;
  sections: Record<string, StoredSection>;
}

export type SaveResult = { ok: true; revision: number } | { ok: false; current: StoredSection };

export interface SectionRevision {
  revision: number;
  text: string;
  authorName: string | null;
  createdAt: Date;
}

export interface PlanStore {
  /** The platform's plan of one document (the default one when not named), created empty on first use. */
  load(platform: PlatformRecord, document?: string): Promise<StoredPlan>;
  /**
   * Saves a section when its revision is still `expectedRevision`; otherwise returns the current
   * version so the caller can show the concurrent edit instead of losing it.
   */
  saveSection(
    planId: string,
    sectionId: string,
    input: { text: string; value?: SectionValue | undefined; skipped?: boolean; author: string; authorName: string | null; at: Date },
    expectedRevision: number,
  ): Promise<SaveResult>;
  history(planId: string, sectionId: string): Promise<SectionRevision[]>;
  /** `at` comes from the injected clock, so digests and tests agree on when it happened. */
  setStatus(planId: string, status: PlanStatus, at: Date, by?: string): Promise<void>;
  /** Text typed for a section but not yet accepted: kept so nothing typed is lost. */
  saveDraft(planId: string, sectionId: string, userRef: string, text: string): Promise<void>;
  draft(planId: string, sectionId: string, userRef: string): Promise<string | null>;
  clearDraft(planId: string, sectionId: string, userRef: string): Promise<void>;
}

/** Says something to coordinators on every surface (their channels and the web coordinator board). */
export interface CoordinatorNotifier {
  /** `about`: the user refs the text names, so their `vergeet mij` removes the notice (see Reply.about). */
  notify(text: string, about?: readonly string[]): Promise<void>;
}
