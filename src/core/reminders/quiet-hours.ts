import { addLocalDays, atTime, minutesOfDay, type LocalDate, type LocalDateTime, type LocalTime } from '../time.js';

/** From `start` (inclusive) to `end` (exclusive), local time; wraps midnight when start > end. */
export interface QuietHours {
  readonly start: LocalTime;
  readonly end: LocalTime;
}

export function isQuietTime(time: LocalTime, quiet: QuietHours): boolean {
  const t = minutesOfDay(time);
  const start = minutesOfDay(quiet.start);
  const end = minutesOfDay(quiet.end);
  if (start === end) return false; // an empty window: quiet hours switched off
  return start < end ? t >= start && t < end : t >= start || t < end;
}

/**
 * Where a personal message planned at `date` `time` goes: unchanged outside quiet hours, else the end
 * of the quiet window it falls in (the next morning when 22:00 falls in 21:00-08:00).
 */
export function outsideQuietHours(date: LocalDate, time: LocalTime, quiet: QuietHours): LocalDateTime {
  if (!isQuietTime(time, quiet)) return atTime(date, time);
  const wraps = minutesOfDay(quiet.start) > minutesOfDay(quiet.end);
  const endsTomorrow = wraps && minutesOfDay(time) >= minutesOfDay(quiet.start);
  return atTime(endsTomorrow ? addLocalDays(date, 1) : date, quiet.end);
}
