/**
 * The few time-zone calculations the plan needs, on `Intl` only. The deadline is an Amsterdam
 * wall-clock time and "days left" means calendar days in Amsterdam, so we work with local dates
 * instead of adding 24-hour blocks (a day around a DST change lasts 23 or 25 hours).
 * src/core/reminders/time.ts has the same semantics (same day = 0); keep the two in step.
 */

export const PLAN_TIME_ZONE = 'Europe/Amsterdam';

const DAY_MS = 86_400_000;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (found === undefined) {
    // hourCycle h23: some ICU versions print midnight as "24" with hour12: false.
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function wallClock(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) parts[part.type] = Number(part.value);
  return {
    year: parts['year'] ?? 0,
    month: parts['month'] ?? 1,
    day: parts['day'] ?? 1,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
  };
}

function asUtcMs(wall: WallClock): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
}

/**
 * The instant at which the wall clock in `timeZone` reads `wall`. Tries the offsets in force a day
 * before and after, which bracket any single DST change; a time that does not exist (spring gap)
 * falls back to the earlier offset. Deadlines at 23:59 never hit either case in Europe.
 */
export function wallClockToInstant(wall: WallClock, timeZone: string): Date {
  const target = asUtcMs(wall);
  const offsetAround = (ms: number): number => asUtcMs(wallClock(new Date(ms), timeZone)) - Math.floor(ms / 60_000) * 60_000;
  const offsets = [offsetAround(target - DAY_MS), offsetAround(target + DAY_MS)];
  for (const offset of offsets) {
    const candidate = target - offset;
    if (asUtcMs(wallClock(new Date(candidate), timeZone)) === target) return new Date(candidate);
  }
  return new Date(target - (offsets[0] ?? 0));
}

/**
 * Calendar days from the local date of `from` to the local date of `to` in `timeZone`:
 * the same day is 0, 23:30 on Monday to 00:30 on Tuesday is 1, earlier dates are negative.
 */
export function calendarDaysBetween(from: Date, to: Date, timeZone: string = PLAN_TIME_ZONE): number {
  const dayNumber = (instant: Date): number => {
    const { year, month, day } = wallClock(instant, timeZone);
    return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
  };
  return dayNumber(to) - dayNumber(from);
}
