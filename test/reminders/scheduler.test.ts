import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_CRON, ReminderScheduler } from '../../src/reminder-scheduler.js';

const started: ReminderScheduler[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()));
});

describe('ReminderScheduler', () => {
  it('defaults to every 5 minutes and refuses a bad expression at construction', () => {
    expect(DEFAULT_REMINDER_CRON).toBe('*/5 * * * *');
    expect(() => new ReminderScheduler({ tick: async () => undefined, cron: 'every minute', onError: () => undefined })).toThrow(
      /invalid cron expression for reminders: "every minute"/,
    );
  });

  it('reports a failing tick through onError instead of rejecting', async () => {
    const errors: unknown[] = [];
    const scheduler = new ReminderScheduler({
      tick: async () => {
        throw new Error('database down');
      },
      onError: (error) => errors.push(error),
    });
    await expect(scheduler.runOnce()).resolves.toBeUndefined();
    expect(String(errors[0])).toContain('database down');
  });

  it('survives an onError that throws', async () => {
    const scheduler = new ReminderScheduler({
      tick: async () => {
        throw new Error('tick');
      },
      onError: () => {
        throw new Error('logger');
      },
    });
    await expect(scheduler.runOnce()).resolves.toBeUndefined();
  });

  it('runs the tick on schedule after start and not after stop', async () => {
    let ticks = 0;
    const errors: unknown[] = [];
    const scheduler = new ReminderScheduler({
      cron: '* * * * * *', // every second, to keep the test short
      tick: async () => {
        ticks += 1;
        if (ticks === 1) throw new Error('first tick fails');
      },
      onError: (error) => errors.push(error),
    });
    started.push(scheduler);
    expect(scheduler.running).toBe(false);
    scheduler.start();
    scheduler.start(); // idempotent: still one task
    expect(scheduler.running).toBe(true);
    const deadline = Date.now() + 5_000;
    while (ticks < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ticks).toBeGreaterThanOrEqual(2); // the schedule went on after a failing tick
    expect(errors).toHaveLength(1);
    await scheduler.stop();
    expect(scheduler.running).toBe(false);
    const after = ticks;
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(ticks).toBe(after);
  });
});
