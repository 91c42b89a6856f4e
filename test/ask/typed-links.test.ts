/**
 * A masked link someone types reaches coordinators only with its address showing: only links the
 * bot builds itself are live (issue 16).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toMrkdwn } from '../../src/adapters/slack/mrkdwn.js';
import { ChatDriver } from '../support/chat.js';
import { createTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ now: '2016-12-01T10:00:00+01:00' });
});
afterAll(async () => {
  await app.close();
});

describe('links typed by people', () => {
  it('a forwarded question with [label](url) reaches the coordinators unmasked, and Slack shows no masked link', async () => {
    const mallory = new ChatDriver(app, 'web:mallory0', '[Gemeente Maastricht](https://evil.example/naam)', 'web');
    await mallory.say('Hoe vraag ik een vergunning aan voor [Log in bij de gemeente](https://evil.example/login)?');
    await mallory.say('doorsturen');
    const notices = (await app.database.db.notice.findMany()).map((n) => n.text).join('\n');
    expect(notices).toContain('Log in bij de gemeente (https://evil.example/login)');
    expect(notices).toContain('Gemeente Maastricht (https://evil.example/naam)');
    expect(notices).not.toContain('](');
    // Rendered for Slack: no `<url|label>` whose label hides the address.
    expect(toMrkdwn(notices)).not.toMatch(/<https?:[^>|]*\|/);
  });
});
