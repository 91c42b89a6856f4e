import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Running } from '../../src/serve.js';
import { createTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
let running: Running;
/** One browser's session cookie, kept across requests like a browser would. */
let cookie: string | undefined;

beforeAll(async () => {
  app = await createTestApp();
  running = await serve(app);
});
afterAll(async () => {
  await running.stop();
});

async function post(body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const res = await fetch(`${running.url}/api/messages`, {
    method: 'POST',
    headers: { ...headers, ...(cookie ? { cookie } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  cookie = res.headers.get('set-cookie')?.split(';')[0] ?? cookie;
  return {
    status: res.status,
    body: (await res.json()) as { replies?: Array<{ text: string; kind?: string }>; error?: string; duplicate?: boolean },
  };
}

describe('web chat over HTTP', () => {
  it('listens on 127.0.0.1 by default', () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the chat page without external resources', async () => {
    const res = await fetch(`${running.url}/`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(html).toContain('<textarea id="text"');
    expect(html).not.toMatch(/(src|href)="https?:\/\//);
  });

  it('answers a message with the reply contract', async () => {
    const { status, body } = await post({ name: 'Anna', text: 'hulp' });
    expect(status).toBe(200);
    expect(body.replies?.[0]?.text).toContain('Dit kan ik voor je doen');
  });

  it('answers a repeated messageId once, and gives the stored answer to the repeat (a page retrying a lost response)', async () => {
    const first = await post({ text: 'hulp', messageId: 'm-1' });
    const again = await post({ text: 'hulp', messageId: 'm-1' });
    expect(first.body.replies?.length).toBeGreaterThan(0);
    expect(again.body).toEqual(first.body);
    const conversation = await app.database.db.conversation.findFirstOrThrow({ where: { surface: 'web' }, include: { messages: true } });
    expect(conversation.messages.filter((m) => m.direction === 'in' && m.text === 'hulp')).toHaveLength(2);
  });

  it('answers empty and over-long messages politely', async () => {
    const empty = await post({ text: '   ' });
    expect(empty.body.replies?.[0]?.text).toMatch(/Je bericht is leeg/);
    const long = await post({ text: 'x'.repeat(5000) });
    expect(long.body.replies?.[0]?.text).toMatch(/te lang \(5000 tekens\)/);
  });

  it('says stored:false when the turn failed before anything was saved', async () => {
    const handle = app.engine.handle.bind(app.engine);
    app.engine.handle = () => Promise.reject(new Error('SQLITE_FULL: database or disk is full'));
    try {
      const { status, body } = await post({ text: 'Mijn tekst' });
      expect(status).toBe(200);
      expect(body).toMatchObject({ stored: false, replies: [{ kind: 'error' }] });
    } finally {
      app.engine.handle = handle;
    }
    expect((await post({ text: 'hulp' })).body).not.toHaveProperty('stored');
  });

  it('rejects invalid JSON with 400 and a reason', async () => {
    const res = await post('{"text": ');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/^invalid JSON/);
  });

  it('rejects missing fields and wrong content types', async () => {
    expect((await post({ name: 'Anna' })).body.error).toMatch(/send text, action or form/);
    expect((await post('hoi', { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('reports health, and 404 for unknown paths', async () => {
    const health = await fetch(`${running.url}/healthz`);
    expect(await health.json()).toEqual({ ok: true, database: 'sqlite', waitingTurns: 0, recoveredTurns: 0 });
    expect((await fetch(`${running.url}/nope`)).status).toBe(404);
  });

  it('when the database takes no writes: /healthz is 503 and a message is refused as not stored (nothing claims it was kept)', async () => {
    // Another process holds the write lock longer than the bot waits for it.
    const holder = new Database(app.config.DATABASE_URL!.replace(/^file:/, ''));
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const [health, message] = await Promise.all([fetch(`${running.url}/healthz`), post({ text: 'hulp' })]);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ ok: false, error: 'the database does not take writes' });
      expect(message.status).toBe(503);
      expect(message.body).toMatchObject({ stored: false, error: expect.stringMatching(/^not stored/) });
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  }, 60_000);

  it('shows notices posted to the web notice board', async () => {
    await app.notices.post('web:announcements', 'Nog 7 dagen tot de deadline');
    const res = await fetch(`${running.url}/api/notices`);
    const body = (await res.json()) as { notices: Array<{ text: string }> };
    expect(body.notices.map((n) => n.text)).toContain('Nog 7 dagen tot de deadline');
  });

  it('says clearly when the port is taken', async () => {
    const other = await createTestApp({ env: { PORT: String(running.port) } });
    await expect(serve(other)).rejects.toThrow(`port ${running.port} on 127.0.0.1 is already in use`);
    await other.close();
  });
});

describe('web chat: the keuze', () => {
  it('a board member signed in by the server records the keuze with the buttons', async () => {
    app.clock.set(new Date('2016-12-01T10:00:00+01:00'));
    // Whoever this browser's session is: the server says so in `mijn gegevens`.
    const mine = await post({ text: 'mijn gegevens' });
    const ref = /(web:[\w-]+)/.exec(mine.body.replies?.[0]?.text ?? '')?.[1] ?? '';
    const wendy = await app.database.db.user.findUniqueOrThrow({ where: { ref } });
    const platform = await app.platforms.create({ name: 'Buurtplatform Mariaberg', buurt: 'Mariaberg' });
    await app.platforms.addMember(platform.id, wendy.ref, 'board');
    const shown = await post({ text: 'keuze' });
    expect(shown.body.replies?.[0]?.text).toContain('De keuze van Buurtplatform Mariaberg');
    const confirm = await post({ text: '', action: `keuze:pick:${platform.slug}:nog-geen-keuze` });
    expect(confirm.body.replies?.[0]?.text).toContain('Jullie kiezen: **We weten het nog niet**');
    const done = await post({ text: '', action: `keuze:confirm:${platform.slug}:nog-geen-keuze` });
    expect(done.body.replies?.[0]?.text).toContain('Vastgelegd: Buurtplatform Mariaberg kiest');
    expect(await app.keuze.store.choiceOf(platform.id)).toMatchObject({ path: 'nog-geen-keuze', by: wendy.ref });
  });
});

describe('web: the calendar feed', () => {
  it('serves every date as iCalendar, and `workshops` hands out its URL', async () => {
    const res = await fetch(`${running.url}/agenda.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect((await res.text()).match(/BEGIN:VEVENT/g)).toHaveLength(app.deadlines().length);
    const { body } = await post({ text: 'workshops' });
    expect(body.replies?.[0]?.text).toContain(`${running.url}/agenda.ics`);
  });
});
