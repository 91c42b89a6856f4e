/**
 * Issue 16: the web chat person is the server-issued session cookie, never an id the browser
 * sends. Knowing someone's public `web:<id>` gives nothing; a one-time code moves a browser to a
 * person once.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Running } from '../../src/serve.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { runCli } from '../support/cli.js';
import { WebClient } from '../support/web-client.js';

let app: TestApp;
let running: Running;

beforeAll(async () => {
  app = await createTestApp({ env: { SCHEDULER_ENABLED: 'false' } });
  running = await serve(app);
});
afterAll(async () => {
  await running.stop();
});

const codeIn = (text: string) => /\*([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})\*/.exec(text)?.[1] ?? '';

async function login(client: WebClient, code: string): Promise<number> {
  const res = await client.request('/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `code=${encodeURIComponent(code)}`,
  });
  return res.status;
}

describe('web identity', () => {
  it('issues an HttpOnly, SameSite=Lax session cookie and stores only its hash', async () => {
    const res = await fetch(`${running.url}/api/open`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^buurtbot_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const secret = cookie.split(';')[0]!.split('=')[1]!;
    const rows = await app.database.db.webSession.findMany();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(secret);
  });

  it('ignores an id in the body or query: someone who knows Anna’s web:<id> is still herself', async () => {
    const anna = new WebClient(running.url);
    await anna.say('hoi, ik ben Anna', { name: 'Anna' });
    const annaId = await anna.publicId();
    await app.outbox.toUser(annaId, [{ text: 'Antwoord van de coördinator voor Anna' }]);

    const mallory = new WebClient(running.url);
    const clientId = annaId.slice('web:'.length);
    const myData = await mallory.say('mijn gegevens', { clientId, name: 'Mallory' });
    expect(myData).not.toContain(annaId);
    expect(myData).toContain('Mallory');
    const notices = await mallory.getJson<{ notices: Array<{ text: string }> }>(`/api/notices?clientId=${clientId}`);
    expect(JSON.stringify(notices)).not.toContain('voor Anna');
    const history = await mallory.getJson<{ messages: Array<{ text: string }> }>(`/api/history?clientId=${clientId}`);
    expect(JSON.stringify(history)).not.toContain('ik ben Anna');
    // Anna herself sees her own things.
    expect(JSON.stringify(await anna.getJson('/api/notices'))).toContain('voor Anna');
  });

  it('the demo clientId `coordinator` is no back door', async () => {
    await app.users.setRole('web:coordinator', 'coordinator');
    const visitor = new WebClient(running.url);
    expect(await visitor.say('digest', { clientId: 'coordinator' })).toMatch(/alleen voor coördinatoren/);
  });

  it('`apparaat koppelen` gives a one-time code that moves another browser to the same person, once', async () => {
    const phone = new WebClient(running.url);
    await phone.say('hulp', { name: 'Bram' });
    const bram = await phone.publicId();
    const reply = await phone.say('apparaat koppelen');
    const code = codeIn(reply);
    expect(code).not.toBe('');
    expect(reply).toContain(`${running.url}/login?c=${code}`);
    // The code is a secret: the transcript keeps a placeholder, not the code.
    const history = await phone.getJson<{ messages: Array<{ text: string }> }>('/api/history');
    expect(JSON.stringify(history)).not.toContain(code);

    // Opening the link only shows the form (a link preview must not use the code up).
    const laptop = new WebClient(running.url);
    expect((await laptop.request(`/login?c=${code}`)).status).toBe(200);
    expect(await login(laptop, code.toLowerCase().replace(/-/g, ''))).toBe(303);
    expect(await laptop.publicId()).toBe(bram);
    expect(JSON.stringify(await laptop.getJson('/api/history'))).toContain('hulp');

    const other = new WebClient(running.url);
    expect(await login(other, code)).toBe(400);
    expect(await other.publicId()).not.toBe(bram);
  });

  it('`buurtbot user login-link <ref>` prints a link that signs a coordinator in once', async () => {
    const cli = await runCli(['user', 'login-link', 'web:coordinator'], '', {
      DATABASE_URL: `file:${path.join(app.dir, 'test.db')}`,
      PUBLIC_URL: running.url,
    });
    expect(cli.stderr).toBe('');
    const url = /(http:\/\/\S+\/login\?c=\S+)/.exec(cli.stdout)?.[1] ?? '';
    const code = new URL(url).searchParams.get('c') ?? '';
    const browser = new WebClient(running.url);
    expect(await login(browser, code)).toBe(303);
    expect(await browser.publicId()).toBe('web:coordinator');
    expect(await browser.say('digest')).not.toMatch(/alleen voor coördinatoren/);
    expect(await login(new WebClient(running.url), code)).toBe(400);
  });

  it('refuses a login form posted from another site', async () => {
    const res = await fetch(`${running.url}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: 'code=AAAA-BBBB-CCCC',
    });
    expect(res.status).toBe(403);
  });
});

describe('web identity behind https', () => {
  it('marks the cookie Secure when PUBLIC_URL is https', async () => {
    const other = await createTestApp({ env: { SCHEDULER_ENABLED: 'false', PUBLIC_URL: 'https://buurtbot.example.org' } });
    const r = await serve(other);
    const res = await fetch(`${r.url}/api/open`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure$/);
    await r.stop();
  });
});
