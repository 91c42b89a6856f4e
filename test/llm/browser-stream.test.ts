import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { serve, type Running } from '../../src/serve.js';
import type { TestApp } from '../support/app.js';
import { launchBrowser } from '../support/browser.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { modelApp, prompt } from './helpers.js';

let fake: FakeOpenAI;
let app: TestApp;
let running: Running;
let browser: Browser;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  app = await modelApp(fake);
  running = await serve(app);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await running?.stop();
  await fake?.close();
});
beforeEach(() => {
  fake.reset();
  // Slow enough that the page shows the text while it is being written.
  fake.chunkDelayMs = 40;
});

async function openChat(): Promise<Page> {
  const context = await browser.newContext();
  await context.addInitScript(() => window.localStorage.setItem('buurtbot.name', 'Fatima'));
  const page = await context.newPage();
  await page.goto(running.url);
  await expect.poll(() => page.locator('.msg.bot').count()).toBeGreaterThan(0);
  return page;
}

async function ask(page: Page, question: string): Promise<void> {
  await page.locator('#text').fill(question);
  await page.locator('#text').press('Enter');
}

describe('web chat page with a streaming model', () => {
  it('shows the answer while it is written, then the checked answer with its source', async () => {
    const page = await openChat();
    await ask(page, 'Wanneer moet het plan van aanpak binnen zijn?');
    // The partial bubble appears (hidden from screen readers) before the answer is complete.
    const partial = page.locator('.msg.partial');
    await partial.waitFor({ state: 'attached' });
    expect(await partial.getAttribute('aria-hidden')).toBe('true');
    await expect.poll(() => page.locator('.msg.bot:not(.partial)').last().textContent(), { timeout: 15_000 }).toContain('31 december 2016');
    expect(await page.locator('.msg.partial').count()).toBe(0);
    expect(await page.locator('.msg.bot').last().locator('.sources').textContent()).toMatch(/^Bron: /);
    await page.context().close();
  });

  it('replaces streamed text that fails the checks with the refusal', async () => {
    fake.queue({ kind: 'hallucinate', citations: ['verzonnen-nl'] });
    const page = await openChat();
    await ask(page, 'Wanneer moet het plan van aanpak binnen zijn?');
    await expect
      .poll(() => page.locator('.msg.bot').last().textContent(), { timeout: 15_000 })
      .toContain(prompt('refusal.nl.txt').slice(0, 40));
    expect(await page.locator('#log').textContent()).not.toContain('10.000 euro');
    await page.context().close();
  });
});
