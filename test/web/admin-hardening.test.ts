/** Issue 16, coordinator page: rate-limited logins, a long token, reload-kb guarded, bad URLs 400. */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/core/ports.js';
import { serve, type Running } from '../../src/serve.js';
import { createTestApp, testConfig, type TestApp } from '../support/app.js';

const TOKEN = 'coordinator-secret-123';
const logged: Array<{ level: string; obj: unknown; msg: string | undefined }> = [];
const logger: Logger = Object.fromEntries(
  (['debug', 'info', 'warn', 'error'] as const).map((level) => [
    level,
    (obj: object | string, msg?: string) => void logged.push({ level, obj, msg }),
  ]),
) as unknown as Logger;

let app: TestApp;
let running: Running;

beforeAll(async () => {
  app = await createTestApp({ env: { COORDINATOR_TOKEN: TOKEN, SCHEDULER_ENABLED: 'false' }, logger });
  running = await serve(app);
  await app.platforms.create({ name: 'Buurtplatform Wyck' });
});
afterAll(async () => {
  await running.stop();
});

const reload = (headers: Record<string, string>) => fetch(`${running.url}/api/admin/reload-kb`, { method: 'POST', headers });
const basic = (password: string) => `Basic ${Buffer.from(`x:${password}`).toString('base64')}`;

describe('coordinator page hardening', () => {
  it('refuses a COORDINATOR_TOKEN shorter than 16 characters, naming the variable', () => {
    expect(() => testConfig({ COORDINATOR_TOKEN: 'geheim123' })).toThrow(/COORDINATOR_TOKEN.*16/s);
    expect(testConfig({ COORDINATOR_TOKEN: TOKEN }).COORDINATOR_TOKEN).toBe(TOKEN);
  });

  it('reloads the knowledge base only with the credential and from the same origin', async () => {
    expect((await reload({})).status).toBe(403);
    expect((await reload({ authorization: 'Bearer wrong-wrong-wrong-wrong' })).status).toBe(403);
    expect((await reload({ authorization: `Bearer ${TOKEN}`, origin: 'https://evil.example' })).status).toBe(403);
    expect((await reload({ authorization: `Bearer ${TOKEN}`, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await reload({ authorization: `Bearer ${TOKEN}`, origin: running.url, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    // The CLI sends neither header.
    expect((await reload({ authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });

  it('answers a malformed URL with 400, not 500', async () => {
    expect((await fetch(`${running.url}/%E0%A4%A`)).status).toBe(400);
    expect((await fetch(`${running.url}/coordinator/plan/%E0%A4%A`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(400);
    expect(logged.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('logs a client that hangs up mid-request at info, not as an error', async () => {
    const before = logged.length;
    await new Promise<void>((resolve) => {
      const socket = net.connect(running.port, '127.0.0.1', () => {
        socket.write('POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"text":');
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 100);
      });
    });
    await expect.poll(() => logged.slice(before).some((l) => l.level === 'info' && /client closed/.test(l.msg ?? ''))).toBe(true);
    expect(logged.slice(before).filter((l) => l.level === 'error')).toEqual([]);
  });

  // Last: it uses up this address's tries (the earlier wrong reload-kb token counted as one).
  it('limits failed logins per address: 429 with Retry-After, logged without the password', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await fetch(`${running.url}/coordinator`, { headers: { authorization: basic(`guess-number-${i}`) } })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const blocked = await fetch(`${running.url}/coordinator`, { headers: { authorization: basic(TOKEN) } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    const warnings = logged.filter((l) => l.level === 'warn' && /credential refused/.test(l.msg ?? ''));
    expect(warnings.length).toBe(5);
    expect(JSON.stringify(warnings)).toContain('127.0.0.1');
    expect(JSON.stringify(logged)).not.toMatch(/guess-number|wrong-wrong/);
    app.clock.advance(15 * 60_000 + 1000);
    expect((await fetch(`${running.url}/coordinator`, { headers: { authorization: basic(TOKEN) } })).status).toBe(200);
  });
});
