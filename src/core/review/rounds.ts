/**
 * Rounds of review, read from the events: each submission starts a round; comments, a return or
 * an acceptance belong to the round they were made in. Pure, so chat, the page and the export agree.
 */
import type { ReviewEvent } from './ports.js';

/** The round the plan is in: how many times it was handed in (0 before the first time). */
export function currentRound(events: readonly ReviewEvent[]): number {
  return events.filter((e) => e.kind === 'submitted').length;
}

/** The comments of the current round, per section: what the board is asked to look at now. */
export function openComments(events: readonly ReviewEvent[]): Map<string, ReviewEvent[]> {
  const round = currentRound(events);
  const bySection = new Map<string, ReviewEvent[]>();
  for (const e of events) {
    if (e.kind !== 'comment' || e.round !== round || e.sectionId === null) continue;
    bySection.set(e.sectionId, [...(bySection.get(e.sectionId) ?? []), e]);
  }
  return bySection;
}

/** The last return of the current round, if the plan was sent back in it. */
export function lastReturn(events: readonly ReviewEvent[]): ReviewEvent | undefined {
  const round = currentRound(events);
  return events.filter((e) => e.kind === 'returned' && e.round === round).at(-1);
}
