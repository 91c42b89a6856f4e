import type { DeliveryInfo, DeliveryStore } from '../../src/core/reminders/ports.js';

export type DeliveryState = 'claimed' | 'sent' | 'failed' | 'skipped';

export interface StoredDelivery {
  info: DeliveryInfo;
  state: DeliveryState;
  error?: string;
  attempt?: number;
}

/**
 * A DeliveryStore in a Map for tests. `claim` checks and sets before its first await, which is what a
 * unique-key insert gives the real store: two concurrent claims of one key cannot both win.
 */
export class MemoryDeliveryStore implements DeliveryStore {
  readonly records = new Map<string, StoredDelivery>();
  /** Calls, so tests can see how much work a tick did. */
  claims = 0;
  settledReads = 0;

  async claim(key: string, info: DeliveryInfo): Promise<boolean> {
    this.claims += 1;
    if (this.records.has(key)) return false;
    this.records.set(key, { info, state: 'claimed' });
    return true;
  }

  /** Every recorded key except failed ones (the memory store has no retry limit). */
  async settled(keys: readonly string[]): Promise<ReadonlySet<string>> {
    this.settledReads += 1;
    return new Set(
      keys.filter((key) => {
        const record = this.records.get(key);
        return record !== undefined && record.state !== 'failed';
      }),
    );
  }

  async markSent(key: string): Promise<void> {
    this.update(key, { state: 'sent' });
  }

  async markFailed(key: string, error: string, attempt: number): Promise<void> {
    this.update(key, { state: 'failed', error, attempt });
  }

  async markSkipped(key: string): Promise<void> {
    this.update(key, { state: 'skipped' });
  }

  keysIn(state: DeliveryState): string[] {
    return [...this.records].filter(([, record]) => record.state === state).map(([key]) => key);
  }

  private update(key: string, change: Partial<StoredDelivery>): void {
    const record = this.records.get(key);
    if (record === undefined) throw new Error(`mark before claim: ${key}`);
    Object.assign(record, change);
  }
}
