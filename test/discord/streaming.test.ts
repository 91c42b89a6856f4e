/**
 * With a model configured, a Discord answer shows while it is written: a reply to the question
 * (or the acknowledged reply of a slash command) edited as text arrives, which the final answer
 * then replaces, embed and buttons included. Real discord.js against the fake Discord, the real
 * OpenAI client against the fake model server.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WRITING_MARK } from '../../src/adapters/answer-stream.js';
import { ALICE, BOB } from '../support/fake-discord.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { modelEnv } from '../llm/helpers.js';
import { startHarness, type Harness } from './harness.js';

const QUESTION = 'Wanneer moet het plan van aanpak binnen zijn?';
let h: Harness;
let model: FakeOpenAI;

beforeAll(async () => {
  model = await startFakeOpenAI();
  // Acknowledge slash commands at once, so the answer is written into the acknowledged reply.
  h = await startHarness({
    env: modelEnv(model, { OPENAI_TIMEOUT_MS: '5000', OPENAI_MAX_RETRIES: '0' }),
    discord: { streamEditEveryMs: 30, ackAfterMs: 10 },
  });
});
afterAll(async () => {
  await h?.stop();
  await model?.close();
});
beforeEach(() => {
  model.reset();
  model.chunkDelayMs = 8;
});

describe('answers that show while they are written (Discord)', () => {
  it('replies with the first text, edits that reply as it grows, and the final answer takes its place', async () => {
    const from = h.fake.sent.length;
    const dm = h.fake.directMessage(ALICE, QUESTION);
    const [first] = await h.fake.waitForSent(from);
    expect(first?.replyTo).toBe(dm.id);
    expect(first?.content).toMatch(new RegExp(`${WRITING_MARK.trim()}$`));
    const streamedId = String(first?.raw['id']);
    const final = await h.fake.waitFor(
      () => h.fake.messageEdits.find((e) => e.messageId === streamedId && (e.embeds?.length ?? 0) > 0),
      10_000,
      'the final answer in place',
    );
    await h.settle(from);
    // One message for the answer: no second reply under the streamed one.
    expect(h.fake.sent.slice(from).filter((s) => s.channelId === dm.channelId)).toHaveLength(1);
    const writing = h.fake.messageEdits.filter((e) => e.messageId === streamedId && e !== final).map((e) => e.content ?? '');
    expect(writing.length).toBeGreaterThan(0);
    expect(writing.every((text) => text.endsWith(WRITING_MARK))).toBe(true);
    expect(final.content).toContain('31 december 2016');
    expect(final.content?.endsWith(WRITING_MARK)).toBe(false);
    expect(final.embeds?.[0]?.title).toBe('Bronnen');
    expect(JSON.stringify(final.components)).toMatch(/feedback:up/);
    expect(h.fake.messageEdits.filter((e) => e.messageId === streamedId).at(-1)).toBe(final);
  });

  it('writes a slash command’s answer into its acknowledged reply, then replaces it with the answer', async () => {
    const from = h.fake.sent.length;
    const id = h.fake.slashCommand(BOB, 'vraag', { vraag: QUESTION });
    await h.settle(from);
    const mine = h.fake.sent.slice(from).filter((s) => s.interactionId === id);
    expect(mine[0]).toMatchObject({ via: 'callback', callbackType: 5 });
    const edits = mine.filter((s) => s.via === 'edit');
    const writing = edits.filter((e) => e.embeds.length === 0);
    expect(writing.length).toBeGreaterThan(0);
    expect(writing.every((e) => e.content.endsWith(WRITING_MARK))).toBe(true);
    const last = edits.at(-1);
    expect(last?.content).toContain('31 december 2016');
    expect(last?.content.endsWith(WRITING_MARK)).toBe(false);
    expect(last?.embeds[0]?.title).toBe('Bronnen');
  });
});
