/**
 * "Bedoel je…?": when no entry is certain but some came close, the bot offers them as buttons
 * (typed numbers work too) instead of giving up; choosing one answers it. On a small knowledge base
 * of its own, so the test does not move when the real content grows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRIES, writeKnowledgeBase } from '../knowledge/fixtures.js';
import { ChatDriver } from '../support/chat.js';
import { createTestApp, tempDir, type TestApp } from '../support/app.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

let app: TestApp;
beforeAll(async () => {
  const content = tempDir();
  for (const file of ['plan-template.yaml', 'deadlines.yaml', 'transition.yaml'])
    fs.copyFileSync(path.join(ROOT, 'content', file), path.join(content, file));
  writeKnowledgeBase(path.join(content, 'kb'), ENTRIES);
  app = await createTestApp({ env: { BUURTBOT_CONTENT_DIR: content } });
});
afterAll(async () => {
  await app.close();
});

describe('asking back instead of giving up', () => {
  it('offers the close topics as buttons with numbers, and pressing one answers it', async () => {
    const anna = new ChatDriver(app, 'web:anna0000', 'Anna', 'web');
    const [offer] = await anna.say('wanneer was die bijeenkomst in de zaal');
    expect(offer?.kind).toBe('refusal');
    expect(offer?.text).toMatch(/Bedoel je een van deze/);
    expect(offer?.buttons?.map((b) => [b.id, b.label, b.typed])).toEqual([
      ['ask:topic:startbijeenkomst', '1. Startbijeenkomst op 2 april 2016', '1'],
      [expect.stringMatching(/^forward:/), '📨 Geen van deze: vraag een coördinator', 'doorsturen'],
    ]);
    const [answer] = await anna.press('ask:topic:startbijeenkomst');
    expect(answer?.kind).toBe('answer');
    expect(answer?.text).toContain('2 april 2016');
    expect(answer?.citations?.[0]?.id).toBe('startbijeenkomst-nl');
    // The choice is recorded as the answer to the question that was asked.
    const recorded = await app.database.db.question.findMany({ orderBy: { createdAt: 'asc' } });
    expect(recorded.at(-1)).toMatchObject({ text: 'wanneer was die bijeenkomst in de zaal', answered: true, topics: 'startbijeenkomst' });
  });

  it('a typed number chooses too; anything else is a new message', async () => {
    const bram = new ChatDriver(app, 'web:bram0000', 'Bram', 'web');
    await bram.say('wanneer was die bijeenkomst in de zaal');
    expect(await bram.sayText('1')).toContain('2 april 2016');
    // The offer is used up: a later "1" is not a choice any more.
    expect(await bram.sayText('1')).not.toContain('2 april 2016');
    await bram.say('wanneer was die bijeenkomst in de zaal');
    expect(await bram.sayText('Wat moet er in het Plan van Aanpak en wanneer?')).toContain('31 december 2016');
  });

  it('a command after the offer is the command, not a question', async () => {
    const cas = new ChatDriver(app, 'web:cas00000', 'Cas', 'web');
    await cas.say('wanneer was die bijeenkomst in de zaal');
    // `hulp` shows the help (no knowledge answer about "hulp"), and `platforms` lists the platforms.
    expect(await cas.sayText('hulp')).toContain('Dit kan ik voor je doen');
    await cas.say('wanneer was die bijeenkomst in de zaal');
    expect(await cas.sayText('platforms')).toContain('Er staan nog geen platforms in buurtbot');
  });
});
