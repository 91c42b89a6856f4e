/**
 * Several bot instances on one PostgreSQL database (the issue-9 deployment): a Slack event
 * delivered to two instances (a load balancer retry) is answered once, and the bot survives a
 * database restart.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { startSlack } from '../../src/adapters/slack/index.js';
import { WebServer } from '../../src/adapters/web/server.js';
import { silentLogger } from '../../src/core/ports.js';
import { ROOT_DIR } from '../../src/config/load.js';
import { createTestApp } from '../support/app.js';
import { ChatDriver } from '../support/chat.js';
import { eventEnvelope, FakeSlack, sendToSlackEndpoint } from '../support/fake-slack.js';

const SECRET = 'scale-test-signing-secret';
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe('several instances on one PostgreSQL database', () => {
  it('a Slack event that reaches two instances is answered once', async () => {
    const fake = await FakeSlack.start();
    cleanups.push(() => fake.close());
    const env = { SLACK_BOT_TOKEN: 'xoxb-scale-1', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, SCHEDULER_ENABLED: 'false' };
    const first = await createTestApp({ db: 'postgres', env });
    const second = await createApp(first.config, { logger: silentLogger, clock: first.clock });
    const urls: string[] = [];
    for (const app of [first, second]) {
      const web = new WebServer(silentLogger);
      const slack = startSlack(app, web, {
        minIntervalMs: 0,
        tuning: { retries: 0, minRetryDelayMs: 10, maxRetryDelayMs: 20, requestTimeoutMs: 2000 },
        retryDelaysMs: [100],
      });
      const address = await web.listen(0, '127.0.0.1');
      await slack.connected;
      urls.push(`http://127.0.0.1:${address.port}/slack/events`);
      cleanups.push(async () => {
        await slack.stop();
        await web.close();
        await app.close();
      });
    }
    const ts = '1480000999.000100';
    const body = JSON.stringify(
      eventEnvelope({ type: 'message', channel_type: 'im', user: 'U1', text: 'help', ts, channel: 'D1', event_ts: ts }, 'EvSame'),
    );
    const responses = await Promise.all(
      urls.map((url, i) => sendToSlackEndpoint(url, body, { secret: SECRET, ...(i === 1 ? { retryNum: 1 } : {}) })),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    await fake.waitFor(() => (fake.callsTo('chat.postMessage').length ? true : undefined), 'an answer');
    // Give the other instance every chance to (wrongly) answer too.
    await new Promise((r) => setTimeout(r, 1500));
    expect(fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'D1')).toHaveLength(1);
  });

  it('survives a database restart: the message during the outage is refused as not stored, the next one works', async () => {
    // A cluster of its own, so restarting it does not disturb the other tests.
    const dir = path.join('/tmp', `buurtbot-pg-restart-${process.pid}`);
    const script = path.join(ROOT_DIR, 'scripts/pg-cluster.sh');
    const port = String(55000 + (process.pid % 1000));
    const env = { ...process.env, PGCLUSTER_DIR: dir };
    const url = execFileSync('bash', [script, 'start', port], { env, encoding: 'utf8' }).trim();
    // Stopped and removed afterwards: every run would otherwise leave ~47 MB behind in /tmp.
    cleanups.push(async () => {
      execFileSync('bash', [script, 'stop'], { env });
      fs.rmSync(dir, { recursive: true, force: true });
    });
    const app = await createTestApp({ env: { DATABASE_URL: url, SCHEDULER_ENABLED: 'false' } });
    cleanups.push(() => app.close());
    const anna = new ChatDriver(app, 'web:anna0000', 'Anna', 'web');
    expect(await anna.sayText('hulp')).toContain('Dit kan ik voor je doen');

    execFileSync('bash', [script, 'stop'], { env });
    // The message cannot be stored: it is refused (the web answers 503 "not stored"), never claimed as kept.
    await expect(anna.say('hulp')).rejects.toThrow();

    execFileSync('bash', [script, 'start', port], { env });
    let after = '';
    // The pool drops its broken connections and reconnects; allow it a few tries.
    for (let i = 0; i < 10 && !after.includes('Dit kan ik voor je doen'); i++) {
      after = await anna.sayText('hulp');
      if (!after.includes('Dit kan ik voor je doen')) await new Promise((r) => setTimeout(r, 300));
    }
    expect(after).toContain('Dit kan ik voor je doen');
  }, 60_000);
});

describe('serve and an unreachable database', () => {
  it('a CLI command fails at once with a clear message naming the host', async () => {
    const { runCli } = await import('../support/cli.js');
    const { code, stderr } = await runCli(['platform', 'list'], '', { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/buurtbot' });
    expect(code).toBe(1);
    expect(stderr).toContain('cannot reach PostgreSQL at 127.0.0.1:1');
  });

  it('serve waits for it, saying so, and starts when it comes up', async () => {
    const { createAppWaitingForDatabase } = await import('../../src/cli/serve-command.js');
    const { StorageError } = await import('../../src/storage/errors.js');
    const warnings: string[] = [];
    const logger = { ...silentLogger, warn: (_o: unknown, msg?: string) => void warnings.push(msg ?? '') };
    let attempts = 0;
    const result = await createAppWaitingForDatabase(
      async () => {
        if (++attempts < 3)
          throw new StorageError('cannot reach PostgreSQL at 127.0.0.1:5432 (connect ECONNREFUSED)', { unreachable: true });
        return 'app';
      },
      10_000,
      logger,
      10,
    );
    expect(result).toBe('app');
    expect(warnings).toEqual(['database not reachable yet; trying again in 0.01 s', 'database not reachable yet; trying again in 0.01 s']);
    await expect(
      createAppWaitingForDatabase(async () => Promise.reject(new StorageError('the data folder /x is not writable')), 10_000, logger, 10),
    ).rejects.toThrow('not writable');
  });
});
