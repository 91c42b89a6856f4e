import { describe, expect, it } from 'vitest';
import type { PlannedDelivery } from '../../src/core/reminders/plan.js';
import { RetryExhaustedError, sendWithRetry } from '../../src/core/reminders/retry.js';
import { runReminderTick } from '../../src/core/reminders/tick.js';
import { local, planInput } from './fixtures.js';
import { MemoryDeliveryStore } from './memory-store.js';

function recorder() {
  const sent: PlannedDelivery[] = [];
  const delays: number[] = [];
  return {
    sent,
    delays,
    send: async (delivery: PlannedDelivery) => {
      sent.push(delivery);
    },
    sleep: async (ms: number) => {
      delays.push(ms);
    },
  };
}

describe('runReminderTick', () => {
  it('sends each due delivery once and marks it sent; the next tick sends nothing', async () => {
    const store = new MemoryDeliveryStore();
    const r = recorder();
    const input = planInput(local('2016-12-24T10:00'));
    const first = await runReminderTick({ planInput: input, store, send: r.send, sleep: r.sleep });
    expect(first.sent).toBe(4);
    expect(r.sent.map((d) => d.key)).toEqual(store.keysIn('sent'));
    // The 30- and 14-day reminders are long past: recorded as skipped, never sent.
    expect(first.skipped).toBe(8);
    expect(store.keysIn('skipped')).toContain('plan-van-aanpak:30:user:slack:T1:U1');

    const claimsBefore = store.claims;
    const again = await runReminderTick({ planInput: planInput(local('2016-12-24T10:05')), store, send: r.send, sleep: r.sleep });
    expect(again).toEqual({ sent: 0, skipped: 0, failed: 0 });
    expect(r.sent).toHaveLength(4);
    // The settled keys were read once; nothing was claimed again.
    expect(store.claims).toBe(claimsBefore);
    expect(store.settledReads).toBe(2);
  });

  it('is exactly-once under two concurrent ticks: the second sends 0', async () => {
    const store = new MemoryDeliveryStore();
    const r = recorder();
    const slowSend = async (delivery: PlannedDelivery) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      await r.send(delivery);
    };
    const input = planInput(local('2016-12-24T10:00'));
    const [a, b] = await Promise.all([
      runReminderTick({ planInput: input, store, send: slowSend, sleep: r.sleep }),
      runReminderTick({ planInput: input, store, send: slowSend, sleep: r.sleep }),
    ]);
    expect(a.sent).toBe(4);
    expect(b).toEqual({ sent: 0, skipped: 0, failed: 0 });
    const keys = r.sent.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(4);
  });

  it('records beyond-grace reminders as skipped without sending', async () => {
    const store = new MemoryDeliveryStore();
    const r = recorder();
    const result = await runReminderTick({
      planInput: planInput(local('2016-12-24T15:00'), { settings: { graceHours: 4 } }),
      store,
      send: r.send,
      sleep: r.sleep,
    });
    expect(result).toEqual({ sent: 0, skipped: 12, failed: 0 });
    expect(r.sent).toEqual([]);
    expect(store.keysIn('skipped')).toContain('plan-van-aanpak:7:channel:slack:C123');
  });

  it('retries with exponential backoff, then marks sent', async () => {
    const store = new MemoryDeliveryStore();
    const delays: number[] = [];
    let calls = 0;
    const flaky = async (delivery: PlannedDelivery) => {
      if (delivery.key !== 'plan-van-aanpak:7:channel:slack:C123') return;
      calls += 1;
      if (calls < 3) throw new Error('rate limited');
    };
    const result = await runReminderTick({
      planInput: planInput(local('2016-12-24T10:00'), { platforms: [] }),
      store,
      send: flaky,
      sleep: async (ms) => {
        delays.push(ms);
      },
      retry: { attempts: 4, baseDelayMs: 250 },
    });
    expect(calls).toBe(3);
    expect(delays).toEqual([250, 500]);
    expect(result).toMatchObject({ sent: 2, failed: 0 });
    expect(store.records.get('plan-van-aanpak:7:channel:slack:C123')?.state).toBe('sent');
  });

  it('marks a delivery failed after the last attempt and carries on with the others', async () => {
    const store = new MemoryDeliveryStore();
    const delays: number[] = [];
    const r = recorder();
    const broken = async (delivery: PlannedDelivery) => {
      if (delivery.target.kind === 'channel' && delivery.target.surface === 'discord') throw new Error('Missing Access');
      await r.send(delivery);
    };
    const result = await runReminderTick({
      planInput: planInput(local('2016-12-24T10:00'), { platforms: [] }),
      store,
      send: broken,
      sleep: async (ms) => {
        delays.push(ms);
      },
      retry: { attempts: 3, baseDelayMs: 100 },
    });
    expect(result).toMatchObject({ sent: 1, failed: 1 });
    expect(delays).toEqual([100, 200]);
    expect(store.records.get('plan-van-aanpak:7:channel:discord:D456')).toMatchObject({
      state: 'failed',
      error: 'Missing Access',
      attempt: 3,
    });
    // A failed key stays claimed: the next tick does not retry it (the store decides about re-sending).
    const next = await runReminderTick({
      planInput: planInput(local('2016-12-24T10:05'), { platforms: [] }),
      store,
      send: broken,
      sleep: r.sleep,
    });
    expect(next).toEqual({ sent: 0, skipped: 0, failed: 0 });
  });
});

describe('sendWithRetry', () => {
  it('doubles the delay each time and never sleeps after the last attempt', async () => {
    const delays: number[] = [];
    let calls = 0;
    const attempt = sendWithRetry(
      async () => {
        calls += 1;
        throw new Error(`boom ${calls}`);
      },
      { attempts: 4, baseDelayMs: 1000, sleep: async (ms) => void delays.push(ms) },
    );
    await expect(attempt).rejects.toBeInstanceOf(RetryExhaustedError);
    await expect(attempt).rejects.toMatchObject({ attempts: 4, message: 'boom 4' });
    expect(delays).toEqual([1000, 2000, 4000]);
  });

  it('returns the result of the first success', async () => {
    let calls = 0;
    const result = await sendWithRetry(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('once');
        return 'ok';
      },
      { attempts: 3, baseDelayMs: 10, sleep: async () => undefined },
    );
    expect([result, calls]).toEqual(['ok', 2]);
  });

  it('stops at once for an error that waiting will not fix', async () => {
    const delays: number[] = [];
    const attempt = sendWithRetry(
      async () => {
        throw new Error('not_in_channel');
      },
      { attempts: 5, baseDelayMs: 10, sleep: async (ms) => void delays.push(ms), retryable: (e) => !String(e).includes('not_in_channel') },
    );
    await expect(attempt).rejects.toMatchObject({ attempts: 1 });
    expect(delays).toEqual([]);
  });
});
