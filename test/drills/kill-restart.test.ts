/**
 * Fault drill: `kill -9` in the middle of writing a plan, then a restart. Whatever the bot had
 * acknowledged is there after the restart, and a half-handled message leaves nothing broken.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/app.js';
import { ANSWERS } from '../support/chat.js';
import { chat, startServe } from '../support/serve-process.js';

describe('kill -9 during a plan answer', { timeout: 180_000 }, () => {
  it('loses nothing that was acknowledged, and resumes the same section after a restart', async () => {
    const env = { DATABASE_URL: `file:${path.join(tempDir(), 'bot.db')}`, SCHEDULER_ENABLED: 'false', INBOX_LEASE_SECONDS: '2' };
    await runCli(['platform', 'add', 'Buurtplatform Wyck', '--json'], '', env);
    const client = { name: 'Anna' };
    // Anna's browser: the session cookie is who she is, before and after the restart.
    const session: { cookie?: string } = {};

    let bot = await startServe(env);
    const id = /(web:[\w-]+)/.exec((await chat(bot.url, { ...client, text: 'mijn gegevens' }, session)).texts.join())?.[1] ?? '';
    await runCli(['member', 'add', 'wyck', id], '', env);
    await chat(bot.url, { ...client, text: 'plan' }, session);
    expect((await chat(bot.url, { ...client, text: ANSWERS['platform-en-buurt'] }, session)).texts.join()).toContain('Opgeslagen');
    // A too-short board answer is kept as a draft; then the process dies hard.
    expect((await chat(bot.url, { ...client, text: 'Anna Jansen - voorzitter' }, session)).texts.join()).toContain('bewaard als concept');
    // And one more answer is in flight when the process is killed.
    const inFlight = chat(bot.url, { ...client, text: ANSWERS.bestuur }, session).catch(() => ({ status: 0, texts: [] as string[] }));
    await new Promise((r) => setTimeout(r, 5));
    expect(await bot.stop('SIGKILL')).toBeNull();
    const lost = await inFlight;

    bot = await startServe(env);
    try {
      const resumed = (await chat(bot.url, { ...client, text: 'plan' }, session)).texts.join('\n');
      expect(resumed).toContain('Welkom terug');
      if (lost.texts.join().includes('Opgeslagen: Het bestuur') || resumed.includes('Stap 3 van 9')) {
        // The answer reached the inbox before the kill (acknowledged, or stored and taken up again
        // after the restart): it must have been saved.
        expect(resumed).toContain('Stap 3 van 9');
        const saved = JSON.parse((await runCli(['plan', 'show', 'wyck', '--format', 'json'], '', env)).stdout) as {
          sections: Array<{ id: string; answer: string }>;
        };
        expect(saved.sections.find((s) => s.id === 'bestuur')?.answer).toContain(ANSWERS.bestuur.slice(0, 30));
      } else {
        // Not acknowledged: the client still holds the text; the last acknowledged draft is offered.
        expect(resumed).toContain('Stap 2 van 9: Het bestuur');
        expect(resumed).toMatch(/Je was hiermee bezig[^]*(Anna Jansen - voorzitter|Bram de Vries)/);
      }
      const json = JSON.parse((await runCli(['plan', 'show', 'wyck', '--format', 'json'], '', env)).stdout) as {
        sections: Array<{ id: string; answer: string }>;
      };
      expect(json.sections.find((s) => s.id === 'platform-en-buurt')?.answer).toContain('twaalf bewoners');
    } finally {
      await bot.stop();
    }
  });
});
