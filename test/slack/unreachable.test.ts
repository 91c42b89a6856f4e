/**
 * Slack configured but not reachable (or the token rejected): serve() does not hang or crash, the
 * web chat keeps answering, one clear log line says what is wrong, and no token reaches the log.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { serve } from '../../src/serve.js';
import { createTestApp } from '../support/app.js';
import { eventEnvelope, sendToSlackEndpoint } from '../support/fake-slack.js';
import { BOT_TOKEN, SIGNING_SECRET, memoryLogger, startHarness } from './harness.js';

/** A port on 127.0.0.1 where nothing listens (connection refused, no network needed). */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Slack unreachable', () => {
  it('serve() starts at once, the web chat answers, Slack says clearly it is unreachable', async () => {
    const port = await closedPort();
    const logger = memoryLogger();
    const app = await createTestApp({
      env: {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: `http://127.0.0.1:${port}/api/`,
        HOST: '127.0.0.1',
      },
      logger,
    });
    const started = Date.now();
    const running = await serve(app);
    try {
      expect(Date.now() - started).toBeLessThan(2000);
      const res = await fetch(`${running.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: 'web-client-9', text: 'hulp' }),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { replies: unknown[] }).replies.length).toBeGreaterThan(0);

      // Slack events are refused with 503 (Slack retries later) while the bot is not connected.
      const body = JSON.stringify(
        eventEnvelope({ type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'hulp', ts: '1.1' }),
      );
      const slackRes = await sendToSlackEndpoint(`${running.url}/slack/events`, body, { secret: SIGNING_SECRET });
      expect(slackRes.status).toBe(503);

      const line = await waitFor(
        () => logger.entries.find((e) => e.level === 'error' && e.msg?.startsWith('Slack is not reachable')),
        10_000,
      );
      expect(line.msg).toMatch(/web chat and other surfaces keep running; trying Slack again in \d+ s/);
      expect(logger.text()).not.toContain(BOT_TOKEN);
      expect(logger.text()).not.toContain(SIGNING_SECRET);
    } finally {
      const stopping = Date.now();
      await running.stop();
      // A pending reconnect must not hold up shutdown.
      expect(Date.now() - stopping).toBeLessThan(3000);
    }
  });

  it('a rejected token is reported once, clearly, and not retried', async () => {
    const h = await startHarness({
      waitConnected: false,
      prepare: (fake) => fake.override('auth.test', () => ({ body: { ok: false, error: 'invalid_auth' } })),
    });
    try {
      const line = await waitFor(() => h.logger.entries.find((e) => e.msg?.startsWith('Slack rejected SLACK_BOT_TOKEN')), 5000);
      expect(line.level).toBe('error');
      expect(line.msg).toContain('invalid_auth');
      // The harness retries after 100 ms when Slack is merely unreachable; a rejected token is not retried.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(h.fake.callsTo('auth.test')).toHaveLength(1);
      await expect(h.slack.messenger.postToChannel('C1', [{ text: 'x' }])).rejects.toThrow(/not connected/);
    } finally {
      await h.close();
    }
  });

  it('retries after an outage and connects when Slack is back', async () => {
    let down = true;
    const h = await startHarness({
      waitConnected: false,
      prepare: (fake) => fake.override('auth.test', () => (down ? { status: 503, body: { ok: false } } : undefined)),
    });
    try {
      await waitFor(() => h.logger.entries.find((e) => e.msg?.startsWith('Slack is not reachable')), 5000);
      down = false;
      await h.slack.connected;
      expect(h.logger.entries.some((e) => e.msg?.startsWith('Slack connected as @buurtbot'))).toBe(true);
      await h.slack.messenger.postToChannel('C1', [{ text: 'Weer verbonden' }]);
      expect(h.fake.callsTo('chat.postMessage').map((c) => c.args.text)).toContain('Weer verbonden');
    } finally {
      await h.close();
    }
  });
});

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
