/// <reference lib="dom" />
/**
 * Drills: 200 conversations at once, 100 KB messages, control characters and markup in names
 * and answers. Each gets a clear answer, nothing crashes, nothing is rendered as markup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { serve, type Running } from '../../src/serve.js';
import type { InboundMessage } from '../../src/core/messages.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { launchBrowser } from '../support/browser.js';
import { ChatDriver } from '../support/chat.js';

let app: TestApp;
let running: Running;
beforeAll(async () => {
  app = await createTestApp({ env: { SCHEDULER_ENABLED: 'false' } });
  running = await serve(app);
});
afterAll(async () => {
  await running.stop();
});

describe('load and abuse', () => {
  it('answers 200 simultaneous conversations, each exactly once', async () => {
    const platform = await app.platforms.create({ name: 'Buurtplatform Drukte' });
    const messages: InboundMessage[] = [];
    for (let i = 0; i < 200; i++) {
      const user = `web:user${String(i).padStart(5, '0')}`;
      if (i % 2 === 0) await app.platforms.addMember(platform.id, user, 'board');
      messages.push({
        id: `m-${i}`,
        surface: 'web',
        userRef: user,
        userName: `Buur ${i}`,
        channelId: user,
        text: i % 2 === 0 ? 'plan' : 'Wat is een buurtnetwerk?',
        direct: true,
      });
    }
    const started = Date.now();
    const results = await Promise.all(messages.map((m) => app.turns.dispatch(m)));
    const elapsed = Date.now() - started;
    expect(results.every((r) => r !== null && r.length > 0)).toBe(true);
    expect(results.filter((r) => r?.some((x) => x.kind === 'error'))).toHaveLength(0);
    expect(results.filter((_, i) => i % 2 === 0).every((r) => r?.some((x) => x.text.includes('Stap 1 van 9')))).toBe(true);
    expect(await app.database.db.conversation.count()).toBeGreaterThanOrEqual(200);
    // Not a timing test; recorded so a regression shows in the output.
    console.info(`200 conversations answered in ${elapsed} ms`);
  });

  it('refuses a 100 KB message politely and keeps going', async () => {
    const driver = new ChatDriver(app, 'web:bigtext0', 'Big', 'web');
    const replies = await driver.say('x'.repeat(100 * 1024));
    expect(replies[0]?.text).toMatch(/te lang \(102400 tekens\)/);
    expect(await driver.sayText('hulp')).toContain('Dit kan ik voor je doen');
  });

  it('strips control characters and renders markup in names and answers as text in the web page', async () => {
    const evilName = '<img src=x onerror="window.__pwned=1">\u0000\u202E';
    const res = await fetch(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: evilName, text: 'hallo\u0007' }),
    });
    const body = (await res.json()) as { replies: Array<{ text: string }> };
    expect(body.replies[0]?.text).toContain('<img src=x onerror="window.__pwned=1">');
    expect(body.replies[0]?.text).not.toContain('\u0000');
    const user = await app.database.db.user.findFirst({ where: { displayName: { contains: 'onerror' } } });
    expect(user?.displayName).not.toContain('\u202E');

    let browser: Browser | undefined;
    try {
      browser = await launchBrowser();
      const context = await browser.newContext();
      await context.addInitScript((name) => {
        window.localStorage.setItem('buurtbot.name', name);
      }, evilName);
      const page = await context.newPage();
      await page.goto(running.url);
      await expect.poll(() => page.locator('.msg.bot').count()).toBeGreaterThan(0);
      await page.locator('#text').fill('<b>vet</b> <img src=y onerror="window.__pwned=3">');
      await page.locator('#text').press('Enter');
      await expect.poll(() => page.locator('.msg.me').count()).toBeGreaterThan(0);
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('.msg img').count()).toBe(0);
      expect(await page.locator('.msg b').count()).toBe(0);
      expect(await page.locator('.msg.me').last().textContent()).toContain('<b>vet</b>');
    } finally {
      await browser?.close();
    }
  });
});
