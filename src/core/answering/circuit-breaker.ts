/**
 * When the model server is down, every question would wait the whole retry budget (seconds)
 * before its offline answer. After `threshold` failures in a row the breaker opens: questions are
 * answered offline at once, and every `cooldownMs` one question is also sent to the model in the
 * background as a probe (its answer is not shown). The first probe that succeeds closes it.
 */
export interface BreakerOptions {
  threshold: number;
  cooldownMs: number;
  now?: () => number;
}

export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  private probing = false;
  private readonly now: () => number;

  constructor(private readonly options: BreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** True while calls go through (closed). */
  get closed(): boolean {
    return this.openedAt === undefined;
  }

  /** While open: true once per cooldown, for one background probe at a time. */
  takeProbe(): boolean {
    if (this.openedAt === undefined || this.probing) return false;
    if (this.now() - this.openedAt < this.options.cooldownMs) return false;
    this.probing = true;
    return true;
  }

  succeeded(): void {
    this.failures = 0;
    this.openedAt = undefined;
    this.probing = false;
  }

  /** Returns true when this failure opened the breaker (to log it once). */
  failed(): boolean {
    this.failures += 1;
    const wasClosed = this.openedAt === undefined;
    if (this.probing || this.failures >= this.options.threshold) this.openedAt = this.now();
    this.probing = false;
    return wasClosed && this.openedAt !== undefined;
  }
}
