/**
 * Security drill: with every secret configured (and every remote unreachable, so errors get
 * logged), no secret appears anywhere in the logs, and the web server listens on 127.0.0.1 only.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/app.js';
import { chat, startServe } from '../support/serve-process.js';

const SECRETS = {
  SLACK_BOT_TOKEN: 'xoxb-111111111111-222222222222-SeCrEtBoTtOkEn0001',
  SLACK_APP_TOKEN: 'xapp-1-A0000000000-333333333333-SeCrEtApPtOkEn0002',
  DISCORD_TOKEN: 'MTAwMDAwMDAwMDAwMDAwMDAw.SeCrEt.DiScOrDtOkEnVaLuE0000000000003',
  OPENAI_API_KEY: 'sk-test-SeCrEtOpEnAiKeY0004',
  COORDINATOR_TOKEN: 'coordinator-SeCrEt-0005',
};

describe('secrets and binding', { timeout: 120_000 }, () => {
  it('never writes a token to the logs, even while every remote fails', async () => {
    const bot = await startServe({
      ...SECRETS,
      DATABASE_URL: `file:${path.join(tempDir(), 'bot.db')}`,
      LOG_LEVEL: 'trace',
      // Nothing listens on port 1: every call fails and gets logged.
      SLACK_API_URL: 'http://127.0.0.1:1/api/',
      DISCORD_APPLICATION_ID: '100000000000000000',
      DISCORD_API_URL: 'http://127.0.0.1:1/api',
      OPENAI_BASE_URL: 'http://127.0.0.1:1/v1',
      OPENAI_MODEL: 'fake',
      OPENAI_TIMEOUT_MS: '500',
      OPENAI_MAX_RETRIES: '0',
    });
    try {
      expect(bot.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
      // Use the bot so the model path (and its failure) runs too.
      const reply = await chat(bot.url, { clientId: 'tester00', name: 'T', text: 'Wanneer moet het Plan van Aanpak binnen zijn?' });
      expect(reply.status).toBe(200);
      const coordinator = await fetch(`${bot.url}/coordinator`, { headers: { authorization: `Bearer ${SECRETS.COORDINATOR_TOKEN}` } });
      expect(coordinator.status).toBe(200);
      // Give Slack and Discord time to fail and log it.
      await new Promise((r) => setTimeout(r, 4000));
    } finally {
      await bot.stop();
    }
    const logs = bot.logs();
    expect(logs).toMatch(/slack/i);
    expect(logs).toMatch(/discord/i);
    for (const [name, value] of Object.entries(SECRETS)) {
      expect(logs.includes(value), `${name} leaked into the logs`).toBe(false);
      // Not even a recognisable piece of it.
      expect(logs.includes(value.slice(-16)), `${name} (tail) leaked into the logs`).toBe(false);
    }
  });
});
