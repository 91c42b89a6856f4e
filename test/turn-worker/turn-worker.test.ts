/**
 * Turns on the worker thread (TURN_WORKER): a real App whose Dispatcher hands every turn to its
 * worker, which runs the real engine on its own connection to the same SQLite file. What a turn
 * starts besides its replies must come back to the main thread: notices through the main outbox
 * (where Slack and Discord register), partial answers, knowledge reloads, plan links.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { FixedClock } from '../../src/core/clock.js';
import type { Reply } from '../../src/core/messages.js';
import { silentLogger, type Messenger } from '../../src/core/ports.js';
import { t } from '../../src/core/texts.js';
import { verifyPlanLink } from '../../src/adapters/web/signed-link.js';
import { PrismaSettings } from '../../src/storage/repositories/settings.js';
import { ROOT_DIR } from '../../src/config/load.js';
import { ChatDriver } from '../support/chat.js';
import { tempDir, testConfig } from '../support/app.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';

const NOW = new Date('2016-11-28T10:00:00+01:00');
const QUESTION = 'Wanneer moet ons Plan van Aanpak binnen zijn?';

/** A real App with its turns on a worker, on its own copy of the content (reload tests write to it). */
async function workerApp(env: Record<string, string> = {}): Promise<App & { content: string }> {
  const dir = tempDir();
  const content = path.join(dir, 'content');
  fs.cpSync(path.join(ROOT_DIR, 'content'), content, { recursive: true });
  const config = testConfig({ LOG_LEVEL: 'silent', BUURTBOT_CONTENT_DIR: content, ...env }, dir);
  const app = await createApp(config, { logger: silentLogger, clock: new FixedClock(NOW), turnWorker: { fixedNow: NOW } });
  return Object.assign(app, { content });
}

/** A surface's messenger as Slack or Discord registers it on the main thread, keeping what it is given. */
class RecordingMessenger implements Messenger {
  readonly surface = 'slack' as const;
  readonly channels = { coordinators: 'C-COORD', announcements: 'C-ANN' };
  readonly posts: Array<{ channel: string; replies: Reply[] }> = [];
  readonly direct: Array<{ userRef: string; replies: Reply[] }> = [];
  async postToChannel(channel: string, replies: Reply[]): Promise<void> {
    this.posts.push({ channel, replies });
  }
  async sendDirect(userRef: string, replies: Reply[]): Promise<void> {
    this.direct.push({ userRef, replies });
  }
}

function kbFile(content: string, topic: string, title: string, body: string): void {
  const folder = path.join(content, 'kb', 'community');
  fs.mkdirSync(folder, { recursive: true });
  for (const language of ['nl', 'en'] as const) {
    const front = ['---', `id: ${topic}-${language}`, `topic: ${topic}`, `language: ${language}`, 'kind: faq', `title: ${JSON.stringify(title)}`, 'tags: [test]', 'source: "Test"', 'updated: 2016-11-01', '---'];
    fs.writeFileSync(path.join(folder, `${topic}.${language}.md`), `${front.join('\n')}\n${body}\n`);
  }
}

describe('turns on the worker thread', () => {
  let app: App & { content: string };
  beforeAll(async () => {
    app = await workerApp();
    await app.users.setRole('web:coord000', 'coordinator');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers from the worker and writes the transcript to the shared database', async () => {
    expect(app.turnWorker).toBeDefined();
    const vera = new ChatDriver(app, 'web:vera0000', 'Vera', 'web');
    const [answer] = await vera.say(QUESTION);
    expect(answer?.kind).toBe('answer');
    expect(answer?.text).toContain('31 december 2016');
    expect(answer?.citations?.length).toBeGreaterThan(0);
    // Written by the worker's connection, read through the main thread's.
    const conversation = await app.database.db.conversation.findFirstOrThrow({ where: { user: { ref: 'web:vera0000' } }, include: { messages: { orderBy: { id: 'asc' } } } });
    expect(conversation.messages.map((m) => [m.direction, m.text.slice(0, 40)])).toEqual([
      ['in', QUESTION.slice(0, 40)],
      ['out', answer!.text.slice(0, 40)],
    ]);
    const question = await app.database.db.question.findFirstOrThrow({ where: { text: QUESTION } });
    expect(question).toMatchObject({ conversationId: conversation.id, answered: true });
  });

  it('keeps the order of one conversation and answers a duplicate once', async () => {
    const message = (id: string, text: string) => ({ id, surface: 'web' as const, userRef: 'web:tom00000', userName: 'Tom', channelId: 'web:tom00000', text, direct: true });
    const [first, again, second] = await Promise.all([
      app.dispatcher.dispatch(message('t1', 'english')),
      app.dispatcher.dispatch(message('t1', 'english')),
      app.dispatcher.dispatch(message('t2', 'When is the deadline for the Plan van Aanpak?')),
    ]);
    expect(first?.[0]?.text).toMatch(/speak English/);
    expect(again).toBeNull();
    // The language switch of the first turn is in force for the second.
    expect(second?.[0]?.text).toContain('31 December 2016');
  });

  it('does not answer a message the ledger has seen (another instance answered it)', async () => {
    // The worker checks the ledger, written here through the main thread's connection as another instance would.
    expect(await app.ledger.firstSeen('web:answered-elsewhere')).toBe(true);
    const message = { id: 'answered-elsewhere', surface: 'web' as const, userRef: 'web:tom00001', channelId: 'web:tom00001', text: 'hulp', direct: true };
    expect(await app.dispatcher.dispatch(message)).toBeNull();
    expect(await app.database.db.conversation.count({ where: { user: { ref: 'web:tom00001' } } })).toBe(0);
  });

  it("sends a feature's coordinator notice through the main thread's outbox", async () => {
    const slack = new RecordingMessenger();
    app.outbox.register(slack);
    try {
      const vera = new ChatDriver(app, 'web:vera0001', 'Vera', 'web');
      const [refusal] = await vera.say('Mogen we de subsidie ook gebruiken voor een bankje in het park?');
      const forward = refusal?.buttons?.find((b) => b.id.startsWith('forward:'));
      expect(forward).toBeDefined();
      expect((await vera.press(forward!.id))[0]?.text).toMatch(/doorgestuurd naar de coördinatoren/);
      // Delivered before the turn answered, as in-process.
      expect(slack.posts).toHaveLength(1);
      expect(slack.posts[0]?.channel).toBe('C-COORD');
      expect(slack.posts[0]?.replies[0]?.text).toContain('bankje in het park');
      const notices = await app.notices.since('web:coordinators', undefined, 5);
      expect(notices.map((n) => n.text).join('\n')).toContain('bankje in het park');
    } finally {
      app.outbox.unregister('slack');
    }
  });

  it('links plans to the readable page, also from a worker started again after a crash', async () => {
    const platform = await app.platforms.create({ name: 'Buurtplatform Wyck', buurt: 'Wyck' });
    await app.platforms.addMember(platform.id, 'web:anna0001', 'board');
    const anna = new ChatDriver(app, 'web:anna0001', 'Anna', 'web');
    await anna.say('plan');
    expect(await anna.sayText('overzicht')).toContain('Nog nodig');
    expect(await anna.sayText('overzicht')).not.toContain('/plan?t=');
    await app.enablePlanLinks('https://buurtbot.example.org');
    const secret = await new PrismaSettings(app.database.db).linkSecret();
    const linkIn = (text: string) => new URL(/(https:\/\/buurtbot\.example\.org\/plan\?t=[\w.-]+)/.exec(text)?.[1] ?? 'https://none').searchParams.get('t') ?? '';
    expect(verifyPlanLink(secret, linkIn(await anna.sayText('overzicht')), NOW.getTime())).toEqual({ userRef: 'web:anna0001', slug: platform.slug });
    const restarts = app.turnWorker!.restarts;
    await app.turnWorker!.crash();
    await expect.poll(() => app.turnWorker!.restarts).toBe(restarts + 1);
    expect(verifyPlanLink(secret, linkIn(await anna.sayText('overzicht')), NOW.getTime())).toEqual({ userRef: 'web:anna0001', slug: platform.slug });
  });

  it("reloads both threads' knowledge, whichever thread is asked", async () => {
    const coordinator = new ChatDriver(app, 'web:coord000', 'Carla', 'web');
    // A coordinator's `kb herladen` runs in the worker; the main thread's copy follows.
    kbFile(app.content, 'test-fietsenstalling', 'Fietsenstalling bij het buurthuis', 'De fietsenstalling bij het buurthuis is open van 8 tot 22 uur.');
    expect(app.knowledge.knowledge.entryFor('test-fietsenstalling', 'nl')).toBeUndefined();
    expect(await coordinator.sayText('kb herladen')).toMatch(/Kennisbank opnieuw geladen/);
    expect(app.knowledge.knowledge.entryFor('test-fietsenstalling', 'nl')?.title).toBe('Fietsenstalling bij het buurthuis');
    // A reload on the main thread (file watch, `buurtbot kb reload`) reaches the worker's copy.
    kbFile(app.content, 'test-kerstmarkt', 'Kerstmarkt op het Vrijthof', 'De kerstmarkt op het Vrijthof begint op 25 november en de buurtkraam staat er elk weekend.');
    await app.knowledge.reload();
    const [answer] = await new ChatDriver(app, 'web:anna0000', 'Anna', 'web').say('Wanneer begint de kerstmarkt op het Vrijthof?');
    expect(answer?.text).toContain('25 november');
  });
});

describe('the worker with a language model', () => {
  let fake: FakeOpenAI;
  let app: App & { content: string };
  beforeAll(async () => {
    fake = await startFakeOpenAI();
    app = await workerApp({ OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'test', OPENAI_MODEL: 'fake-chat', OPENAI_TIMEOUT_MS: '20000', OPENAI_MAX_RETRIES: '0' });
  });
  afterEach(() => fake.reset());
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  it('streams partial answers back to the main thread', async () => {
    fake.chunkDelayMs = 2;
    const partials: string[] = [];
    const replies = await app.dispatcher.dispatch(
      { id: 'stream-1', surface: 'web', userRef: 'web:sam00000', channelId: 'web:sam00000', text: QUESTION, direct: true },
      { onPartial: (text) => partials.push(text) },
    );
    expect(fake.chatRequests()).toHaveLength(1);
    expect(partials.length).toBeGreaterThan(3);
    expect(replies?.[0]?.text).toContain(partials.at(-1));
  });

  it('answers the turns of a crashed worker politely and starts a new one', async () => {
    const worker = app.turnWorker!;
    const restarts = worker.restarts;
    // The model keeps the turn waiting in the worker while it crashes.
    fake.queue({ kind: 'stall', ms: 15_000 });
    const pending = app.dispatcher.dispatch({ id: 'crash-1', surface: 'web', userRef: 'web:kim00000', channelId: 'web:kim00000', text: QUESTION, direct: true });
    await expect.poll(() => fake.chatRequests().length, { timeout: 10_000 }).toBe(1);
    await worker.crash();
    expect(await pending).toEqual([{ kind: 'error', text: t('nl', 'error.generic') }]);
    expect(worker.restarts).toBe(restarts + 1);
    // The next turn, in the same conversation, is answered by the new worker.
    const next = await app.dispatcher.dispatch({ id: 'crash-2', surface: 'web', userRef: 'web:kim00000', channelId: 'web:kim00000', text: QUESTION, direct: true });
    expect(next?.[0]?.kind).toBe('answer');
    expect(next?.[0]?.text).toContain('31 december 2016');
  });
});

describe('what cannot cross to the worker', () => {
  it('refuses an injected answerer', async () => {
    const config = testConfig({ LOG_LEVEL: 'silent' });
    await expect(createApp(config, { logger: silentLogger, answerer: (offline) => offline, turnWorker: {} })).rejects.toThrow(/answerer cannot run on the turn worker/);
  });
});

describe('closing', () => {
  it('lets the worker close its own App and end by itself, so nothing it holds is cut off', async () => {
    const dir = tempDir();
    const config = testConfig({ LOG_LEVEL: 'silent' }, dir);
    const app = await createApp(config, { logger: silentLogger, clock: new FixedClock(NOW), turnWorker: { fixedNow: NOW } });
    const chat = new ChatDriver(app, 'cli:closing', 'Closing');
    expect((await chat.say(QUESTION))[0]?.kind).toBe('answer');
    const wal = path.join(dir, 'test.db-wal');
    expect(fs.existsSync(wal)).toBe(true);
    await app.close();
    // Only when every connection of the process closed cleanly (the worker's too) does the log go away.
    expect(fs.existsSync(wal)).toBe(false);
    // 0: it ended by itself after closing its App (a terminated worker exits with 1).
    expect(app.turnWorker?.lastExitCode).toBe(0);
    expect(app.turnWorker?.restarts).toBe(0);
  });
});
