/**
 * With a model configured, a Slack answer shows while it is written: one message, posted with the
 * first text and edited as more arrives (marked "…" while unfinished), which the final answer then
 * replaces (with its buttons and source). Real Bolt against the fake Slack, the real OpenAI client
 * against the fake model server.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WRITING_MARK } from '../../src/adapters/answer-stream.js';
import { eventEnvelope, sendToSlackEndpoint } from '../support/fake-slack.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { modelEnv } from '../llm/helpers.js';
import { SIGNING_SECRET, sectionTexts, startHarness, type Harness } from './harness.js';

let h: Harness;
let model: FakeOpenAI;
let tsCounter = 1_490_000_100;
const nextTs = () => `${(tsCounter += 1)}.000100`;

beforeAll(async () => {
  model = await startFakeOpenAI();
  h = await startHarness({
    env: modelEnv(model, { OPENAI_TIMEOUT_MS: '5000', OPENAI_MAX_RETRIES: '0' }),
    slack: { streamEditEveryMs: 30 },
  });
});
afterAll(async () => {
  await h?.close();
  await model?.close();
});
beforeEach(() => {
  model.reset();
  model.chunkDelayMs = 8;
});

async function send(event: Record<string, unknown>): Promise<void> {
  const res = await sendToSlackEndpoint(h.eventsUrl, JSON.stringify(eventEnvelope(event)), { secret: SIGNING_SECRET });
  expect(res.status).toBe(200);
}

const callsIn = (method: string, channel: string) => h.fake.callsTo(method).filter((c) => c.args.channel === channel);

describe('answers that show while they are written (Slack)', () => {
  it('posts the first text, edits it as it grows, and the final answer replaces that one message', async () => {
    const ts = nextTs();
    await send({
      type: 'message',
      channel_type: 'im',
      channel: 'DS1',
      user: 'US1',
      text: 'Wanneer moet het plan van aanpak binnen zijn?',
      ts,
      event_ts: ts,
    });
    const final = await h.fake.waitFor(
      () => callsIn('chat.update', 'DS1').find((c) => Array.isArray(c.args.blocks)),
      'the final answer in place',
    );
    const posts = callsIn('chat.postMessage', 'DS1');
    // One message for the answer: the streamed one, not a second post under it.
    expect(posts).toHaveLength(1);
    const streamedTs = (posts[0]?.response as { ts?: string } | undefined)?.ts;
    expect(String(posts[0]?.args.text)).toMatch(new RegExp(`${WRITING_MARK.trim()}$`));
    const edits = callsIn('chat.update', 'DS1');
    expect(edits.every((c) => c.args.ts === streamedTs)).toBe(true);
    const writing = edits.filter((c) => !Array.isArray(c.args.blocks)).map((c) => String(c.args.text).replace(/ …$/, ''));
    expect(writing.length).toBeGreaterThan(0);
    // Each edit shows more of the answer than the one before.
    expect(writing.every((text, i) => i === 0 || text.length > writing[i - 1]!.length)).toBe(true);
    expect(final.args.ts).toBe(streamedTs);
    expect(sectionTexts(final.args).join('\n')).toContain('31 december 2016');
    expect(String(final.args.text)).not.toMatch(/ …$/);
    expect(JSON.stringify(final.args.blocks)).toMatch(/feedback:up/);
    expect(edits.at(-1)).toBe(final);
  });

  it('streams a mention in a channel into the thread of that mention', async () => {
    const ts = nextTs();
    await send({
      type: 'app_mention',
      user: 'US2',
      text: '<@UBOT> Wanneer moet het plan van aanpak binnen zijn?',
      ts,
      channel: 'CS2',
      event_ts: ts,
    });
    const final = await h.fake.waitFor(
      () => callsIn('chat.update', 'CS2').find((c) => Array.isArray(c.args.blocks)),
      'the final answer in the thread',
    );
    const posts = callsIn('chat.postMessage', 'CS2');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.args.thread_ts).toBe(ts);
    expect(final.args.ts).toBe((posts[0]?.response as { ts?: string } | undefined)?.ts);
  });

  it('never shows an invented fact while writing, and the refusal replaces what was shown', async () => {
    model.queue({
      kind: 'json',
      value: { answered: true, answer: 'Jullie krijgen 10.000 euro extra voor jullie plan van aanpak.', citations: ['verzonnen-nl'] },
    });
    const ts = nextTs();
    await send({
      type: 'message',
      channel_type: 'im',
      channel: 'DS3',
      user: 'US3',
      text: 'Wanneer moet het plan van aanpak binnen zijn?',
      ts,
      event_ts: ts,
    });
    const final = await h.fake.waitFor(
      () => callsIn('chat.update', 'DS3').find((c) => Array.isArray(c.args.blocks)),
      'the refusal in place',
    );
    const shownWhileWriting = [...callsIn('chat.postMessage', 'DS3'), ...callsIn('chat.update', 'DS3').filter((c) => c !== final)].map(
      (c) => String(c.args.text),
    );
    expect(shownWhileWriting.join('\n')).toMatch(/Jullie krijgen/);
    expect(shownWhileWriting.join('\n')).not.toMatch(/10\.000/);
    expect(JSON.stringify(final.args)).not.toMatch(/10\.000 euro/);
    expect(JSON.stringify(final.args.blocks)).toMatch(/forward:/);
  });
});
