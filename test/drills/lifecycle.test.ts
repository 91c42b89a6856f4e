/**
 * The process as an operator and a newcomer meet it: a clean stop on SIGTERM/SIGINT, the
 * interactive terminal chat, and knowledge-base edits picked up without a restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/config/load.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/app.js';
import { chat, startServe } from '../support/serve-process.js';

describe('process lifecycle', { timeout: 120_000 }, () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('stops cleanly on %s', async (signal) => {
    const bot = await startServe({ DATABASE_URL: `file:${path.join(tempDir(), 'bot.db')}` });
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    expect(await bot.stop(signal)).toBe(0);
    expect(bot.logs()).toContain('shutting down');
  });

  it('the interactive terminal chat greets, answers and stops on `stop`', async () => {
    const { code, stdout } = await runCli(['chat', '--user', 'tty', '--name', 'Tessa'], 'hulp\nstop\n');
    expect(code).toBe(0);
    expect(stdout).toContain('buurtbot: Hoi Tessa!');
    expect(stdout).toContain('Dit kan ik voor je doen');
    // Buttons show their typed equivalent in the terminal.
    expect(stdout.split('buurtbot:').length).toBeGreaterThan(3);
  });

  it('picks up an edited knowledge-base file without a restart', async () => {
    const content = path.join(tempDir(), 'content');
    fs.cpSync(path.join(ROOT_DIR, 'content'), content, { recursive: true });
    const bot = await startServe({ DATABASE_URL: `file:${path.join(tempDir(), 'bot.db')}`, BUURTBOT_CONTENT_DIR: content });
    try {
      const ask = async () => (await chat(bot.url, { clientId: 'watcher0', text: 'Wanneer was de startbijeenkomst?' })).texts.join('\n');
      expect(await ask()).toContain('2 april 2016');
      const file = path.join(content, 'kb/facts/startbijeenkomst-2-april-2016.nl.md');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\n---\n([^\n]*)/, '\n---\nAANGEPAST: $1'));
      let answer = '';
      for (let i = 0; i < 30 && !answer.includes('AANGEPAST'); i++) {
        await new Promise((r) => setTimeout(r, 300));
        answer = await ask();
      }
      expect(answer).toContain('AANGEPAST');
    } finally {
      await bot.stop();
    }
  });
});
