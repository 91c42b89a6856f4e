import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serve, type Running } from '../../src/serve.js';
import type { TestApp } from '../support/app.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { lastChat, modelApp, prompt, usageRows } from './helpers.js';

const QUESTION = 'Wanneer moet het plan van aanpak binnen zijn?';

let fake: FakeOpenAI;
let app: TestApp;
let running: Running;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  app = await modelApp(fake, { env: { OPENAI_TIMEOUT_MS: '1000', OPENAI_MAX_RETRIES: '0' } });
  running = await serve(app);
});
afterAll(async () => {
  await running?.stop();
  await fake?.close();
});
beforeEach(async () => {
  fake.reset();
  fake.chunkDelayMs = 2;
  await app.database.db.modelUsage.deleteMany();
});

interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

async function postStream(
  body: unknown,
  how: 'accept' | 'query' = 'accept',
): Promise<{ status: number; type: string; events: SseEvent[] }> {
  const res = await fetch(`${running.url}/api/messages${how === 'query' ? '?stream=1' : ''}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(how === 'accept' ? { accept: 'text/event-stream' } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  const events = text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null') as Record<string, unknown>;
      return { event, data };
    });
  return { status: res.status, type: res.headers.get('content-type') ?? '', events };
}

function isGrowing(texts: string[]): boolean {
  return texts.every((text, i) => i === 0 || (text.startsWith(texts[i - 1]!) && text.length > texts[i - 1]!.length));
}

describe('streaming answers', () => {
  it('passes partial text in order, and the final answer is the validated one', async () => {
    const partials: string[] = [];
    const result = await app.answerer.answer({ question: QUESTION, onPartial: (text) => partials.push(text) });
    expect(result).toMatchObject({ via: 'model', answered: true });
    expect(lastChat(fake)).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(partials.length).toBeGreaterThan(5);
    expect(isGrowing(partials)).toBe(true);
    // Partials are the answer text only, never the JSON around it.
    expect(partials.some((p) => p.includes('"citations"') || p.includes('{'))).toBe(false);
    // Whole words only: the last word arrives with the final answer.
    expect(result.answer.startsWith(partials.at(-1)!)).toBe(true);
    expect(partials.at(-1)!.length).toBeGreaterThan(result.answer.length / 2);
    // Usage arrives in the stream's last chunk.
    const [row] = await usageRows(app);
    expect(row).toMatchObject({ ok: true, kind: 'chat' });
    expect(row!.completionTokens).toBeGreaterThan(0);
  });

  it('stops showing text as soon as it states a fact the passages do not have, and refuses', async () => {
    fake.queue({ kind: 'json', value: { answered: true, answer: 'Jullie krijgen 10.000 euro extra.', citations: ['verzonnen-nl'] } });
    const partials: string[] = [];
    const result = await app.answerer.answer({ question: QUESTION, onPartial: (text) => partials.push(text) });
    expect(partials.at(-1)).toBe('Jullie krijgen');
    expect(partials.join('\n')).not.toContain('10.000');
    expect(result).toMatchObject({ answered: false, via: 'model', answer: prompt('refusal.nl.txt') });
  });

  it('shows no link while writing, as the final answer shows none', async () => {
    fake.queue({
      kind: 'json',
      value: {
        answered: true,
        answer: 'Lever het plan uiterlijk 31 december 2016 in, zie https://example.org/plan voor het formulier en meer uitleg.',
        citations: ['plan-van-aanpak-deadline-nl'],
      },
    });
    const partials: string[] = [];
    const result = await app.answerer.answer({ question: QUESTION, onPartial: (text) => partials.push(text) });
    expect(partials.some((p) => p.includes('31 december 2016'))).toBe(true);
    expect(partials.join('\n')).not.toMatch(/https?:|example\.org/);
    expect(result.answer).not.toMatch(/https?:|example\.org/);
  });

  it('does not stream when nobody listens', async () => {
    await app.answerer.answer({ question: QUESTION });
    expect(lastChat(fake).stream).toBeUndefined();
  });
});

describe('web chat over server-sent events', () => {
  it('streams partial events and ends with the replies', async () => {
    const { status, type, events } = await postStream({ clientId: 'stream-client-01', text: QUESTION });
    expect(status).toBe(200);
    expect(type).toContain('text/event-stream');
    const partials = events.filter((e) => e.event === 'partial').map((e) => String(e.data['text']));
    expect(partials.length).toBeGreaterThan(5);
    expect(isGrowing(partials)).toBe(true);
    const last = events.at(-1);
    expect(last?.event).toBe('done');
    const replies = last?.data['replies'] as Array<{ text: string; kind: string; citations: Array<{ id: string }> }>;
    expect(replies[0]?.kind).toBe('answer');
    expect(replies[0]?.text.startsWith(partials.at(-1)!)).toBe(true);
    expect(replies[0]?.citations[0]?.id).toBe('plan-van-aanpak-deadline-nl');
  });

  it('ends with the refusal when the streamed answer is rejected', async () => {
    fake.queue({ kind: 'hallucinate', citations: ['verzonnen-nl'] });
    const { events } = await postStream({ clientId: 'stream-client-02', text: QUESTION }, 'query');
    // The invented amount is never shown, not even while the answer is being written.
    expect(events.some((e) => e.event === 'partial')).toBe(true);
    expect(events.some((e) => e.event === 'partial' && String(e.data['text']).includes('10.000'))).toBe(false);
    const done = events.at(-1);
    expect(done?.event).toBe('done');
    const replies = done?.data['replies'] as Array<{ text: string; kind: string }>;
    expect(replies[0]).toMatchObject({ kind: 'refusal', text: prompt('refusal.nl.txt') });
  });

  it('ends with the offline answer when the stream stalls past the timeout', async () => {
    // 1000 ms per attempt, no retries: a stream that trickles slower than that is cut off.
    fake.chunkDelayMs = 150;
    const started = performance.now();
    const { events } = await postStream({ clientId: 'stream-client-03', text: QUESTION });
    const ms = performance.now() - started;
    expect(events.filter((e) => e.event === 'partial').length).toBeGreaterThan(0);
    const replies = events.at(-1)?.data['replies'] as Array<{ text: string; kind: string }>;
    expect(replies[0]?.text).toBe(app.knowledge.knowledge.answer(QUESTION).answer);
    expect(ms).toBeLessThan(1000 + 1000 + 500);
  });

  it('answers non-question messages in the stream too (no partials)', async () => {
    const { events } = await postStream({ clientId: 'stream-client-04', text: 'hulp' });
    expect(events.map((e) => e.event)).toEqual(['done']);
    expect(String((events[0]?.data['replies'] as Array<{ text: string }>)[0]?.text)).toContain('Dit kan ik voor je doen');
    expect(fake.chatRequests()).toHaveLength(0);
  });

  it('still rejects a bad request with a plain 400', async () => {
    const res = await fetch(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ name: 'hoi' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/send text, action or form/);
  });

  it('keeps the JSON endpoint for clients that do not ask for a stream', async () => {
    const res = await fetch(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: 'stream-client-05', text: QUESTION }),
    });
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as { replies: Array<{ kind: string; text: string }> };
    expect(body.replies[0]?.kind).toBe('answer');
    expect(lastChat(fake).stream).toBeUndefined();
  });
});
