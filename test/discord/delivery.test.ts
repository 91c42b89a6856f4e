/**
 * What the bot sends: long answers split at 2,000 characters, embeds for sources, digests and
 * reminders, private replies to mentions by DM, and the Messenger for messages nobody asked for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/messages.js';
import { ALICE, ANNOUNCE_CHANNEL_ID, BOT_ID, BOT_USER, CHANNEL_ID } from '../support/fake-discord.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const mention = (text: string) => h.fake.channelMessage(ALICE, `<@${BOT_ID}> ${text}`, { mentions: [BOT_USER] });

describe('discord: long answers', () => {
  it('splits a long answer at 2,000 characters, in order, the first as the reply, buttons on the last', async () => {
    const paragraphs = Array.from(
      { length: 12 },
      (_, i) => `Alinea ${i + 1}. ` + `Het buurtnetwerk ${i} bespreekt plannen met bewoners en partners. `.repeat(6).trim(),
    );
    const text = paragraphs.join('\n\n');
    expect(text.length).toBeGreaterThan(4000);
    h.canned.set('lang antwoord', [{ kind: 'answer', text, buttons: [{ id: 'feedback:up:q9', label: 'Nuttig', typed: 'nuttig' }] }]);
    const from = h.fake.sent.length;
    const id = mention('lang antwoord');
    const batch = await h.settle(from);
    expect(batch.length).toBeGreaterThanOrEqual(3);
    for (const s of batch) expect(s.content.length).toBeLessThanOrEqual(2000);
    expect(batch[0]?.replyTo).toBe(id);
    expect(batch.slice(1).every((s) => s.replyTo === undefined)).toBe(true);
    // The reply notifies the asker and nobody else; the pieces after it notify no one.
    expect(batch[0]?.raw.allowed_mentions).toEqual({ parse: [], replied_user: true });
    expect(batch.slice(1).every((s) => JSON.stringify(s.raw.allowed_mentions) === JSON.stringify({ parse: [] }))).toBe(true);
    expect(batch[0]?.raw.message_reference).toEqual({ message_id: id, fail_if_not_exists: false });
    expect(batch.map((s) => s.channelId)).toEqual(batch.map(() => CHANNEL_ID));
    // Nothing lost and nothing reordered: the pieces rebuild the paragraphs.
    expect(
      batch
        .map((s) => s.content)
        .join('\n\n')
        .replace(/\s+/g, ' '),
    ).toBe(text.replace(/\s+/g, ' '));
    expect(batch.at(-1)?.components[0]?.components[0]?.custom_id).toBe('feedback:up:q9');
    expect(batch.slice(0, -1).every((s) => s.components.length === 0)).toBe(true);
  });
});

describe('discord: embeds', () => {
  it('shows citations as a sources embed under the answer', async () => {
    h.canned.set('bron', [
      {
        kind: 'answer',
        text: 'Het Plan van Aanpak moet uiterlijk 31 december 2016 binnen zijn.',
        questionId: 'q2',
        citations: [
          { id: 'c1', title: 'Raadsinformatiebrief najaar 2016', source: 'raadsinformatiebrief, paragraaf 3' },
          { id: 'c2', title: 'Uitvoeringsregeling', source: 'https://example.org/regeling' },
        ],
      },
    ]);
    const from = h.fake.sent.length;
    mention('bron');
    const [answer] = await h.settle(from);
    expect(answer?.content).toContain('31 december 2016');
    expect(answer?.embeds).toHaveLength(1);
    expect(answer?.embeds[0]?.title).toBe('Bronnen');
    expect(answer?.embeds[0]?.description).toContain('Raadsinformatiebrief najaar 2016: raadsinformatiebrief, paragraaf 3');
    expect(answer?.embeds[0]?.description).toContain('[Uitvoeringsregeling](https://example.org/regeling)');
  });

  it('posts reminders to a channel as embeds through the Messenger (REST, no gateway needed)', async () => {
    const from = h.fake.sent.length;
    await h.surface.messenger.postToChannel(ANNOUNCE_CHANNEL_ID, [
      { kind: 'notice', text: '⏰ Nog 3 dagen tot de deadline van het Plan van Aanpak.' },
    ]);
    const [post] = h.fake.sent.slice(from);
    expect(post).toMatchObject({ via: 'channel', channelId: ANNOUNCE_CHANNEL_ID, content: '' });
    expect(post?.embeds[0]?.description).toBe('⏰ Nog 3 dagen tot de deadline van het Plan van Aanpak.');
    expect(post?.raw.allowed_mentions).toEqual({ parse: [] });
    expect(h.surface.messenger.channels.announcements).toBe(ANNOUNCE_CHANNEL_ID);
  });

  it('splits a long digest over several embeds within Discord limits', async () => {
    const text = Array.from({ length: 200 }, (_, i) => `• Platform ${i}: 7 van 9 onderdelen klaar, 2 open vragen.`).join('\n');
    expect(text.length).toBeGreaterThan(6000);
    const from = h.fake.sent.length;
    await h.surface.messenger.postToChannel(ANNOUNCE_CHANNEL_ID, [{ kind: 'digest', text }]);
    const posts = h.fake.sent.slice(from);
    expect(posts.length).toBeGreaterThanOrEqual(3);
    for (const p of posts) {
      expect(p.embeds.length).toBeLessThanOrEqual(10);
      const total = p.embeds.reduce((n, e) => n + (e.description?.length ?? 0) + (e.title?.length ?? 0), 0);
      expect(total).toBeLessThanOrEqual(6000);
      for (const e of p.embeds) expect(e.description?.length).toBeLessThanOrEqual(4096);
    }
    expect(posts.flatMap((p) => p.embeds.map((e) => e.description)).join('\n')).toBe(text);
  });
});

describe('discord: direct messages the bot starts', () => {
  it('sendDirect opens the DM channel and posts there', async () => {
    const from = h.fake.sent.length;
    await h.surface.messenger.sendDirect(`discord:${ALICE.id}`, [
      { kind: 'notice', text: 'Herinnering: jullie plan mist nog 2 onderdelen.' },
    ]);
    const opened = h.fake.requests.filter((r) => r.method === 'POST' && r.path === '/users/@me/channels');
    expect(opened.at(-1)?.body).toEqual({ recipient_id: ALICE.id });
    const [dm] = h.fake.sent.slice(from);
    expect(dm?.channelId).toBe(h.fake.dmChannelOf(ALICE.id));
    expect(dm?.embeds[0]?.description).toContain('mist nog 2 onderdelen');
  });

  it('refuses refs of other surfaces instead of guessing', async () => {
    await expect(h.surface.messenger.sendDirect('slack:T1:U1', [{ text: 'x' }])).rejects.toThrow(/not a Discord user/);
    await expect(h.surface.messenger.postToChannel('#algemeen', [{ text: 'x' }])).rejects.toThrow(/not a Discord channel/);
  });

  it('is registered in the outbox, so reminders for discord: people reach Discord', async () => {
    const from = h.fake.sent.length;
    await h.app.outbox.toUser(`discord:${ALICE.id}`, [{ kind: 'notice', text: 'Via de outbox.' }]);
    expect(h.fake.sent.slice(from).map((s) => s.embeds[0]?.description)).toEqual(['Via de outbox.']);
  });

  it('keeps a burst to one channel in order', async () => {
    const from = h.fake.sent.length;
    const burst: Array<Promise<void>> = [];
    for (let i = 0; i < 8; i++)
      burst.push(h.surface.messenger.postToChannel(ANNOUNCE_CHANNEL_ID, [{ text: `bericht ${i}` }, { text: `vervolg ${i}` }]));
    await Promise.all(burst);
    expect(h.fake.sent.slice(from).map((s) => s.content)).toEqual(
      Array.from({ length: 8 }, (_, i) => [`bericht ${i}`, `vervolg ${i}`]).flat(),
    );
  });

  it('sends a reply meant for the asker alone by DM when they asked in a channel', async () => {
    const replies: Reply[] = [{ text: 'Openbaar deel.' }, { text: 'Alleen voor Alice.', ephemeral: true }];
    h.canned.set('prive', replies);
    const from = h.fake.sent.length;
    mention('prive');
    const batch = await h.settle(from);
    const inChannel = batch.filter((s) => s.channelId === CHANNEL_ID).map((s) => s.content);
    const inDm = batch.filter((s) => s.channelId === h.fake.dmChannelOf(ALICE.id)).map((s) => s.content);
    expect(inDm).toEqual(['Alleen voor Alice.']);
    expect(inChannel).toEqual(['Openbaar deel.', 'Ik heb je een privébericht gestuurd.']);
  });
});
