import type { Deadline } from './schema.js';
import { AMSTERDAM, daysBetweenLocal, localToInstant, parseLocalDateTime } from '../time.js';

/** The instant of a deadline's local `at`. Throws only for entries that skipped validation. */
export function deadlineInstant(deadline: Pick<Deadline, 'id' | 'at'>, timeZone: string = AMSTERDAM): Date {
  const local = parseLocalDateTime(deadline.at);
  if (local === undefined) throw new Error(`deadline "${deadline.id}" has an invalid date-time: ${deadline.at}`);
  return localToInstant(local, timeZone);
}

export interface DeadlineStatus {
  /** True from the deadline's own moment on. */
  readonly passed: boolean;
  /** Calendar days in the time zone from `at` to the deadline: 0 on the day itself, negative afterwards. */
  readonly daysLeft: number;
}

export function deadlineStatus(deadline: Deadline, at: Date, timeZone: string = AMSTERDAM): DeadlineStatus {
  const due = deadlineInstant(deadline, timeZone);
  return { passed: at.getTime() >= due.getTime(), daysLeft: daysBetweenLocal(at, due, timeZone) };
}

export interface UpcomingDeadline {
  readonly deadline: Deadline;
  readonly deadlineAt: Date;
  readonly daysLeft: number;
}

/** The next `count` deadlines and events that have not passed at `at`, soonest first (for digests and overviews). */
export function upcomingDeadlines(
  deadlines: readonly Deadline[],
  at: Date,
  count: number,
  timeZone: string = AMSTERDAM,
): UpcomingDeadline[] {
  return deadlines
    .map((deadline) => ({ deadline, deadlineAt: deadlineInstant(deadline, timeZone) }))
    .filter(({ deadlineAt }) => deadlineAt.getTime() > at.getTime())
    .sort((a, b) => a.deadlineAt.getTime() - b.deadlineAt.getTime() || a.deadline.id.localeCompare(b.deadline.id))
    .slice(0, Math.max(0, count))
    .map(({ deadline, deadlineAt }) => ({ deadline, deadlineAt, daysLeft: daysBetweenLocal(at, deadlineAt, timeZone) }));
}
