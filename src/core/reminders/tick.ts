import { planDeliveries, type PlanInput, type PlannedDelivery } from './plan.js';
import type { DeliveryStore, SendDelivery, Sleep } from './ports.js';
import { RetryExhaustedError, sendWithRetry, type RetryOptions } from './retry.js';

export interface ReminderTickDeps {
  /** Built by the caller from clock.now() and the repositories; the planning itself stays pure. */
  readonly planInput: PlanInput;
  readonly store: DeliveryStore;
  readonly send: SendDelivery;
  readonly sleep: Sleep;
  /** Defaults: 3 attempts, 1 s base delay, every error retryable. */
  readonly retry?: Partial<Omit<RetryOptions, 'sleep'>>;
}

export interface ReminderTickResult {
  readonly sent: number;
  readonly skipped: number;
  readonly failed: number;
}

/**
 * One scheduler tick: plan, claim, then send. All claims come before any send, so a second runner
 * started at the same time finds every key taken and sends nothing (and no key is sent twice).
 */
export async function runReminderTick(deps: ReminderTickDeps): Promise<ReminderTickResult> {
  const { store } = deps;
  const claimed: PlannedDelivery[] = [];
  const planned = planDeliveries(deps.planInput);
  const settled = await store.settled(planned.map((delivery) => delivery.key));
  for (const delivery of planned) {
    if (settled.has(delivery.key)) continue;
    const { key, ...info } = delivery;
    if (await store.claim(key, info)) claimed.push(delivery);
  }

  const retry: RetryOptions = {
    attempts: deps.retry?.attempts ?? 3,
    baseDelayMs: deps.retry?.baseDelayMs ?? 1_000,
    sleep: deps.sleep,
    ...(deps.retry?.retryable ? { retryable: deps.retry.retryable } : {}),
  };
  let sent = 0;
  let skipped = 0;
  let failed = 0;
  for (const delivery of claimed) {
    if (delivery.status === 'skip') {
      await store.markSkipped(delivery.key);
      skipped += 1;
      continue;
    }
    try {
      await sendWithRetry(() => deps.send(delivery), retry);
    } catch (error) {
      const attempts = error instanceof RetryExhaustedError ? error.attempts : 1;
      await store.markFailed(delivery.key, error instanceof Error ? error.message : String(error), attempts);
      failed += 1;
      continue;
    }
    await store.markSent(delivery.key);
    sent += 1;
  }
  return { sent, skipped, failed };
}
