/**
 * Every message the bot posts goes through one queue per channel: in order, about one per second
 * per channel (Slack's chat.postMessage allowance), and on a 429 it waits the Retry-After Slack asked
 * for and tries again, so the message arrives once, later. The WebClient is told to reject
 * rate-limited calls instead of retrying them itself: otherwise it would pause every call of the
 * whole workspace, not just this channel's.
 */
import { webApi } from '@slack/bolt';
import { KeyedQueue } from '../../core/keyed-queue.js';
import type { Logger } from '../../core/ports.js';

export interface SenderOptions {
  /** Minimum gap between two posts to the same channel. */
  minIntervalMs: number;
  /** Tries per message when Slack keeps answering 429. */
  maxAttempts: number;
  /** When Slack sends no usable Retry-After. */
  fallbackRetryMs: number;
  logger: Logger;
}

export class SenderClosedError extends Error {
  constructor() {
    super('the Slack sender was stopped');
    this.name = 'SenderClosedError';
  }
}

export class RateLimitedSender {
  private readonly queue = new KeyedQueue();
  private readonly lastSent = new Map<string, number>();
  private readonly timers = new Set<{ timer: NodeJS.Timeout; reject: (error: Error) => void }>();
  private closed = false;

  constructor(private readonly options: SenderOptions) {}

  /** Runs `call` in the queue of `channel`; resolves with its result or rejects with its last error. */
  run<T>(channel: string, call: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new SenderClosedError());
    return this.queue.add(channel, () => this.attempt(channel, call));
  }

  /** Resolves when every queue is empty (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  close(): void {
    this.closed = true;
    for (const entry of this.timers) {
      clearTimeout(entry.timer);
      entry.reject(new SenderClosedError());
    }
    this.timers.clear();
  }

  private async attempt<T>(channel: string, call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const since = Date.now() - (this.lastSent.get(channel) ?? 0);
      if (since < this.options.minIntervalMs) await this.sleep(this.options.minIntervalMs - since);
      if (this.closed) throw new SenderClosedError();
      try {
        const value = await call();
        this.markSent(channel);
        return value;
      } catch (error) {
        this.markSent(channel);
        const waitMs = retryAfterMs(error, this.options.fallbackRetryMs);
        if (waitMs === undefined || attempt >= this.options.maxAttempts) throw error;
        this.options.logger.warn({ channel, waitMs, attempt }, 'Slack rate limit: waiting before posting again');
        await this.sleep(waitMs);
      }
    }
  }

  private markSent(channel: string): void {
    this.lastSent.set(channel, Date.now());
    if (this.lastSent.size > 5000) {
      const cutoff = Date.now() - this.options.minIntervalMs;
      for (const [key, at] of this.lastSent) if (at < cutoff) this.lastSent.delete(key);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const entry = {
        timer: setTimeout(() => {
          this.timers.delete(entry);
          resolve();
        }, ms),
        reject,
      };
      this.timers.add(entry);
    });
  }
}

/** How long Slack asked us to wait, or undefined when the error is not a rate limit. */
export function retryAfterMs(error: unknown, fallbackMs: number): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { code?: unknown; retryAfter?: unknown; data?: { error?: unknown } };
  if (e.code === webApi.ErrorCode.RateLimitedError) {
    return typeof e.retryAfter === 'number' && e.retryAfter >= 0 ? e.retryAfter * 1000 : fallbackMs;
  }
  if (e.code === webApi.ErrorCode.PlatformError && e.data?.error === 'ratelimited') return fallbackMs;
  return undefined;
}
