/**
 * Issue 20.7: `serve` and `chat` can run on the letter's clock (BUURTBOT_START_AT or --start-at):
 * it starts at the chosen moment and runs on, so the deadline is ahead instead of past.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StartedAtClock } from '../../src/core/clock.js';
import { tempDir } from '../support/app.js';
import { runCli } from '../support/cli.js';

describe("the letter's clock", { timeout: 120_000 }, () => {
  it('starts at the chosen moment and runs on from there', () => {
    let real = 1_000_000;
    const clock = new StartedAtClock(new Date('2016-11-20T09:00:00Z'), () => real);
    expect(clock.now().toISOString()).toBe('2016-11-20T09:00:00.000Z');
    real += 90_000;
    expect(clock.now().toISOString()).toBe('2016-11-20T09:01:30.000Z');
  });

  it('the terminal chat on 20 November 2016 counts down to the deadline; on today’s clock it has passed', async () => {
    const env = { DATABASE_URL: `file:${path.join(tempDir(), 'clock.db')}`, SCHEDULER_ENABLED: 'false' };
    await runCli(['platform', 'add', 'Buurtplatform Wyck', '--json'], '', env);
    await runCli(['member', 'add', 'wyck', 'cli:anna'], '', env);
    const then = await runCli(['chat', '--jsonl', '--user', 'anna', '--name', 'Anna'], 'plan\n', {
      ...env,
      BUURTBOT_START_AT: '2016-11-20T10:00:00+01:00',
    });
    expect(then.stdout).toContain('Nog 41 dagen tot de deadline');
    expect(then.stdout).not.toContain('verstreken');
    const flag = await runCli(['chat', '--jsonl', '--user', 'anna', '--start-at', '2016-12-21T10:00:00+01:00'], 'plan\n', env);
    expect(flag.stdout).toContain('Nog 10 dagen tot de deadline');
    const now = await runCli(['chat', '--jsonl', '--user', 'anna'], 'plan\n', env);
    expect(now.stdout).toContain('verstreken');
  });

  it('a malformed moment is a clear error naming the variable or the flag', async () => {
    const bad = await runCli(['chat', '--jsonl'], '', { BUURTBOT_START_AT: '20 november' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('BUURTBOT_START_AT');
    const badFlag = await runCli(['chat', '--jsonl', '--start-at', 'gisteren'], '', {});
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain('--start-at');
  });
});
