/**
 * Slash commands, buttons and modals through the real discord.js client and a fake Discord.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/messages.js';
import { ALICE, BOB } from '../support/fake-discord.js';
import { isEphemeral, startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe('discord: slash commands', () => {
  it('/hulp (/help in English) in a server channel answers only the caller (ephemeral)', async () => {
    const from = h.fake.sent.length;
    const id = h.fake.slashCommand(ALICE, 'hulp');
    const [callback] = await h.fake.waitForSent(from);
    expect(callback).toMatchObject({ via: 'callback', interactionId: id, callbackType: 4 });
    expect(isEphemeral(callback)).toBe(true);
    expect(callback?.content).toContain('Dit kan ik voor je doen');
    expect(h.inbound.at(-1)).toMatchObject({ id, text: 'hulp', userRef: `discord:${ALICE.id}`, direct: true });
  });

  it('/vraag passes the question on and answers in the open', async () => {
    const from = h.fake.sent.length;
    const id = h.fake.slashCommand(BOB, 'vraag', { vraag: 'Wanneer moet ons Plan van Aanpak binnen zijn?' });
    const [callback] = await h.fake.waitForSent(from);
    expect(callback).toMatchObject({ via: 'callback', interactionId: id, callbackType: 4 });
    expect(isEphemeral(callback)).toBe(false);
    expect(callback?.content.length).toBeGreaterThan(0);
    expect(h.inbound.at(-1)).toMatchObject({ id, text: 'Wanneer moet ons Plan van Aanpak binnen zijn?' });
  });

  it('/vraag (shown as /ask in English) and /plan reach the core as their typed equivalents; /plan is private', async () => {
    let from = h.fake.sent.length;
    // Discord sends the default names whatever the client showed: /ask question: arrives as vraag/vraag.
    h.fake.slashCommand(BOB, 'vraag', { vraag: 'When is the deadline?' });
    const [ask] = await h.fake.waitForSent(from);
    expect(h.inbound.at(-1)?.text).toBe('When is the deadline?');
    expect(isEphemeral(ask)).toBe(false);
    from = h.fake.sent.length;
    h.fake.slashCommand(BOB, 'plan');
    const [plan] = await h.fake.waitForSent(from);
    expect(h.inbound.at(-1)?.text).toBe('plan');
    expect(isEphemeral(plan)).toBe(true);
  });

  it('in a DM nothing is ephemeral (it is private already, and ephemeral messages vanish)', async () => {
    const from = h.fake.sent.length;
    h.fake.slashCommand(ALICE, 'hulp', {}, 'dm');
    const [callback] = await h.fake.waitForSent(from);
    expect(callback?.callbackType).toBe(4);
    expect(isEphemeral(callback)).toBe(false);
  });

  it('a reply the core marks ephemeral is private even for /vraag', async () => {
    h.canned.set('geheim', [{ text: 'Alleen voor jou.', ephemeral: true }, { text: 'Voor iedereen.' }]);
    const from = h.fake.sent.length;
    h.fake.slashCommand(BOB, 'vraag', { vraag: 'geheim' });
    const [first, second] = await h.fake.waitForSent(from, 2);
    expect(first).toMatchObject({ via: 'callback', content: 'Alleen voor jou.' });
    expect(isEphemeral(first)).toBe(true);
    expect(second).toMatchObject({ via: 'followup', content: 'Voor iedereen.' });
    expect(isEphemeral(second)).toBe(false);
  });
});

describe('discord: /digest', () => {
  it('gives a coordinator the digest as a private card, and tells others it is for coordinators', async () => {
    let from = h.fake.sent.length;
    h.fake.slashCommand(BOB, 'digest');
    const [refused] = await h.fake.waitForSent(from);
    expect(h.inbound.at(-1)?.text).toBe('digest');
    expect(refused?.content).toMatch(/alleen voor coördinatoren|for coordinators only/);
    expect(isEphemeral(refused)).toBe(true);

    await h.app.users.setRole(`discord:${ALICE.id}`, 'coordinator');
    await h.app.platforms.create({ name: 'Buurtplatform Wyck', buurt: 'Wyck' });
    from = h.fake.sent.length;
    h.fake.slashCommand(ALICE, 'digest');
    const batch = await h.settle(from);
    expect(batch[0]?.embeds.length).toBeGreaterThan(0);
    expect(batch[0]?.embeds[0]?.description?.length).toBeGreaterThan(20);
    for (const s of batch) expect(isEphemeral(s)).toBe(true);
    // Laid out natively: one embed field per platform, and no Markdown table anywhere.
    const embeds = batch.flatMap((s) => s.embeds);
    const wyck = embeds.flatMap((e) => e.fields ?? []).find((f) => f.name === 'Buurtplatform Wyck');
    expect(wyck?.value).toMatch(/^[█░]{10} \d+\/\d+\nStatus: concept\n/);
    const texts = [
      ...batch.map((s) => s.content),
      ...embeds.flatMap((e) => [
        e.title ?? '',
        e.description ?? '',
        e.footer?.text ?? '',
        ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
      ]),
    ];
    for (const text of texts) {
      expect(text).not.toContain('|---');
      expect(text).not.toMatch(/^\s*\|.*\|\s*$/m);
    }
  });
});

describe('discord: buttons', () => {
  it('renders buttons with the neutral id as custom_id, and a press reaches the dispatcher as action', async () => {
    h.canned.set('knoppen', [
      {
        text: 'Was dit antwoord nuttig?',
        questionId: 'q1',
        buttons: [
          { id: 'feedback:up:q1', label: 'Ja', typed: 'ja', style: 'primary' },
          { id: 'feedback:down:q1', label: 'Nee', typed: 'nee' },
          { id: 'forward:q1', label: 'Stuur door', typed: 'doorsturen', style: 'danger' },
        ],
      },
    ]);
    h.canned.set('feedback:up:q1', [{ text: 'Dank je!' }]);
    let from = h.fake.sent.length;
    h.fake.slashCommand(ALICE, 'vraag', { vraag: 'knoppen' });
    const [answer] = await h.fake.waitForSent(from);
    const buttons = answer?.components[0]?.components as Array<{ custom_id: string; label: string; style: number }>;
    expect(buttons.map((b) => [b.custom_id, b.label, b.style])).toEqual([
      ['feedback:up:q1', 'Ja', 1],
      ['feedback:down:q1', 'Nee', 2],
      ['forward:q1', 'Stuur door', 4],
    ]);

    from = h.fake.sent.length;
    const press = h.fake.pressButton(BOB, 'feedback:up:q1');
    const [thanks] = await h.fake.waitForSent(from);
    expect(h.inbound.at(-1)).toMatchObject({ id: press, action: 'feedback:up:q1', userRef: `discord:${BOB.id}` });
    expect(thanks).toMatchObject({ via: 'callback', content: 'Dank je!' });
    // The result of a press concerns the presser only.
    expect(isEphemeral(thanks)).toBe(true);
  });

  it('a button reaches the real core too (help button → help overview)', async () => {
    h.canned.set('hulpknop', [{ text: 'Kies:', buttons: [{ id: 'help', label: 'Hulp', typed: 'hulp' }] }]);
    let from = h.fake.sent.length;
    h.fake.directMessage(ALICE, 'hulpknop');
    await h.fake.waitForSent(from);
    from = h.fake.sent.length;
    h.fake.pressButton(ALICE, 'help', 'dm');
    const [overview] = await h.fake.waitForSent(from);
    expect(overview?.content).toContain('Dit kan ik voor je doen');
  });
});

describe('discord: slow answers', () => {
  // Its own bot, acknowledging after 100 ms, so a canned 400 ms answer is slow for sure.
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ discord: { ackAfterMs: 100 } });
  });
  afterAll(async () => {
    await h?.stop();
  });
  const later = (ms: number, replies: Reply[]) => () => new Promise<Reply[]>((resolve) => setTimeout(() => resolve(replies), ms));

  it('acknowledges first (deferred, ephemeral where private) and completes the answer later', async () => {
    h.canned.set('plan', later(400, [{ text: 'Welkom bij het Plan van Aanpak.' }, { text: 'Stap 1.' }]));
    const from = h.fake.sent.length;
    const id = h.fake.slashCommand(ALICE, 'plan');
    const [deferred, edit, followup] = await h.fake.waitForSent(from, 3);
    expect(deferred).toMatchObject({ via: 'callback', interactionId: id, callbackType: 5, content: '' });
    expect(isEphemeral(deferred)).toBe(true);
    expect(edit).toMatchObject({ via: 'edit', interactionId: id, content: 'Welkom bij het Plan van Aanpak.' });
    expect(followup).toMatchObject({ via: 'followup', interactionId: id, content: 'Stap 1.' });
    expect(isEphemeral(followup)).toBe(true);
    // The edit went to the original response (discord.js sends @original encoded as %40original).
    expect(h.fake.requests.some((r) => r.method === 'PATCH' && r.path.endsWith(`itoken-${id}/messages/@original`))).toBe(true);
  });

  it('replaces a public placeholder when the slow answer turns out to be private', async () => {
    h.canned.set('traag geheim', later(400, [{ text: 'Alleen voor jou.', ephemeral: true }]));
    const from = h.fake.sent.length;
    const id = h.fake.slashCommand(BOB, 'vraag', { vraag: 'traag geheim' });
    const [deferred, removed, followup] = await h.fake.waitForSent(from, 3);
    expect(deferred).toMatchObject({ callbackType: 5, flags: 0 });
    expect(removed?.raw.deleted).toBe(true);
    expect(followup).toMatchObject({ via: 'followup', interactionId: id, content: 'Alleen voor jou.' });
    expect(isEphemeral(followup)).toBe(true);
  });
});

describe('discord: used buttons', () => {
  it('a feedback press turns the feedback buttons on that message into one disabled "✓ Nuttig"', async () => {
    let from = h.fake.sent.length;
    h.fake.directMessage(ALICE, 'Wanneer moet ons Plan van Aanpak binnen zijn?');
    const answer = await h.settle(from);
    const up = answer.flatMap((s) => s.components.flatMap((r) => r.components)).find((c) => c.custom_id?.startsWith('feedback:up:'));
    expect(up?.custom_id).toBeDefined();
    const edits = h.fake.messageEdits.length;
    from = h.fake.sent.length;
    h.fake.pressButton(ALICE, up!.custom_id, 'dm');
    await h.settle(from);
    await h.fake.waitFor(() => h.fake.messageEdits.length > edits || null, 5000, 'the message edit');
    const edited = h.fake.messageEdits.at(-1)!;
    const buttons = edited.components.flatMap((r) => r.components);
    expect(buttons.some((c) => c.custom_id?.startsWith('feedback:'))).toBe(false);
    expect(buttons.find((c) => c.custom_id === `used:${up!.custom_id}`)).toMatchObject({
      disabled: true,
      label: expect.stringMatching(/^✓ /),
    });
  });
});
