/**
 * Bounded model calls. Every call runs against one deadline, so a slow, stalled or rate-limited
 * server can delay an answer by at most
 *
 *     bound = timeoutMs × (maxRetries + 1) + marginMs
 *
 * after which the caller falls back to the offline answer. Retries happen here (the SDK's own
 * retries are switched off) because the SDK sleeps for whatever Retry-After says, unbounded; here
 * a Retry-After is honoured only when the wait and a useful attempt still fit in the budget.
 */
import { ModelError } from './model-ports.js';

export interface BudgetPolicy {
  /** One attempt may take at most this long (OPENAI_TIMEOUT_MS). */
  timeoutMs: number;
  /** Attempts after the first (OPENAI_MAX_RETRIES). */
  maxRetries: number;
  /** Room for waits between attempts and the offline fallback itself. */
  marginMs: number;
}

/** Waits between attempts, and the offline fallback, fit in this. */
export const DEFAULT_MARGIN_MS = 1000;
/** An attempt with less time than this left is not worth starting. */
const MIN_ATTEMPT_MS = 100;
/** Backoff when the server does not say how long to wait: 200 ms, 400 ms, 800 ms, ... */
const BACKOFF_BASE_MS = 200;
/**
 * After its own timeout, an attempt may take this long to settle (and record its usage) before we
 * stop waiting. At the overall deadline there is no grace: the bound is a promise.
 */
const ABORT_GRACE_MS = 50;

/** The longest a model-backed answer can take before the offline answer is given. */
export function boundMs(policy: BudgetPolicy): number {
  return policy.timeoutMs * (policy.maxRetries + 1) + policy.marginMs;
}

export class Deadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly endsAt: number;

  constructor(ms: number) {
    this.endsAt = performance.now() + ms;
    this.timer = setTimeout(() => this.controller.abort(new ModelError('timeout', `no answer within ${ms} ms`)), ms);
    this.timer.unref();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  remaining(): number {
    return Math.max(0, this.endsAt - performance.now());
  }

  /** Stop early (the app closes). */
  abort(reason: ModelError): void {
    this.controller.abort(reason);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}

export interface AttemptInfo {
  attempt: number;
  error: ModelError;
  /** How long the next attempt waits, or undefined when this was the last. */
  waitMs: number | undefined;
}

/**
 * Runs `attempt` until it succeeds, a non-retryable error occurs, retries run out, or the deadline
 * passes. Each attempt gets a signal that aborts at its own timeout or at the deadline, and is
 * raced against that signal (after a short grace), so a client that ignores aborts cannot hold
 * the caller; the margin in the bound covers the grace.
 */
export async function withRetries<T>(
  policy: BudgetPolicy,
  deadline: Deadline,
  attempt: (signal: AbortSignal, timeoutMs: number) => Promise<T>,
  onError?: (info: AttemptInfo) => void,
): Promise<T> {
  for (let n = 0; ; n++) {
    const left = deadline.remaining();
    if (left < MIN_ATTEMPT_MS || deadline.signal.aborted)
      throw new ModelError('timeout', 'the time budget ran out before an attempt could start');
    const timeoutMs = Math.floor(Math.min(policy.timeoutMs, left));
    const own = new AbortController();
    const timer = setTimeout(() => own.abort(new ModelError('timeout', `attempt took longer than ${timeoutMs} ms`)), timeoutMs);
    const signal = AbortSignal.any([deadline.signal, own.signal]);
    try {
      return await raceAbort(attempt(signal, timeoutMs), signal, deadline.signal);
    } catch (raw) {
      const error = normalize(raw, signal);
      const waitMs = nextWait(policy, deadline, n, error);
      onError?.({ attempt: n + 1, error, waitMs });
      if (waitMs === undefined) throw error;
      await sleep(waitMs, deadline.signal);
    } finally {
      clearTimeout(timer);
    }
  }
}

function nextWait(policy: BudgetPolicy, deadline: Deadline, n: number, error: ModelError): number | undefined {
  if (!error.retryable || n >= policy.maxRetries) return undefined;
  const wait = error.details.retryAfterMs ?? BACKOFF_BASE_MS * 2 ** n;
  // A Retry-After beyond the budget means: give up now and answer offline, rather than wait for nothing.
  if (wait + MIN_ATTEMPT_MS > deadline.remaining()) return undefined;
  return Math.max(0, wait);
}

/** An aborted signal means a timeout of ours, whatever the client made of it. */
function normalize(raw: unknown, signal: AbortSignal): ModelError {
  if (signal.aborted) {
    const reason: unknown = signal.reason;
    return reason instanceof ModelError ? reason : new ModelError('timeout', 'aborted');
  }
  if (raw instanceof ModelError) return raw;
  return new ModelError('unknown', raw instanceof Error ? raw.message : String(raw));
}

function raceAbort<T>(work: Promise<T>, signal: AbortSignal, deadline: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let grace: NodeJS.Timeout | undefined;
    const onAbort = () => {
      if (deadline.aborted) reject(signal.reason as Error);
      else grace = setTimeout(() => reject(signal.reason as Error), ABORT_GRACE_MS);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    const settle = () => {
      clearTimeout(grace);
      signal.removeEventListener('abort', onAbort);
    };
    work.then(
      (value) => {
        settle();
        resolve(value);
      },
      (error: unknown) => {
        settle();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
