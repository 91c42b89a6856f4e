/**
 * Time comes from an injected clock everywhere it matters (reminders, digests, deadlines,
 * tests), never from `new Date()` inside the core.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved; for tests and `--at` commands. */
export class FixedClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(to: Date): void {
    this.current = new Date(to.getTime());
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/**
 * A clock that starts at a chosen moment and runs on from there (`BUURTBOT_START_AT`, `--start-at`):
 * the letter's dates lie in the past, and this lets people see countdowns, reminders and choices as
 * they were then. Only the business clock is shifted; leases, signatures and logs keep real time.
 */
export class StartedAtClock implements Clock {
  private readonly offsetMs: number;

  constructor(
    startAt: Date,
    private readonly realNow: () => number = Date.now,
  ) {
    this.offsetMs = startAt.getTime() - realNow();
  }

  now(): Date {
    return new Date(this.realNow() + this.offsetMs);
  }
}
