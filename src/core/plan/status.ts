/**
 * Where a plan stands, and the one way each status is said. Every surface (chat, digest, App Home,
 * the printed page, the export) reads its label here, so they never drift apart.
 */
import type { Bilingual, Language } from '../language.js';

/**
 * draft: being written; submitted: handed in, waiting for review; revised: changed after it was
 * handed in; returned: a coordinator sent it back with comments; accepted: a coordinator accepted it.
 */
export type PlanStatus = 'draft' | 'submitted' | 'revised' | 'returned' | 'accepted';

export const PLAN_STATUS_LABELS: Record<PlanStatus, Bilingual> = {
  draft: { nl: 'concept', en: 'draft' },
  submitted: { nl: 'ingediend', en: 'submitted' },
  revised: { nl: 'gewijzigd na indienen', en: 'changed after submitting' },
  returned: { nl: 'teruggestuurd', en: 'returned' },
  accepted: { nl: 'geaccepteerd', en: 'accepted' },
};

export function planStatusLabel(status: PlanStatus, language: Language): string {
  return PLAN_STATUS_LABELS[status][language];
}

export function toPlanStatus(stored: string): PlanStatus {
  return stored in PLAN_STATUS_LABELS ? (stored as PlanStatus) : 'draft';
}

/** Handed in and waiting for a coordinator: what a review acts on. */
export function isUnderReview(status: PlanStatus): boolean {
  return status === 'submitted' || status === 'revised';
}
