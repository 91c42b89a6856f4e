/**
 * The plan's time-zone needs, on the shared Amsterdam calendar helpers (src/core/time.ts): the
 * deadline is an Amsterdam wall-clock time and "days left" means calendar days in Amsterdam (the
 * same day is 0), so DST changes never shift a count.
 */
import { AMSTERDAM, daysBetweenLocal, localToInstant, type LocalDateTime } from '../time.js';

export const PLAN_TIME_ZONE = AMSTERDAM;

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The instant at which the wall clock in `timeZone` reads `wall`. */
export function wallClockToInstant(wall: LocalDateTime, timeZone: string): Date {
  return localToInstant(wall, timeZone);
}

/** Calendar days from the local date of `from` to that of `to` (same day 0, earlier negative). */
export function calendarDaysBetween(from: Date, to: Date, timeZone: string = PLAN_TIME_ZONE): number {
  return daysBetweenLocal(from, to, timeZone);
}
