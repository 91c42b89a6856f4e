/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { serve, type Running } from '../../src/serve.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { launchBrowser } from '../support/browser.js';

let app: TestApp;
let running: Running;
let browser: Browser;

beforeAll(async () => {
  app = await createTestApp();
  running = await serve(app);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

describe('web chat in a real browser', () => {
  it('asks the name once, sends on Enter, shows the reply, and remembers the name', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto(running.url);
    await page.getByLabel(/voornaam/).fill('Fatima');
    await page.keyboard.press('Enter');
    // The greeting uses the name typed in the dialog.
    await expect.poll(() => page.locator('.msg.bot').first().textContent()).toContain('Hoi Fatima!');

    await page.locator('#text').fill('hulp');
    await page.locator('#text').press('Enter');
    await expect.poll(() => page.locator('.msg.me').last().textContent()).toBe('hulp');
    await expect.poll(() => page.locator('.msg.bot').last().textContent()).toContain('Dit kan ik voor je doen');

    // A reload does not ask again: the name and browser identity are remembered, the conversation
    // so far comes back from the server, and the greeting is short the second time.
    await page.reload();
    await expect.poll(() => page.locator('.msg.bot').last().textContent()).toContain('Welkom terug, Fatima!');
    expect(await page.locator('.msg.me').allTextContents()).toEqual(['hulp']);
    expect(await page.locator('.msg.bot').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Dit kan ik voor je doen')]),
    );
    expect(await page.locator('#namedialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);

    // Readable on a phone: no horizontal scrolling.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  it("labels an answer's sources in the answer's language, and shows a list one item per line", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    await context.addInitScript(() => window.localStorage.setItem('buurtbot.name', 'Noor'));
    const page = await context.newPage();
    await page.goto(running.url);
    await expect.poll(() => page.locator('.msg.bot').count()).toBeGreaterThan(0);
    // The page is Dutch; an English question gets an English answer, so its sources say "Source".
    await page.locator('#text').fill('When is the deadline for our Plan van Aanpak?');
    await page.locator('#text').press('Enter');
    await expect.poll(() => page.locator('.msg.bot .sources').last().textContent()).toMatch(/^Source: /);
    await page.locator('#text').fill('Geef het overzicht van de inschatting: hoeveel buurtplatforms kiezen wat?');
    await page.locator('#text').press('Enter');
    await expect.poll(() => page.locator('.msg.bot .sources').last().textContent()).toMatch(/^Bron: /);
    // Each item of the estimate's list is on a line of its own, as many lines as items.
    // (innerText holds the line breaks the page shows, not the soft wraps of a narrow screen.)
    const shown = await page.locator('.msg.bot').last().innerText();
    expect(shown.split('\n').filter((line) => /^- \d/.test(line))).toHaveLength(6);
    await context.close();
  });

  it('switches the language with the header button, by keyboard', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => window.localStorage.setItem('buurtbot.name', 'Tom'));
    const page = await context.newPage();
    await page.goto(running.url);
    await expect.poll(() => page.locator('.msg.bot').count()).toBeGreaterThan(0);
    await page.locator('#lang').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.msg.bot').last().textContent()).toContain('I will speak English');
    expect(await page.locator('#send').textContent()).toBe('Send');
    await context.close();
  });
});
