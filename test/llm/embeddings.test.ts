import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeVector } from '../../src/storage/repositories/model-stores.js';
import { contentHash, cosine, embeddingText } from '../../src/core/answering/embedding-index.js';
import { tempDir, type TestApp } from '../support/app.js';
import { fakeEmbedding, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { copyContent, grounded, modelApp, usageRows } from './helpers.js';

const EMBEDDING_MODEL = 'fake-embed';

let fake: FakeOpenAI;
let contentDir: string;
let dataDir: string;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  contentDir = copyContent();
  dataDir = tempDir();
});
afterAll(async () => {
  await fake?.close();
});

/** An app on the same database and content each time: a restart. */
async function start(): Promise<TestApp> {
  const app = await modelApp(fake, { dir: dataDir, env: { BUURTBOT_CONTENT_DIR: contentDir, OPENAI_EMBEDDING_MODEL: EMBEDDING_MODEL } });
  await grounded(app).ready();
  return app;
}

describe('hybrid retrieval with cached embeddings', () => {
  it('embeds every entry on first startup, as base64, and caches the vectors by content hash', async () => {
    fake.reset();
    const app = await start();
    try {
      const entries = app.knowledge.knowledge.entries;
      const requests = fake.embeddingRequests();
      expect(requests.length).toBeGreaterThan(1); // batched
      // The client's default encoding is base64; the fake honours it and the client decodes it.
      expect(requests.every((r) => r.body['encoding_format'] === 'base64' && r.body['model'] === EMBEDDING_MODEL)).toBe(true);
      expect(fake.embeddedInputs()).toHaveLength(entries.length);
      const rows = await app.database.db.embeddingCache.findMany();
      expect(rows).toHaveLength(entries.length);
      // What is stored is the vector the server sent, keyed by model + text.
      const entry = entries[0]!;
      const row = rows.find((r) => r.hash === contentHash(EMBEDDING_MODEL, embeddingText(entry)));
      expect(row?.model).toBe(EMBEDDING_MODEL);
      const stored = decodeVector(row!.vector);
      const expected = fakeEmbedding(embeddingText(entry));
      expect(stored).toHaveLength(expected.length);
      expect(cosine(stored, expected)).toBeCloseTo(1, 5);
      expect((await usageRows(app)).filter((r) => r.kind === 'embedding' && r.ok)).toHaveLength(requests.length);
    } finally {
      await app.close();
    }
  });

  it('embeds the question and answers with hybrid retrieval', async () => {
    const app = await start();
    try {
      fake.reset();
      const question = 'Wanneer moet het plan van aanpak binnen zijn?';
      const result = await app.answerer.answer({ question });
      expect(result).toMatchObject({ via: 'model', answered: true });
      expect(fake.embeddedInputs()).toEqual([question]);
      // The same question again is served from the in-memory query cache.
      await app.answerer.answer({ question });
      expect(fake.embeddingRequests()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  it('makes no embedding calls on a restart with unchanged content', async () => {
    fake.reset();
    const app = await start();
    await app.close();
    expect(fake.embeddingRequests()).toHaveLength(0);
  });

  it('re-embeds only an entry that changed', async () => {
    const file = path.join(contentDir, 'kb', 'facts', 'buurtplatforms-32-van-36-buurten.nl.md');
    fs.writeFileSync(file, `${fs.readFileSync(file, 'utf8').trimEnd()}\n\nEen extra zin voor deze test.\n`);
    fake.reset();
    const app = await start();
    try {
      const inputs = fake.embeddedInputs();
      expect(inputs).toHaveLength(1);
      expect(inputs[0]).toContain('Een extra zin voor deze test.');
    } finally {
      await app.close();
    }
  });

  it('picks up a knowledge-base reload: only the new entry is embedded', async () => {
    const app = await start();
    try {
      fake.reset();
      await app.knowledge.addEntry({
        question: 'Waar is het buurthuis van Wyck?',
        answer: 'Aan de Rechtstraat.',
        language: 'nl',
        by: 'Coördinator',
        at: app.clock.now(),
      });
      await app.knowledge.reload();
      await grounded(app).ready();
      // The coordinator entry and its English twin.
      expect(fake.embeddedInputs()).toHaveLength(2);
    } finally {
      await app.close();
    }
  });

  it('answers with keyword retrieval when embeddings fail', async () => {
    const dir = tempDir();
    fake.reset();
    fake.failEmbeddings(...Array.from({ length: 20 }, () => 500));
    const app = await modelApp(fake, {
      dir,
      env: { BUURTBOT_CONTENT_DIR: contentDir, OPENAI_EMBEDDING_MODEL: EMBEDDING_MODEL, OPENAI_MAX_RETRIES: '0' },
    });
    try {
      await grounded(app).ready();
      expect(await app.database.db.embeddingCache.count()).toBe(0);
      const result = await app.answerer.answer({ question: 'Wanneer moet het plan van aanpak binnen zijn?' });
      expect(result).toMatchObject({ via: 'model', answered: true });
      expect(result.answer).toContain('31 december 2016');
    } finally {
      await app.close();
    }
  });
});
