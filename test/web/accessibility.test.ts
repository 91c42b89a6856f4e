/**
 * WCAG 2.1 AA, checked by axe-core in a real browser: the web chat (name dialog, a conversation
 * with buttons and sources, at phone and desktop width), the readable plan page and the
 * coordinator page. Many volunteers are older or use a screen reader.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { serve, type Running } from '../../src/serve.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { launchBrowser } from '../support/browser.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TOKEN = 'coordinator-secret-123';

let app: TestApp;
let running: Running;
let browser: Browser;

beforeAll(async () => {
  app = await createTestApp({ env: { COORDINATOR_TOKEN: TOKEN }, now: '2016-12-01T10:00:00+01:00' });
  running = await serve(app);
  browser = await launchBrowser();
  const wyck = await app.platforms.create({ name: 'Buurtplatform Wyck' });
  await app.platforms.addMember(wyck.id, 'web:anna0000', 'board');
});
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now; violations in short form. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function newPage(width: number, options: { httpCredentials?: { username: string; password: string } } = {}): Promise<Page> {
  // The page's CSP allows no injected scripts; only this test's own context bypasses it to load axe.
  const context = await browser.newContext({ viewport: { width, height: 800 }, bypassCSP: true, ...options });
  return context.newPage();
}

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  for (const width of [390, 1280]) {
    it(`the web chat at ${width} px: name dialog, then a conversation with buttons and sources`, async () => {
      const page = await newPage(width);
      await page.goto(running.url);
      await expect.poll(() => page.locator('#namedialog[open]').count()).toBe(1);
      expect(await violations(page)).toEqual([]);
      await page.getByLabel(/voornaam/).fill('Anna');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.msg.bot').count()).toBeGreaterThan(0);
      await page.locator('#text').fill('Wanneer moet ons Plan van Aanpak binnen zijn?');
      await page.locator('#text').press('Enter');
      await expect.poll(() => page.locator('.msg.bot').last().textContent()).toContain('31 december 2016');
      expect(await violations(page)).toEqual([]);
      await page.context().close();
    });
  }

  it('the check itself finds a real violation (an image without alt text, a button without a name)', async () => {
    const page = await newPage(390);
    await page.goto(running.url);
    await page.getByLabel(/voornaam/).fill('Bram');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.msg.bot').count()).toBeGreaterThan(0);
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        'beforeend',
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20"><button></button>',
      );
    });
    const found = await violations(page);
    expect(found.some((v) => v.startsWith('image-alt'))).toBe(true);
    expect(found.some((v) => v.startsWith('button-name'))).toBe(true);
    await page.context().close();
  });

  it('the coordinator page', async () => {
    const page = await newPage(1280, { httpCredentials: { username: 'coordinator', password: TOKEN } });
    const response = await page.goto(`${running.url}/coordinator`);
    expect(response?.status()).toBe(200);
    expect(await violations(page)).toEqual([]);
    await page.goto(`${running.url}/coordinator/plan/wyck`);
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });
});
