/**
 * The coordinator page as a place to work, in a real browser: record a decision, accept a plan,
 * answer a forwarded question and approve a join request with the page's forms. Each form is a
 * chat turn of the page's user (the same checks and notifications as chat); forms without the
 * page's CSRF token, from another site, or without the password change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { COORDINATOR_PAGE_REF } from '../../src/adapters/web/coordinator-work.js';
import { personalChannel } from '../../src/outbox.js';
import { serve, type Running } from '../../src/serve.js';
import { ChatDriver } from '../support/chat.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { launchBrowser } from '../support/browser.js';

const TOKEN = 'coordinator-secret-123';
let app: TestApp;
let running: Running;
let browser: Browser;

beforeAll(async () => {
  app = await createTestApp({ env: { COORDINATOR_TOKEN: TOKEN }, now: '2017-01-16T10:00:00+01:00' });
  running = await serve(app);
  browser = await launchBrowser();
  const wyck = await app.platforms.create({ name: 'Buurtplatform Wyck' });
  await app.platforms.addMember(wyck.id, 'cli:anna', 'board');
  const plan = await app.plans.load(wyck);
  await app.plans.setStatus(plan.id, 'submitted', app.clock.now(), 'cli:anna');
  // Bram asks to join; Vera's question waits for a coordinator.
  await new ChatDriver(app, 'cli:bram', 'Bram').say('aanmelden wyck');
  const vera = new ChatDriver(app, 'cli:vera', 'Vera');
  await vera.say('Mag ons buurtnetwerk ook een website laten maken van de subsidie?');
  await vera.say('doorsturen');
});
afterAll(async () => {
  await browser?.close();
  await running?.stop();
});

describe('the coordinator page as a place to work', () => {
  it('records a decision, accepts a plan, answers a question and approves a join request', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 900 },
      httpCredentials: { username: 'cor', password: TOKEN },
    });
    const page = await context.newPage();
    await page.goto(`${running.url}/coordinator`);

    // At phone width nothing runs off the page: the wide progress table scrolls in its own region.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // What buurtbot could not answer, once each, with how to teach it.
    const unanswered = page.locator('h3', { hasText: 'Niet beantwoord' }).locator('xpath=following-sibling::*[1]');
    expect(await unanswered.locator('li').allTextContents()).toEqual([
      '“Mag ons buurtnetwerk ook een website laten maken van de subsidie?”',
    ]);
    await expect.poll(() => page.getByText('buurtbot kb unanswered wijst de bestanden aan').count()).toBe(1);
    // Progress over time, as a chart with its numbers in words and in a table.
    expect(await page.locator('figure.chart svg[role="img"]').getAttribute('aria-label')).toMatch(
      /^Voortgang per week, de laatste 12 weken: nu \d+ onderdelen ingevuld en 0 platforms met een keuze\.$/,
    );
    expect(await page.locator('details table tbody tr').count()).toBe(12);

    const wyckDecision = page.locator('.card', { hasText: 'Buurtplatform Wyck' }).filter({ has: page.locator('select') });
    await wyckDecision.getByLabel('Besluit').selectOption('start');
    await wyckDecision.getByLabel('Notitie (optioneel)').fill('Plan is sterk');
    await wyckDecision.getByRole('button', { name: 'Vastleggen' }).click();
    await expect
      .poll(() => page.locator('.flash').textContent())
      .toContain('Vastgelegd voor Buurtplatform Wyck: Start in 2017, met subsidie (Plan is sterk)');
    const decisions = await app.database.db.platformDecision.findMany();
    expect(decisions.map((d) => [d.outcome, d.note, d.decidedBy])).toEqual([['start', 'Plan is sterk', COORDINATOR_PAGE_REF]]);
    // The board was told, as from chat.
    expect((await app.notices.since(personalChannel('cli:anna'), undefined, 10)).map((n) => n.text)).toContainEqual(
      expect.stringContaining('start formeel in 2017'),
    );

    await page.getByRole('button', { name: 'Accepteren' }).click();
    await expect.poll(() => page.locator('.flash').textContent()).toContain('Het plan van Buurtplatform Wyck is geaccepteerd');
    expect((await app.plans.load((await app.platforms.bySlug('wyck'))!)).status).toBe('accepted');

    await page.getByLabel('Antwoord').fill('Ja, als de website de buurt helpt; overleg het met je procescoördinator.');
    await page.getByRole('button', { name: 'Versturen' }).click();
    await expect.poll(() => page.locator('.flash').textContent()).toMatch(/verstuurd|gestuurd|sent/i);
    expect((await app.notices.since(personalChannel('cli:vera'), undefined, 10)).map((n) => n.text)).toContainEqual(
      expect.stringContaining('Ja, als de website de buurt helpt'),
    );

    await page.getByRole('button', { name: 'Goedkeuren' }).click();
    await expect.poll(() => page.locator('.flash').textContent()).toContain('Bram is nu lid van Buurtplatform Wyck');
    // After the redirect a reload shows the page again and sends nothing twice.
    await page.reload();
    expect(await page.locator('.flash').count()).toBe(0);
    expect(await app.database.db.platformDecision.count()).toBe(1);
    await context.close();
  });

  it('refuses forms without the page’s token, from another site, or without the password', async () => {
    const auth = `Basic ${Buffer.from(`cor:${TOKEN}`).toString('base64')}`;
    const form = (body: Record<string, string>, headers: Record<string, string>) =>
      fetch(`${running.url}/coordinator/act`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(body).toString(),
      });
    const decision = { kind: 'decision', slug: 'wyck', outcome: 'nog-niet' };
    expect((await form({ ...decision, csrf: 'forged' }, { authorization: auth })).status).toBe(403);
    const html = await (await fetch(`${running.url}/coordinator`, { headers: { authorization: auth } })).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    expect((await form({ ...decision, csrf }, { authorization: auth, origin: 'https://evil.example' })).status).toBe(403);
    expect((await form({ ...decision, csrf }, {})).status).toBe(401);
    expect((await form({ ...decision, csrf, outcome: 'alles-mag' }, { authorization: auth })).status).toBe(400);
    expect(await app.database.db.platformDecision.count({ where: { outcome: 'nog-niet' } })).toBe(0);
    // The real form works.
    expect((await form({ ...decision, csrf }, { authorization: auth })).status).toBe(303);
    expect(await app.database.db.platformDecision.count({ where: { outcome: 'nog-niet' } })).toBe(1);
  });
});
