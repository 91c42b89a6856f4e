/**
 * Shared set-up for the model tests: a real App wired to the fake OpenAI server on 127.0.0.1, a
 * log capture through the production logger (pino), and small readers for what was recorded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { expect } from 'vitest';
import { GroundedAnswerer } from '../../src/core/answering/grounded.js';
import type { Logger } from '../../src/core/ports.js';
import { createLogger } from '../../src/logging.js';
import { PrismaStatsSource } from '../../src/storage/repositories/stats.js';
import { createTestApp, tempDir, type TestApp } from '../support/app.js';
import type { ChatBody, FakeOpenAI } from '../support/fake-openai.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export function modelEnv(fake: FakeOpenAI, extra: Record<string, string> = {}): Record<string, string> {
  return { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'test', OPENAI_MODEL: 'fake-chat', ...extra };
}

export async function modelApp(
  fake: FakeOpenAI,
  options: { env?: Record<string, string>; logger?: Logger; dir?: string; now?: string } = {},
): Promise<TestApp> {
  return createTestApp({
    env: modelEnv(fake, options.env),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.dir ? { dir: options.dir } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
}

export function grounded(app: TestApp): GroundedAnswerer {
  expect(app.answerer).toBeInstanceOf(GroundedAnswerer);
  return app.answerer as GroundedAnswerer;
}

/** The production logger writing into memory, at trace level, with no secrets to mask: our own hygiene is tested. */
export function captureLogs(): { logger: Logger; text(): string } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: createLogger('trace', sink, []), text: () => chunks.join('') };
}

export function lastChat(fake: FakeOpenAI): ChatBody {
  const request = fake.chatRequests().at(-1);
  expect(request, 'the fake received a chat request').toBeDefined();
  return request?.body as ChatBody;
}

export function userMessage(body: ChatBody): string {
  return [...(body.messages ?? [])].reverse().find((m) => m.role === 'user')?.content ?? '';
}

export function prompt(name: string): string {
  return fs.readFileSync(path.join(ROOT, 'prompts', 'v1', name), 'utf8').trim();
}

export async function usageRows(app: TestApp) {
  return app.database.db.modelUsage.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}

export async function usageStats(app: TestApp) {
  const stats = await new PrismaStatsSource(app.database.db).activity(new Date(0), new Date('2100-01-01'));
  return stats.modelUsage;
}

/** A copy of the content folder, so a test may edit knowledge-base entries. */
export function copyContent(): string {
  const dir = tempDir('buurtbot-content-');
  fs.cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
  return dir;
}
