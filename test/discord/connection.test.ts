/**
 * Staying connected, and failing well: a dropped gateway connection is resumed; an unreachable
 * Discord, a refused token or a refused intent never takes `serve` (and the web chat) down.
 */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { serve, type Running } from '../../src/serve.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { ALICE, FakeDiscord, TOKEN } from '../support/fake-discord.js';
import { discordEnv, memoryLogger, startHarness, type Harness } from './harness.js';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()?.();
});

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function askWeb(running: Running): Promise<string> {
  const res = await fetch(`${running.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: 'web-client-01', text: 'hulp' }),
  });
  const body = (await res.json()) as { replies: Array<{ text: string }> };
  return body.replies[0]?.text ?? '';
}

describe('discord: reconnecting', () => {
  it('resumes after the gateway drops the connection and answers the next message', async () => {
    const h: Harness = await startHarness();
    cleanup.push(() => h.stop());
    const identifies = h.fake.count(2);
    h.fake.drop(4000);
    // discord.js reconnects to the resume URL from READY and sends RESUME with the session id.
    const resume = await h.fake.waitFor(() => h.fake.resumes()[0], 10_000, 'RESUME');
    expect(resume.token).toBe(TOKEN);
    expect(resume.session_id).toMatch(/^session-/);
    expect(h.fake.count(2)).toBe(identifies);
    await waitForLog(h.logger, (e) => e.msg.includes('connection resumed'));
    expect(h.logger.entries.some((e) => e.level === 'warn' && e.msg.includes('reconnecting'))).toBe(true);

    const from = h.fake.sent.length;
    const dm = h.fake.directMessage(ALICE, 'hulp');
    const [answer] = await h.fake.waitForSent(from);
    expect(answer?.replyTo).toBe(dm.id);
    expect(answer?.content).toContain('Dit kan ik voor je doen');
  });

  it('identifies afresh when the session cannot be resumed (normal close)', async () => {
    const h: Harness = await startHarness();
    cleanup.push(() => h.stop());
    const identifies = h.fake.count(2);
    h.fake.drop(1000);
    await h.fake.waitFor(() => h.fake.count(2) > identifies, 10_000, 'a new IDENTIFY');
    await h.fake.waitFor(() => h.fake.sockets.size === 1 && h.fake.gatewayIn.length > 0, 5000, 'a connection');
    // Give discord.js a moment to process READY on the new session before sending.
    await new Promise((r) => setTimeout(r, 200));
    const from = h.fake.sent.length;
    h.fake.directMessage(ALICE, 'hulp');
    const [answer] = await h.fake.waitForSent(from);
    expect(answer?.content).toContain('Dit kan ik voor je doen');
  });
});

describe('discord: failing well', () => {
  it('with Discord unreachable, serve starts, logs one clear line and the web chat answers', async () => {
    const port = await closedPort();
    const logger = memoryLogger();
    const app: TestApp = await createTestApp({ env: discordEnv({ apiUrl: `http://127.0.0.1:${port}/api` }), logger });
    const running = await serve(app);
    cleanup.push(() => running.stop());
    expect(await askWeb(running)).toContain('Dit kan ik voor je doen');
    const line = await waitForLog(logger, (e) => e.level === 'error' && e.msg.includes('Discord is unreachable'));
    expect(line.msg).toMatch(/other surfaces keep running/);
    expect(line.msg).toMatch(/Retrying in \d+ s/);
    // Still serving after the failure.
    expect(await askWeb(running)).toContain('Dit kan ik voor je doen');
    expect(logger.text()).not.toContain(TOKEN);
  });

  it('keeps retrying while unreachable and connects once Discord is back', async () => {
    const port = await closedPort();
    const logger = memoryLogger();
    const app: TestApp = await createTestApp({ env: discordEnv({ apiUrl: `http://127.0.0.1:${port}/api` }), logger });
    cleanup.push(() => app.close());
    const { startDiscord } = await import('../../src/adapters/discord/surface.js');
    const surface = startDiscord(app, { retryDelaysMs: [300], waitGuildTimeout: 200 });
    cleanup.push(() => surface.stop());
    await waitForLog(logger, (e) => e.msg.includes('Discord is unreachable'));
    // Discord comes back on the same address.
    const fake = new FakeDiscord();
    await listenOn(fake, port);
    cleanup.push(() => fake.stop());
    await surface.ready;
    expect(fake.count(2)).toBe(1);
  });

  it('a refused token is reported with what to do, without retrying', async () => {
    const fake = await new FakeDiscord().start();
    cleanup.push(() => fake.stop());
    const logger = memoryLogger();
    const app = await createTestApp({ env: discordEnv(fake, { DISCORD_TOKEN: 'wrong-token-for-this-test' }), logger });
    const running = await serve(app);
    cleanup.push(() => running.stop());
    const line = await waitForLog(logger, (e) => e.level === 'error' && e.msg.includes('refused the token'));
    expect(line.msg).toContain('DISCORD_TOKEN');
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.requests.filter((r) => r.path === '/gateway/bot')).toHaveLength(1);
    expect(await askWeb(running)).toContain('Dit kan ik voor je doen');
    expect(logger.text()).not.toContain('wrong-token-for-this-test');
  });

  it('a refused Message Content intent is reported with where to switch it on', async () => {
    const fake = await new FakeDiscord({ messageContentAllowed: false }).start();
    cleanup.push(() => fake.stop());
    const logger = memoryLogger();
    const app = await createTestApp({ env: discordEnv(fake), logger });
    const running = await serve(app);
    cleanup.push(() => running.stop());
    const line = await waitForLog(logger, (e) => e.level === 'error' && e.msg.includes('Message Content intent'));
    expect(line.msg).toContain('Privileged Gateway Intents');
    expect(await askWeb(running)).toContain('Dit kan ik voor je doen');
  });

  it('never logs the token over a whole session', async () => {
    const h: Harness = await startHarness();
    cleanup.push(() => h.stop());
    h.fake.directMessage(ALICE, 'hulp');
    await h.settle(0);
    expect(h.logger.entries.length).toBeGreaterThan(2);
    expect(h.logger.text()).not.toContain(TOKEN);
  });
});

async function waitForLog(
  logger: ReturnType<typeof memoryLogger>,
  match: (e: ReturnType<typeof memoryLogger>['entries'][number]) => boolean,
  timeoutMs = 10_000,
) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = logger.entries.find(match);
    if (found) return found;
    if (Date.now() > until) throw new Error(`no such log line; got:\n${logger.text()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function listenOn(fake: FakeDiscord, port: number): Promise<void> {
  const server = (fake as unknown as { server: import('node:http').Server }).server;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  fake.port = port;
}
