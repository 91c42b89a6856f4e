import type { Sleep } from './ports.js';

export interface RetryOptions {
  /** Total tries including the first; at least 1. */
  readonly attempts: number;
  /** Wait after the first failure; doubles after each further one (base, 2×base, 4×base, ...). */
  readonly baseDelayMs: number;
  readonly sleep: Sleep;
  /** False for errors that will not go away by waiting (no permission, unknown channel): stop at once. */
  readonly retryable?: (error: unknown) => boolean;
}

/** Thrown when every attempt failed; `cause` is the last error. */
export class RetryExhaustedError extends Error {
  constructor(
    readonly attempts: number,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'RetryExhaustedError';
  }
}

/** Runs `send`, retrying with exponential backoff; never sleeps after the last attempt. */
export async function sendWithRetry<T>(send: () => Promise<T>, options: RetryOptions): Promise<T> {
  const attempts = Math.max(1, Math.floor(options.attempts));
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      const retryable = options.retryable?.(error) ?? true;
      if (attempt >= attempts || !retryable) throw new RetryExhaustedError(attempt, error);
      await options.sleep(options.baseDelayMs * 2 ** (attempt - 1));
    }
  }
}
