import type { PlannedDelivery } from './plan.js';

/** Everything about a delivery except its key, for the store's record. */
export type DeliveryInfo = Omit<PlannedDelivery, 'key'>;

/**
 * Remembers delivery keys so each reminder goes out at most once, across ticks, restarts and
 * concurrent runners. Implemented in storage (unique key column); an in-memory one lives in the tests.
 */
export interface DeliveryStore {
  /** Atomically records the key; false if it already exists (whatever its state), so the caller must not send. */
  claim(key: string, info: DeliveryInfo): Promise<boolean>;
  /**
   * Of these keys, the ones that need no more work (recorded and not waiting for a retry). A tick
   * reads them in one go and skips them, instead of one failing claim each: every tick plans all
   * reminders already due, thousands with many board members. `claim` stays the guard.
   */
  settled(keys: readonly string[]): Promise<ReadonlySet<string>>;
  markSent(key: string): Promise<void>;
  /** Final: called once, after the last attempt; `attempt` = attempts made. The key stays claimed. */
  markFailed(key: string, error: string, attempt: number): Promise<void>;
  /** A missed (beyond grace) or superseded reminder, recorded instead of sent. */
  markSkipped(key: string): Promise<void>;
}

/** Delivers one planned message on its surface (adapter side). Rejects on failure. */
export type SendDelivery = (delivery: PlannedDelivery) => Promise<void>;

/** Injected so tests (and `--at` runs) never wait for real. */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
