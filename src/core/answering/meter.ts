/**
 * Usage accounting: every model call (each attempt, retries included) becomes one ModelUsage row,
 * which the coordinators' digest sums (requests, failures, tokens). Recording never breaks an
 * answer: a failed write is logged and forgotten.
 */
import type { Clock } from '../clock.js';
import type { Logger } from '../ports.js';
import { ModelError, type TokenUsage, type UsageStore } from './model-ports.js';

export interface MeterCounts {
  calls: number;
  failures: number;
  /** Failures by kind (timeout, rate-limit, server, malformed, ...). */
  byKind: Record<string, number>;
}

export class UsageMeter {
  private readonly counts: MeterCounts = { calls: 0, failures: 0, byKind: {} };
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly store: UsageStore | undefined,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Counters since startup (the digest reads the database; these are for logs and tests). */
  get totals(): Readonly<MeterCounts> {
    return this.counts;
  }

  /** Runs one call and records it; the call returns its value and the tokens it used. */
  async track<T>(
    kind: 'chat' | 'embedding',
    model: string,
    signal: AbortSignal | undefined,
    run: () => Promise<{ value: T; usage: TokenUsage }>,
  ): Promise<T> {
    const started = performance.now();
    const at = this.clock.now();
    try {
      const { value, usage } = await run();
      this.count(undefined);
      await this.write({
        model,
        kind,
        ok: true,
        promptTokens: usage.promptTokens,
        completionTokens: usage.completionTokens,
        latencyMs: elapsed(started),
        at,
      });
      return value;
    } catch (error) {
      // An abort is our own timeout (attempt or deadline), whatever the client called it.
      const reason: unknown = signal?.aborted ? signal.reason : undefined;
      const failure =
        reason instanceof ModelError
          ? reason
          : error instanceof ModelError
            ? error
            : new ModelError('unknown', error instanceof Error ? error.message : String(error));
      this.count(failure.kind);
      const usage = failure.details.usage;
      await this.write({
        model,
        kind,
        ok: false,
        error: failure.details.status ? `${failure.kind} (${failure.details.status})` : failure.kind,
        promptTokens: usage?.promptTokens ?? 0,
        completionTokens: usage?.completionTokens ?? 0,
        latencyMs: elapsed(started),
        at,
      });
      throw failure;
    }
  }

  private count(kind: string | undefined): void {
    this.counts.calls += 1;
    if (kind === undefined) return;
    this.counts.failures += 1;
    this.counts.byKind[kind] = (this.counts.byKind[kind] ?? 0) + 1;
  }

  /** Waits for usage rows still being written (before the database closes). */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  private async write(row: Parameters<UsageStore['record']>[0]): Promise<void> {
    if (!this.store) return;
    const writing = this.store.record(row).catch((error: unknown) => this.logger.warn({ err: error }, 'could not record model usage'));
    this.pending.add(writing);
    try {
      await writing;
    } finally {
      this.pending.delete(writing);
    }
  }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
