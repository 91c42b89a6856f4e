/// <reference lib="dom" />
/**
 * Issue 16 in a real browser: a page that puts someone else's id in every request is still its
 * own person; reloading mid-plan keeps the draft and shows the history; text that was not stored
 * goes back in the box.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { serve, type Running } from '../../src/serve.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { launchBrowser } from '../support/browser.js';

let app: TestApp;
let running: Running;
let browser: Browser;

beforeAll(async () => {
  app = await createTestApp({ env: { SCHEDULER_ENABLED: 'false' } });
  running = await serve(app);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

async function openAs(name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  await context.addInitScript((n) => window.localStorage.setItem('buurtbot.name', n), name);
  const page = await context.newPage();
  await page.goto(running.url);
  await expect.poll(() => page.locator('.msg.bot').count()).toBeGreaterThan(0);
  return { context, page };
}

async function say(page: Page, text: string): Promise<string> {
  const before = await page.locator('.msg.bot').count();
  await page.locator('#text').fill(text);
  await page.locator('#text').press('Enter');
  await expect.poll(() => page.locator('.msg.bot').count()).toBeGreaterThan(before);
  await expect.poll(() => page.locator('#send').isDisabled()).toBe(false);
  return (await page.locator('.msg.bot').allTextContents()).slice(before).join('\n');
}

const idIn = (text: string) => /(web:[\w-]+)/.exec(text)?.[1] ?? '';

describe('web chat trust, in a real browser', () => {
  it('a person who puts another’s web:<id> in every request of her page is still herself', async () => {
    const a = await openAs('Anna');
    const annaId = idIn(await say(a.page, 'mijn gegevens'));
    expect(annaId).toMatch(/^web:[\w-]+$/);
    await app.outbox.toUser(annaId, [{ text: 'Alleen voor Anna' }]);

    const b = await openAs('Bea');
    const clientId = annaId.slice('web:'.length);
    // Every request of B's page carries A's id, in the body and in the query, as the old page did.
    await b.context.route('**/api/**', async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      url.searchParams.set('clientId', clientId);
      const body = request.postData();
      const postData = body ? JSON.stringify({ ...(JSON.parse(body) as object), clientId, userRef: annaId }) : undefined;
      await route.continue({ url: url.toString(), ...(postData ? { postData } : {}) });
    });
    await b.page.reload();
    await expect.poll(() => b.page.locator('.msg.bot').count()).toBeGreaterThan(0);
    const beaId = idIn(await say(b.page, 'mijn gegevens'));
    expect(beaId).not.toBe(annaId);
    expect(beaId).toMatch(/^web:/);
    expect(await b.page.locator('.msg').allTextContents()).not.toContain('Alleen voor Anna');
    await b.context.close();
    await a.context.close();
  });

  it('a reload in the middle of a plan step keeps the draft, and shows the conversation so far', async () => {
    const { context, page } = await openAs('Chantal');
    const id = idIn(await say(page, 'mijn gegevens'));
    const platform = await app.platforms.create({ name: 'Buurtplatform Wyck' });
    await app.platforms.addMember(platform.id, id, 'board');
    await say(page, 'plan');
    expect(await say(page, 'Wij zijn een klein platform')).toMatch(/bewaard als concept/);

    await page.reload();
    await expect.poll(() => page.locator('.msg.bot').last().textContent()).toContain('Welkom terug, Chantal!');
    // The history is back, not an empty chat.
    expect(await page.locator('.msg.me').allTextContents()).toEqual(['mijn gegevens', 'plan', 'Wij zijn een klein platform']);
    // Typing a greeting in the plan step is not an answer either.
    await say(page, 'hallo');
    expect(await say(page, 'plan')).toContain('Wij zijn een klein platform');
    await context.close();
  });

  it('puts the text back in the box when the server did not store it', async () => {
    const { context, page } = await openAs('Dirk');
    await page.route('**/api/messages', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'database is locked' }) }),
    );
    await page.locator('#text').fill('Mijn lange tekst voor het plan');
    await page.locator('#text').press('Enter');
    await expect.poll(() => page.locator('.msg.error').count()).toBeGreaterThan(0);
    expect(await page.locator('#text').inputValue()).toBe('Mijn lange tekst voor het plan');

    // A turn that failed inside the bot answers 200 with stored:false: the text comes back too.
    await page.unroute('**/api/messages');
    await page.route('**/api/messages', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ replies: [{ kind: 'error', text: 'Sorry, er ging iets mis.' }], stored: false }),
      }),
    );
    await page.locator('#text').fill('Tweede poging');
    await page.locator('#text').press('Enter');
    await expect.poll(() => page.locator('.msg.error').count()).toBeGreaterThan(1);
    expect(await page.locator('#text').inputValue()).toBe('Tweede poging');
    await context.close();
  });
});
