/**
 * The Discord surface end to end: the real discord.js client against a fake Discord on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, BOB, BOT_ID, BOT_USER, CHANNEL_ID, GUILD_ID, APP_ID, TOKEN } from '../support/fake-discord.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe('discord: connecting', () => {
  it('identifies with exactly the intents it needs', () => {
    const [identify] = h.fake.identifies();
    // Guilds (1) + GuildMessages (512) + DirectMessages (4096) + MessageContent (32768).
    expect(identify?.intents).toBe(1 + 512 + 4096 + 32768);
    expect(identify?.token).toBe(TOKEN);
  });

  it('registers the slash commands on the configured server at startup', async () => {
    const put = await h.fake.waitFor(
      () => h.fake.requests.find((r) => r.method === 'PUT' && r.path.endsWith('/commands')),
      5000,
      'command registration',
    );
    expect(put.path).toBe(`/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    expect(put.authorized).toBe(true);
    type Command = {
      name: string;
      name_localizations?: Record<string, string>;
      contexts?: number[];
      options?: Array<{ name: string; name_localizations?: Record<string, string>; required?: boolean }>;
    };
    const commands = put.body as Command[];
    // One Dutch command set, English for English clients: no separate /ask.
    expect(commands.map((c) => c.name).sort()).toEqual(['digest', 'hulp', 'plan', 'vraag']);
    const vraag = commands.find((c) => c.name === 'vraag');
    expect(vraag?.name_localizations).toEqual({ 'en-US': 'ask', 'en-GB': 'ask' });
    expect(vraag?.options?.[0]).toMatchObject({
      name: 'vraag',
      name_localizations: { 'en-US': 'question', 'en-GB': 'question' },
      required: true,
    });
    expect(commands.find((c) => c.name === 'hulp')?.name_localizations).toEqual({ 'en-US': 'help', 'en-GB': 'help' });
    // Usable in servers and in DMs with the bot.
    expect(commands.every((c) => JSON.stringify(c.contexts) === '[0,1]')).toBe(true);
  });
});

describe('discord: messages', () => {
  it('answers a DM as a reply, with the person known as discord:ID and their display name', async () => {
    const from = h.fake.sent.length;
    const dm = h.fake.directMessage(ALICE, 'hulp');
    const [answer] = await h.fake.waitForSent(from);
    expect(answer?.via).toBe('channel');
    expect(answer?.channelId).toBe(dm.channelId);
    expect(answer?.replyTo).toBe(dm.id);
    expect(answer?.content).toContain('Dit kan ik voor je doen');
    const inbound = h.inbound.at(-1);
    expect(inbound).toMatchObject({
      id: dm.id,
      surface: 'discord',
      userRef: `discord:${ALICE.id}`,
      userName: 'Alice de Vries',
      direct: true,
      text: 'hulp',
    });
    expect((await h.app.users.get(`discord:${ALICE.id}`))?.displayName).toBe('Alice de Vries');
    expect(h.surface.displayName(`discord:${ALICE.id}`)).toBe('Alice de Vries');
    expect(h.surface.displayName('discord:800000000000000099')).toBeUndefined();
  });

  it('sends a typing indicator only when the answer takes a while (each request counts against Discord’s limit)', async () => {
    const typing = () => h.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/typing')).length;
    const before = typing();
    const from = h.fake.sent.length;
    h.fake.directMessage(ALICE, 'hulp');
    await h.fake.waitForSent(from);
    expect(typing()).toBe(before);

    const handle = h.app.engine.handle.bind(h.app.engine);
    h.app.engine.handle = async (message, options) => {
      await new Promise((r) => setTimeout(r, 900));
      return handle(message, options);
    };
    try {
      const slowFrom = h.fake.sent.length;
      h.fake.directMessage(ALICE, 'hulp');
      await h.fake.waitForSent(slowFrom);
      expect(typing()).toBe(before + 1);
    } finally {
      h.app.engine.handle = handle;
    }
  });

  it('answers a mention in a channel as a reply, without the mention in the text it passes on', async () => {
    const from = h.fake.sent.length;
    const id = h.fake.channelMessage(ALICE, `<@${BOT_ID}> help`, { mentions: [BOT_USER] });
    const [answer] = await h.fake.waitForSent(from);
    expect(answer).toMatchObject({ via: 'channel', channelId: CHANNEL_ID, replyTo: id });
    expect(answer?.content).toMatch(/This is what I can do|Dit kan ik voor je doen/);
    expect(h.inbound.at(-1)).toMatchObject({ id, text: 'help', channelId: CHANNEL_ID });
    // Text from people must never ping anyone through the bot.
    expect(answer?.raw.allowed_mentions?.parse).toEqual([]);
  });

  it('ignores channel chatter that does not address the bot, and messages from bots (itself included)', async () => {
    const from = h.fake.sent.length;
    const before = h.inbound.length;
    h.fake.channelMessage(BOB, 'hulp');
    h.fake.channelMessage(BOT_USER, `<@${BOT_ID}> hulp`, { mentions: [BOT_USER] });
    h.fake.channelMessage({ id: '700000000000000009', username: 'otherbot', bot: true }, `<@${BOT_ID}> hulp`, { mentions: [BOT_USER] });
    // A message that is addressed afterwards shows the earlier ones were seen and skipped, not still pending.
    const addressed = h.fake.channelMessage(BOB, `<@${BOT_ID}> hulp`, { mentions: [BOT_USER] });
    await h.fake.waitForSent(from);
    await new Promise((r) => setTimeout(r, 150));
    expect(h.fake.visible(from).map((s) => s.replyTo)).toEqual([addressed]);
    expect(h.inbound.slice(before).map((m) => m.id)).toEqual([addressed]);
  });
});
