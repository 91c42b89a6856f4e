/**
 * The per-turn stores (storage/turn-stores.ts) behave the same on both databases, and on SQLite
 * their direct connection writes rows Prisma reads back exactly as if Prisma had written them.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lastSeenPerChannel } from '../../src/core/inbox.js';
import { openDatabase, type Database } from '../../src/storage/database.js';
import { ROOT_DIR } from '../../src/config/load.js';
import { createTurnStores } from '../../src/storage/turn-stores.js';
import { openTurnConnection } from '../../src/storage/sqlite/connection.js';
import { SqliteConversationStore } from '../../src/storage/sqlite/conversations.js';
import { newId } from '../../src/storage/sqlite/values.js';
import { tempDir } from '../support/app.js';
import { DB_KINDS, freshDatabaseUrl } from '../support/databases.js';

const open: Database[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.close()));
});

async function database(kind: 'sqlite' | 'postgres'): Promise<Database> {
  const d = await openDatabase({ url: await freshDatabaseUrl(kind), rootDir: ROOT_DIR, migrate: true });
  open.push(d);
  return d;
}

describe.each(DB_KINDS)('per-turn stores on %s', (kind) => {
  it('people: created once, renamed, roles, language and reminders, as Prisma reads them', async () => {
    const d = await database(kind);
    const { users } = createTurnStores(d);
    const first = await users.touch('web:anna', 'Anna');
    expect(first).toMatchObject({ ref: 'web:anna', displayName: 'Anna', language: null, role: 'volunteer', remindersOff: false });
    expect((await users.touch('web:anna')).id).toBe(first.id);
    expect((await users.touch('web:anna', '  Anna B  ')).displayName).toBe('Anna B');
    const anonymous = await users.touch('web:bob');
    expect(anonymous.displayName).toBeNull();

    await users.setLanguage('web:anna', 'en');
    await users.setRole('web:anna', 'coordinator');
    await users.setRemindersOff('web:anna', true);
    await users.setRemindersOff('web:new', true);
    // Like Prisma's update: setting the language of nobody is an error, not a silent new person.
    await expect(users.setLanguage('web:nobody', 'en')).rejects.toThrow();
    expect(await users.get('web:nobody')).toBeNull();

    const row = await d.db.user.findUniqueOrThrow({ where: { ref: 'web:anna' } });
    expect(row).toMatchObject({ id: first.id, displayName: 'Anna B', language: 'en', role: 'coordinator', remindersOff: true });
    expect(row.updatedAt).toBeInstanceOf(Date);
    expect(row.updatedAt.getTime()).toBeGreaterThanOrEqual(row.createdAt.getTime());
    expect(await users.get('web:new')).toMatchObject({ remindersOff: true, role: 'volunteer' });
    expect(await users.get('web:missing')).toBeNull();
  });

  it('conversations: opened once, compare-and-set saves, transcript in order', async () => {
    const d = await database(kind);
    const { users, conversations } = createTurnStores(d);
    const user = await users.touch('web:anna');
    const input = { key: 'web|a|-|a', userId: user.id, surface: 'web', channelId: 'a', initial: { step: 0 } };
    const a = await conversations.open(input);
    const b = await conversations.open(input);
    expect(b.id).toBe(a.id);
    expect(a.state).toEqual({ step: 0 });
    a.state = { step: 1 };
    a.language = 'en';
    expect(await conversations.finishTurn(a, [])).toBe(true);
    b.state = { step: 9 };
    expect(await conversations.finishTurn(b, [])).toBe(false);
    expect(await conversations.open(input)).toMatchObject({ state: { step: 1 }, language: 'en', version: 1 });

    // Many messages within the same millisecond still come back in the order they were written.
    for (let i = 0; i < 30; i++) await conversations.appendMessage(a.id, i % 2 ? 'out' : 'in', `m${i}`);
    const recent = await conversations.recentMessages(a.id, 5);
    expect(recent.map((m) => m.text)).toEqual(['m25', 'm26', 'm27', 'm28', 'm29']);
    expect(recent[0]?.createdAt).toBeInstanceOf(Date);
    const viaPrisma = await d.db.message.findMany({
      where: { conversationId: a.id },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: 3,
    });
    expect(viaPrisma.map((m) => m.text)).toEqual(['m29', 'm28', 'm27']);
  });

  it('ends a turn in one write: transcript lines in order, the state compare-and-set', async () => {
    const d = await database(kind);
    const { users, conversations } = createTurnStores(d);
    const user = await users.touch('web:anna');
    const input = { key: 'k', userId: user.id, surface: 'web', channelId: 'a', initial: { step: 0 } };
    const a = await conversations.open(input);
    const stale = await conversations.open(input);
    a.state = { step: 1 };
    expect(
      await conversations.finishTurn(a, [
        { direction: 'in', text: 'vraag' },
        { direction: 'out', text: 'antwoord 1' },
        { direction: 'out', text: 'antwoord 2' },
      ]),
    ).toBe(true);
    expect(a.version).toBe(1);
    stale.state = { step: 7 };
    // Someone else saved in between: the state is not overwritten, the lines are kept.
    expect(await conversations.finishTurn(stale, [{ direction: 'in', text: 'later' }])).toBe(false);
    expect((await conversations.open(input)).state).toEqual({ step: 1 });
    expect((await conversations.recentMessages(a.id, 10)).map((m) => m.text)).toEqual(['vraag', 'antwoord 1', 'antwoord 2', 'later']);
  });

  it('the inbox: a key is new once; a repeat is a duplicate; a row changes hands only after its lease ran out', async () => {
    const d = await database(kind);
    const { inbox } = createTurnStores(d);
    const t0 = new Date();
    const later = (ms: number) => new Date(t0.getTime() + ms);
    const item = {
      key: 'slack:C1:1.0',
      conversationKey: 'slack|C1|-|slack:T:U',
      surface: 'slack',
      userRef: 'slack:T:U',
      payload: '{"message":{}}',
    };
    const first = await inbox.admit(item, 'a', t0, later(1000));
    expect(first.outcome).toBe('new');
    const second = await inbox.admit({ ...item, key: 'slack:C1:2.0' }, 'a', t0, later(1000));
    expect(second.outcome === 'new' && first.outcome === 'new' && second.seq > first.seq).toBe(true);
    expect((await inbox.admit(item, 'b', later(10), later(1010))).outcome).toBe('duplicate');
    expect(await inbox.claimExpired('b', later(10), later(1010), 10)).toEqual([]);
    // The holder died: after the lease, the repeat (Slack's retry) takes it over, and the sweep the rest.
    const taken = await inbox.admit(item, 'b', later(2000), later(3000));
    expect(taken.outcome === 'takenOver' && taken.item.attempts).toBe(2);
    const swept = await inbox.claimExpired('b', later(2000), later(3000), 10);
    expect(swept.map((i) => i.key)).toEqual(['slack:C1:2.0']);
    expect(await inbox.claim('slack:C1:2.0', 'c', later(2500), later(3500))).toBeNull();
    expect((await inbox.earlier(item.conversationKey, 1_000_000)).map((r) => r.key)).toEqual(['slack:C1:1.0', 'slack:C1:2.0']);

    // The answer commits with the turn's state; delivered rows leave the open set.
    const users = createTurnStores(d).users;
    const conversations = createTurnStores(d).conversations;
    const user = await users.touch('slack:T:U', 'U');
    const conversation = await conversations.open({
      key: item.conversationKey,
      userId: user.id,
      surface: 'slack',
      channelId: 'C1',
      initial: {},
    });
    const receipt = { key: item.key, state: 'answered' as const, replies: '[{"text":"hoi"}]' };
    await conversations.finishTurn(conversation, [{ direction: 'in', text: 'vraag' }], receipt);
    expect(receipt).toMatchObject({ written: true });
    const again = await inbox.admit(item, 'c', later(5000), later(6000));
    expect(again.outcome === 'takenOver' && again.item.state === 'answered' && again.item.replies).toBe('[{"text":"hoi"}]');
    await inbox.delivered(item.key);
    expect((await inbox.admit(item, 'd', later(9000), later(9500))).outcome).toBe('duplicate');
    expect(await inbox.waiting(later(10_000))).toBe(1);
    expect(await inbox.release('b', later(2600))).toBe(1);
    await inbox.retryLater('slack:C1:2.0', later(0), true);
    expect(await inbox.waiting(later(10_000))).toBe(0);
    expect(await inbox.prune(later(-60_000))).toBe(0);
    expect(await inbox.prune(later(60_000))).toBe(2);
    expect((await inbox.admit(item, 'e', later(9000), later(9500))).outcome).toBe('new');
  });

  it('the inbox tells where each channel of a surface was last read (catching up after downtime)', async () => {
    const d = await database(kind);
    const { inbox } = createTurnStores(d);
    const now = new Date();
    const row = (key: string, surface: string, channelId: string, id: string) =>
      inbox.admit(
        {
          key,
          conversationKey: `${surface}|${channelId}`,
          surface,
          userRef: `${surface}:u`,
          payload: JSON.stringify({ message: { id, channelId } }),
        },
        'a',
        now,
        new Date(now.getTime() + 1000),
      );
    await row('discord:101', 'discord', 'D1', '101');
    await row('discord:102', 'discord', 'D2', '102');
    await row('discord:103', 'discord', 'D1', '103');
    await row('slack:C9:1.0', 'slack', 'C9', 'C9:1.0');
    const payloads = await inbox.recentPayloads('discord', new Date(now.getTime() - 60_000), 100);
    expect(lastSeenPerChannel(payloads)).toEqual([
      { channelId: 'D1', messageId: '103' },
      { channelId: 'D2', messageId: '102' },
    ]);
    expect(await inbox.recentPayloads('discord', new Date(now.getTime() + 60_000), 100)).toEqual([]);
  });

  it('a recorded question reads back through the question store', async () => {
    const d = await database(kind);
    const { users, conversations, questions } = createTurnStores(d);
    const user = await users.touch('web:anna', 'Anna');
    const conversation = await conversations.open({ key: 'k', userId: user.id, surface: 'web', channelId: 'a', initial: {} });
    const at = new Date('2016-11-28T09:00:00.123Z');
    const id = await questions.record({
      userId: user.id,
      conversationId: conversation.id,
      text: 'Wanneer moet het plan binnen zijn?',
      language: 'nl',
      answered: true,
      confidence: 0.87,
      answer: 'Uiterlijk 31 december 2016.',
      topics: ['deadline-plan-van-aanpak', 'plan-van-aanpak'],
      via: 'offline',
      at,
    });
    expect(await questions.get(id)).toMatchObject({
      id,
      userRef: 'web:anna',
      askerName: 'Anna',
      answered: true,
      confidence: 0.87,
      topics: ['deadline-plan-van-aanpak', 'plan-van-aanpak'],
      forwarded: false,
      createdAt: at,
    });
    expect(await questions.forward(id, at)).toBe(true);
  });
});

describe('the direct SQLite connection beside Prisma', () => {
  it('waits for a write transaction Prisma holds open, without blocking the event loop', async () => {
    const d = await database('sqlite');
    const { users, conversations } = createTurnStores(d);
    const user = await users.touch('web:anna');
    const conversation = await conversations.open({ key: 'k', userId: user.id, surface: 'web', channelId: 'a', initial: {} });

    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = d.db.$transaction(async (tx) => {
      await tx.message.create({ data: { conversationId: conversation.id, direction: 'in', text: 'prisma first' } });
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    let landed = false;
    const appended = conversations.appendMessage(conversation.id, 'out', 'direct second').then(() => (landed = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const ticksWhileLocked = ticks;
    // Still waiting for the lock: SQLite allows one writer.
    expect(landed).toBe(false);
    release();
    await transaction;
    await appended;
    clearInterval(timer);

    // The timer kept running while the direct write waited, and both writes landed in order.
    expect(ticksWhileLocked).toBeGreaterThan(5);
    expect((await conversations.recentMessages(conversation.id, 5)).map((m) => m.text)).toEqual(['prisma first', 'direct second']);
  });

  it("gives up on a lock held longer than its limit, with SQLite's error", async () => {
    const dir = tempDir();
    const d = await openDatabase({ url: `file:${path.join(dir, 'bot.db')}`, rootDir: ROOT_DIR, migrate: true });
    open.push(d);
    const holder = openTurnConnection(path.join(dir, 'bot.db'));
    const impatient = openTurnConnection(path.join(dir, 'bot.db'), 100);
    holder.db.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    await expect(
      impatient.run(() =>
        impatient.db
          .prepare(
            `INSERT INTO "InboxEvent" (key, conversationKey, surface, userRef, payload, leaseUntil) VALUES ('x', 'c', 's', 'u', '{}', 'y')`,
          )
          .run(),
      ),
    ).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    holder.db.exec('ROLLBACK');
    holder.close();
    impatient.close();
  });

  it('writes dates Prisma compares and sorts with its own: retention through Prisma removes old direct rows', async () => {
    const d = await database('sqlite');
    const { users } = createTurnStores(d);
    const user = await users.touch('web:anna');
    const old = new SqliteConversationStore(d.sqlite!, () => new Date('2015-01-01T00:00:00.000Z'));
    const conversation = await old.open({ key: 'k', userId: user.id, surface: 'web', channelId: 'a', initial: {} });
    await old.appendMessage(conversation.id, 'in', 'oud');
    await d.db.message.create({
      data: { conversationId: conversation.id, direction: 'in', text: 'via prisma', createdAt: new Date('2016-06-01T00:00:00.000Z') },
    });
    await new SqliteConversationStore(d.sqlite!).appendMessage(conversation.id, 'in', 'nieuw');
    const sorted = await d.db.message.findMany({ orderBy: { createdAt: 'asc' } });
    expect(sorted.map((m) => m.text)).toEqual(['oud', 'via prisma', 'nieuw']);
    expect(sorted[0]?.createdAt.toISOString()).toBe('2015-01-01T00:00:00.000Z');
    const removed = await d.db.message.deleteMany({ where: { createdAt: { lt: new Date('2016-01-01T00:00:00.000Z') } } });
    expect(removed.count).toBe(1);
  });

  it("makes ids shaped and ordered like Prisma's cuid()", () => {
    const ids = Array.from({ length: 1000 }, () => newId(1_700_000_000_000));
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^c[0-9a-z]{24}$/);
    // Within one millisecond the counter orders them (it wraps once per 1.7 million ids, at a random start).
    const descents = ids.filter((id, i) => i > 0 && id < (ids[i - 1] ?? '')).length;
    expect(descents).toBeLessThanOrEqual(1);
    expect(newId(1_700_000_000_001) > newId(1_700_000_000_000)).toBe(true);
  });
});
