/**
 * Wall-clock arithmetic for one IANA time zone using only `Intl.DateTimeFormat`.
 * Deadlines are written as Amsterdam local times and "days left" means calendar days in Amsterdam,
 * so every calculation goes through local dates instead of adding 24-hour blocks to instants
 * (a day around a DST change has 23 or 25 hours).
 */

export const AMSTERDAM = 'Europe/Amsterdam';

const DAY_MS = 86_400_000;

export interface LocalDate {
  readonly year: number;
  /** 1-12 */
  readonly month: number;
  /** 1-31 */
  readonly day: number;
}

export interface LocalTime {
  /** 0-23 */
  readonly hour: number;
  /** 0-59 */
  readonly minute: number;
}

export interface LocalDateTime extends LocalDate, LocalTime {}

export interface LocalParts extends LocalDateTime {
  readonly second: number;
  /** 0 = Sunday ... 6 = Saturday */
  readonly weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // hourCycle h23: some ICU versions print midnight as "24" with hour12: false.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** The wall-clock reading of `instant` in `timeZone`. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const values: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) values[part.type] = part.value;
  const num = (key: string): number => Number(values[key]);
  return {
    year: num('year'),
    month: num('month'),
    day: num('day'),
    hour: num('hour'),
    minute: num('minute'),
    second: num('second'),
    weekday: WEEKDAYS[values['weekday'] ?? ''] ?? 0,
  };
}

/** Milliseconds to add to UTC to get the local wall clock at `instant` (e.g. +2h in CEST). */
export function offsetMs(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return wall - whole;
}

/** A local date-time encoded as if it were UTC: a plain number we can compare and do arithmetic on. */
function wallMs(local: LocalDateTime): number {
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
}

/**
 * The instant at which the wall clock in `timeZone` shows `local`.
 * A time skipped by the spring change (02:30 on the last Sunday of March) moves forward by the gap
 * (03:30 CEST); a time that occurs twice in autumn takes the first occurrence (still CEST).
 */
export function localToInstant(local: LocalDateTime, timeZone: string): Date {
  const wall = wallMs(local);
  // Offsets a day either side bracket any single transition near this wall time.
  const before = offsetMs(new Date(wall - DAY_MS), timeZone);
  const after = offsetMs(new Date(wall + DAY_MS), timeZone);
  const candidates = [...new Set([before, after])].map((offset) => wall - offset).sort((a, b) => a - b);
  for (const candidate of candidates) {
    const p = localParts(new Date(candidate), timeZone);
    if (wallMs(p) === wall) return new Date(candidate);
  }
  // In the gap: reading the wall time with the offset in force before the jump lands after it.
  return new Date(wall - before);
}

/** The local date-time (to the minute) of an instant. */
export function instantToLocal(instant: Date, timeZone: string): LocalDateTime {
  const { year, month, day, hour, minute } = localParts(instant, timeZone);
  return { year, month, day, hour, minute };
}

export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const { year, month, day } = localParts(instant, timeZone);
  return { year, month, day };
}

/** Calendar arithmetic on a date without a zone: no DST can interfere. */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

function dayNumber(date: LocalDate): number {
  return Math.round(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS);
}

/**
 * Calendar days from the local date of `from` to the local date of `to` in `timeZone`.
 * 23:00 on Monday to 01:00 on Tuesday is 1 day; the same day is 0; earlier is negative.
 */
export function daysBetweenLocal(from: Date, to: Date, timeZone: string): number {
  return dayNumber(localDateOf(to, timeZone)) - dayNumber(localDateOf(from, timeZone));
}

export function minutesOfDay(time: LocalTime): number {
  return time.hour * 60 + time.minute;
}

export function atTime(date: LocalDate, time: LocalTime): LocalDateTime {
  return { year: date.year, month: date.month, day: date.day, hour: time.hour, minute: time.minute };
}

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

/** Parses `HH:mm` (24-hour); undefined when malformed. */
export function parseLocalTime(text: string): LocalTime | undefined {
  const m = TIME_RE.exec(text);
  if (m === null) return undefined;
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/** Parses `YYYY-MM-DDTHH:mm`; undefined when malformed or not a real calendar date (31 June). */
export function parseLocalDateTime(text: string): LocalDateTime | undefined {
  const m = DATE_TIME_RE.exec(text);
  if (m === null) return undefined;
  const local = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]) };
  const check = new Date(Date.UTC(local.year, local.month - 1, local.day));
  const real = check.getUTCFullYear() === local.year && check.getUTCMonth() + 1 === local.month && check.getUTCDate() === local.day;
  return real ? local : undefined;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function formatLocalDate(date: LocalDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

export function formatLocalDateTime(local: LocalDateTime): string {
  return `${formatLocalDate(local)}T${pad(local.hour)}:${pad(local.minute)}`;
}

/** `YYYY-MM-DDTHH:mm` in `timeZone`: handy for logs, the CLI and tests. */
export function toLocalString(instant: Date, timeZone: string): string {
  return formatLocalDateTime(instantToLocal(instant, timeZone));
}
