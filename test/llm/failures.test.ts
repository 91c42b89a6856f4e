import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CircuitBreaker } from '../../src/core/answering/circuit-breaker.js';
import type { TestApp } from '../support/app.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { captureLogs, grounded, modelApp, usageRows, usageStats } from './helpers.js';

const QUESTION = 'Wanneer moet het plan van aanpak binnen zijn?';
const KEY = 'test-key-SECRET-8f2a9c1d';

let fake: FakeOpenAI;
let app: TestApp;
const logs = captureLogs();

beforeAll(async () => {
  fake = await startFakeOpenAI();
  // Short budget: 500 ms per attempt, 2 retries → bound 500 × 3 + 1000 = 2500 ms.
  app = await modelApp(fake, { env: { OPENAI_API_KEY: KEY, OPENAI_TIMEOUT_MS: '500', OPENAI_MAX_RETRIES: '2' }, logger: logs.logger });
});
afterAll(async () => {
  await app?.close();
  await fake?.close();
});
beforeEach(async () => {
  fake.reset();
  // Each test starts with a model that has not failed yet (the breaker has its own test below).
  grounded(app).breaker.succeeded();
  await app.database.db.modelUsage.deleteMany();
});

function offlineAnswer(question = QUESTION) {
  return app.knowledge.knowledge.answer(question);
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

describe('model failures fall back to the offline answer', () => {
  it('states the bound: timeout × (retries + 1) + margin', () => {
    expect(grounded(app).boundMs).toBe(500 * 3 + 1000);
  });

  it('honours retry-after-ms on a 429, then answers with the model', async () => {
    fake.queue({ kind: 'status', status: 429, headers: { 'retry-after-ms': '300' } });
    const { value: result } = await timed(() => app.answerer.answer({ question: QUESTION }));
    expect(result.via).toBe('model');
    const [first, second] = fake.chatRequests();
    expect(fake.chatRequests()).toHaveLength(2);
    // Waited what the server asked (not the 200 ms default backoff).
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(290);
    const rows = await usageRows(app);
    expect(rows.map((r) => [r.kind, r.ok, r.error])).toEqual(
      expect.arrayContaining([
        ['chat', false, 'rate-limit (429)'],
        ['chat', true, null],
      ]),
    );
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.ok)?.promptTokens).toBeGreaterThan(0);
    expect(rows.find((r) => r.ok)?.completionTokens).toBeGreaterThan(0);
  });

  it('does not wait for a Retry-After beyond the budget: answers offline at once', async () => {
    fake.queue({ kind: 'status', status: 429, headers: { 'retry-after': '3600' } });
    const { value: result, ms } = await timed(() => app.answerer.answer({ question: QUESTION }));
    expect(result).toMatchObject({ via: 'offline', answer: offlineAnswer().answer });
    expect(fake.chatRequests()).toHaveLength(1);
    expect(ms).toBeLessThan(1000);
  });

  it('retries a 500 and then answers offline, logging the reason', async () => {
    fake.queue({ kind: 'status', status: 500 }, { kind: 'status', status: 500 }, { kind: 'status', status: 502 });
    const result = await app.answerer.answer({ question: QUESTION });
    const offline = offlineAnswer();
    expect(result).toMatchObject({ via: 'offline', answered: offline.answered, answer: offline.answer, citations: offline.citations });
    expect(fake.chatRequests()).toHaveLength(3);
    expect(logs.text()).toMatch(/"reason":"server","status":502.*model answer failed \(server\); answered offline/);
    expect(await usageStats(app)).toMatchObject({ requests: 3, failures: 3 });
  });

  it('recovers when a retry succeeds after a 500', async () => {
    fake.queue({ kind: 'status', status: 500 });
    const result = await app.answerer.answer({ question: QUESTION });
    expect(result.via).toBe('model');
    expect(await usageStats(app)).toMatchObject({ requests: 2, failures: 1 });
  });

  it('answers offline within the bound when the server stalls', async () => {
    fake.queue({ kind: 'stall', ms: 20_000 }, { kind: 'stall', ms: 20_000 }, { kind: 'stall', ms: 20_000 });
    const { value: result, ms } = await timed(() => app.answerer.answer({ question: QUESTION }));
    expect(result).toMatchObject({ via: 'offline', answer: offlineAnswer().answer });
    // Three attempts of 500 ms with backoff between them, inside the stated bound.
    expect(ms).toBeGreaterThanOrEqual(1500);
    expect(ms).toBeLessThan(grounded(app).boundMs);
    expect(fake.chatRequests()).toHaveLength(3);
    const rows = await usageRows(app);
    expect(rows.map((r) => r.error)).toEqual(['timeout', 'timeout', 'timeout']);
    expect(rows.every((r) => r.latencyMs >= 450 && r.latencyMs < 1000)).toBe(true);
  });

  it('answers offline when the model returns malformed JSON, without retrying', async () => {
    fake.queue({ kind: 'raw', content: 'Sure! The deadline is {not json' });
    const result = await app.answerer.answer({ question: QUESTION });
    expect(result).toMatchObject({ via: 'offline', answer: offlineAnswer().answer });
    expect(fake.chatRequests()).toHaveLength(1);
    const [row] = await usageRows(app);
    expect(row).toMatchObject({ ok: false, error: 'malformed', kind: 'chat' });
    expect(row!.completionTokens).toBeGreaterThan(0);
  });

  it('answers offline when the JSON has the wrong shape', async () => {
    fake.queue({ kind: 'json', value: { text: 'De deadline is 31 december 2016.', sources: ['plan-van-aanpak-nl'] } });
    const result = await app.answerer.answer({ question: QUESTION });
    expect(result.via).toBe('offline');
  });

  it('accepts JSON wrapped in a code fence (servers without JSON mode)', async () => {
    fake.rule = (body) => {
      const id = /<passage id="([^"]+)"/.exec(body.messages?.at(-1)?.content ?? '')?.[1];
      return {
        kind: 'raw',
        content: '```json\n' + JSON.stringify({ answered: true, answer: 'Uiterlijk 31 december 2016.', citations: [id] }) + '\n```',
      };
    };
    const result = await app.answerer.answer({ question: QUESTION });
    expect(result).toMatchObject({ via: 'model', answered: true, answer: 'Uiterlijk 31 december 2016.' });
  });

  it('counts failures for the digest and never logs the API key', async () => {
    // This server echoes the Authorization header in its error message, as some proxies do.
    fake.queue(...[1, 2, 3].map(() => ({ kind: 'status' as const, status: 503, echoAuth: true })));
    const result = await app.answerer.answer({ question: QUESTION });
    expect(result.via).toBe('offline');
    // The key was really in play: the server saw it.
    expect(fake.chatRequests()[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    const text = logs.text();
    expect(text).toContain('upstream failure for credentials Bearer [redacted]');
    expect(text).not.toContain(KEY);
    expect(text).not.toContain('SECRET');
    expect(await usageStats(app)).toMatchObject({ requests: 3, failures: 3 });
  });

  it('after repeated failures answers offline at once, probes in the background, and uses the model again once it answers', async () => {
    const answerer = grounded(app);
    const breaker = new CircuitBreaker({ threshold: 2, cooldownMs: 300 });
    Object.assign(answerer, { breaker });
    try {
      fake.rule = () => ({ kind: 'status', status: 503 });
      for (let i = 0; i < 2; i++) expect((await app.answerer.answer({ question: QUESTION })).via).toBe('offline');
      expect(breaker.closed).toBe(false);
      const calls = fake.chatRequests().length;
      // Open: answered offline without waiting, and without a model call.
      const { value, ms } = await timed(() => app.answerer.answer({ question: QUESTION }));
      expect(value.via).toBe('offline');
      expect(value.answer).toBe(offlineAnswer().answer);
      expect(ms).toBeLessThan(300);
      expect(fake.chatRequests()).toHaveLength(calls);
      // After the cooldown one question probes the model in the background; it has recovered.
      fake.rule = undefined;
      await new Promise((r) => setTimeout(r, 350));
      expect((await app.answerer.answer({ question: QUESTION })).via).toBe('offline');
      await vi.waitFor(() => expect(breaker.closed).toBe(true), { timeout: 5000 });
      expect(fake.chatRequests().length).toBeGreaterThan(calls);
      expect((await app.answerer.answer({ question: QUESTION })).via).toBe('model');
    } finally {
      Object.assign(answerer, { breaker: new CircuitBreaker({ threshold: 3, cooldownMs: 30_000 }) });
    }
  });
});
