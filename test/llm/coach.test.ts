import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app.js';
import { ANSWERS, ChatDriver } from '../support/chat.js';
import { startFakeOpenAI, type ChatBody, type FakeOpenAI } from '../support/fake-openai.js';
import { modelApp, usageRows } from './helpers.js';

let fake: FakeOpenAI;
let app: TestApp;
let anna: ChatDriver;

const SUGGESTION = 'Noem ook hoeveel bewoners er nu actief meedoen.';
const isCoaching = (body: ChatBody) => (body.messages ?? []).some((m) => m.content.includes('"suggestion"'));

beforeEach(async () => {
  fake = await startFakeOpenAI();
  app = await modelApp(fake, { now: '2016-12-01T10:00:00+01:00', env: { OPENAI_TIMEOUT_MS: '500', OPENAI_MAX_RETRIES: '0' } });
  const platform = await app.platforms.create({ name: 'Buurtplatform Wyck', buurt: 'Wyck' });
  await app.platforms.addMember(platform.id, 'cli:anna', 'board');
  anna = new ChatDriver(app, 'cli:anna', 'Anna');
});
afterEach(async () => {
  await app.close();
  await fake.close();
});

describe('plan coaching with a model', () => {
  it('suggests what a saved section still misses, from the section guidance', async () => {
    fake.rule = (body) => (isCoaching(body) ? { kind: 'json', value: { suggestion: SUGGESTION } } : undefined);
    await anna.say('plan');
    const reply = await anna.sayText(ANSWERS['platform-en-buurt']);
    expect(reply).toContain('Opgeslagen: Jullie platform en buurt.');
    expect(reply).toContain(`💡 Suggestie (je beslist zelf): ${SUGGESTION}`);
    // The flow went on to the next section as before.
    expect(reply).toContain('Stap 2 van 9');
    const body = fake.chatRequests()[0]?.body as ChatBody;
    const sent = body.messages?.[0]?.content ?? '';
    const section = app.template().sections[0]!;
    expect(sent).toContain(section.guidance.nl);
    expect(sent).toContain(ANSWERS['platform-en-buurt']);
    expect((await usageRows(app)).map((r) => [r.kind, r.ok])).toEqual([['chat', true]]);
  });

  it('adds a suggestion to a refused answer', async () => {
    fake.rule = (body) => (isCoaching(body) ? { kind: 'json', value: { suggestion: SUGGESTION } } : undefined);
    await anna.say('plan');
    const reply = await anna.sayText('Wij zijn Wyck.');
    expect(reply).toMatch(/kort/);
    expect(reply).toContain(SUGGESTION);
  });

  it('says nothing extra when nothing is missing', async () => {
    fake.rule = () => ({ kind: 'json', value: { suggestion: '' } });
    await anna.say('plan');
    const reply = await anna.sayText(ANSWERS['platform-en-buurt']);
    expect(fake.chatRequests()).toHaveLength(1);
    expect(reply).not.toContain('Suggestie');
  });

  it('ignores a failing or slow model: the plan flow is unchanged', async () => {
    fake.queue({ kind: 'status', status: 500 });
    await anna.say('plan');
    const failed = await anna.sayText(ANSWERS['platform-en-buurt']);
    expect(failed).toContain('Opgeslagen: Jullie platform en buurt.');
    expect(failed).not.toContain('Suggestie');
    fake.queue({ kind: 'stall', ms: 10_000 });
    const started = performance.now();
    const slow = await anna.sayText(ANSWERS.bestuur);
    expect(slow).toContain('Opgeslagen');
    // Board sections are not coached (structured, not prose); the next one is.
    expect(fake.chatRequests()).toHaveLength(1);
    const stalled = await anna.sayText(ANSWERS['visie-en-doelen']);
    expect(stalled).toContain('Opgeslagen');
    expect(stalled).not.toContain('Suggestie');
    expect(performance.now() - started).toBeLessThan(500 + 1000);
  });
});
