import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Running } from '../../src/serve.js';
import { ANSWERS, ChatDriver } from '../support/chat.js';
import { createTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
let running: Running;
const TOKEN = 'coordinator-secret-123';

beforeAll(async () => {
  app = await createTestApp({ env: { COORDINATOR_TOKEN: TOKEN, SCHEDULER_ENABLED: 'false' }, now: '2016-12-01T10:00:00+01:00' });
  running = await serve(app);
  const wyck = await app.platforms.create({ name: 'Buurtplatform Wyck' });
  const other = await app.platforms.create({ name: 'Buurtplatform Jekerdal' });
  await app.platforms.addMember(wyck.id, 'web:anna0000', 'board');
  await app.platforms.addMember(other.id, 'web:zoe00000', 'board');
  const anna = new ChatDriver(app, 'web:anna0000', 'Anna', 'web');
  await anna.say('plan');
  await anna.say(ANSWERS['platform-en-buurt'] + ' <script>alert(1)</script>');
});
afterAll(async () => {
  await running.stop();
});

const basic = (password: string) => `Basic ${Buffer.from(`x:${password}`).toString('base64')}`;

describe('readable plan and coordinator pages', () => {
  it('gives a member a signed link to a printable plan, with user text escaped', async () => {
    const anna = new ChatDriver(app, 'web:anna0000', 'Anna', 'web');
    const overview = await anna.sayText('overzicht');
    const link = /(http:\/\/127\.0\.0\.1:\d+\/plan\?t=[\w.-]+)/.exec(overview)?.[1];
    expect(link).toBeDefined();
    const res = await fetch(link!);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('Plan van Aanpak: Buurtplatform Wyck');
    expect(html).toContain('twaalf bewoners');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('Nog niet ingevuld');
  });

  it('refuses a tampered or forged link; a link names nobody', async () => {
    const anna = new ChatDriver(app, 'web:anna0000', 'Anna', 'web');
    const link = /(http:\/\/\S+\/plan\?t=[\w.-]+)/.exec(await anna.sayText('overzicht'))?.[1] ?? '';
    const [payload, sig] = new URL(link).searchParams.get('t')!.split('.');
    const forged = Buffer.from(JSON.stringify({ s: 'jekerdal', e: Date.now() + 1e9 })).toString('base64url');
    expect((await fetch(`${running.url}/plan?t=${forged}.${sig}`)).status).toBe(403);
    expect((await fetch(`${running.url}/plan?t=${payload}.AAAA`)).status).toBe(403);
    expect((await fetch(`${running.url}/plan`)).status).toBe(403);
    // A read-only capability for one plan: whoever it is forwarded to learns no one's id from it.
    expect(Buffer.from(payload!, 'base64url').toString('utf8')).not.toContain('anna0000');
  });

  it('the coordinator page refuses without the password and shows the overview with it', async () => {
    const none = await fetch(`${running.url}/coordinator`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect((await fetch(`${running.url}/coordinator`, { headers: { authorization: basic('wrong') } })).status).toBe(401);
    const ok = await fetch(`${running.url}/coordinator`, { headers: { authorization: basic(TOKEN) } });
    const html = await ok.text();
    expect(ok.status).toBe(200);
    expect(html).toContain('Buurtplatform Wyck');
    expect(html).toContain('1/9');
    expect(html).toContain('Buurtplatform Jekerdal');
    // The digest in chat links here: a link button, which sends nothing back to the bot.
    const digest = app.digests.reply(await app.digests.build());
    expect(digest.buttons).toEqual([
      {
        id: 'link:coordinator-page',
        label: 'Coördinatorpagina openen',
        typed: `${running.url}/coordinator`,
        url: `${running.url}/coordinator`,
      },
    ]);
    const plan = await fetch(`${running.url}/coordinator/plan/jekerdal`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(plan.status).toBe(200);
    expect((await fetch(`${running.url}/coordinator/plan/jekerdal`)).status).toBe(401);
  });

  it('reloads the knowledge base on request of a coordinator only', async () => {
    expect((await fetch(`${running.url}/api/admin/reload-kb`, { method: 'POST' })).status).toBe(403);
    const res = await fetch(`${running.url}/api/admin/reload-kb`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    const body = (await res.json()) as { entries: number; problems: number };
    expect(body.entries).toBeGreaterThan(100);
    expect(body.problems).toBe(0);
  });
});

describe('coordinator page without a configured password', () => {
  it('is switched off', async () => {
    const bare = await createTestApp({ env: { SCHEDULER_ENABLED: 'false' } });
    const r = await serve(bare);
    const res = await fetch(`${r.url}/coordinator`, { headers: { authorization: basic('') } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(/COORDINATOR_TOKEN/);
    await r.stop();
  });
});
