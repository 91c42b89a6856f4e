import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configVariables, loadConfig } from '../../src/config/load.js';

const load = (env: Record<string, string>) => loadConfig(env, { readDotEnv: false });

function problemsOf(env: Record<string, string>): string[] {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('config', () => {
  it('has safe defaults: 127.0.0.1:3000 and the embedded database', () => {
    const config = load({});
    expect(config.PORT).toBe(3000);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.QUIET_HOURS).toEqual({ start: '21:00', end: '08:00' });
    expect(config.slack).toBeUndefined();
  });

  it('names the variable and the problem', () => {
    expect(problemsOf({ PORT: 'abc' })).toEqual(['PORT: must be a whole number from 0 to 65535 (got "abc")']);
    expect(problemsOf({ LOG_LEVEL: 'loud' })[0]).toMatch(/^LOG_LEVEL: must be one of/);
    expect(problemsOf({ QUIET_HOURS: '9-5' })[0]).toMatch(/^QUIET_HOURS: must be a range HH:MM-HH:MM/);
    expect(problemsOf({ SLACK_API_URL: 'ftp://x' })[0]).toMatch(/^SLACK_API_URL: must be an http\(s\) URL/);
  });

  it('reports every problem at once', () => {
    expect(problemsOf({ PORT: '-1', MAX_MESSAGE_LENGTH: 'lots' })).toHaveLength(2);
  });

  it('requires consistent platform variables', () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1-2' })[0]).toMatch(/SLACK_APP_TOKEN .* or SLACK_SIGNING_SECRET/);
    expect(problemsOf({ SLACK_SIGNING_SECRET: 'abc' })[0]).toMatch(/SLACK_BOT_TOKEN is missing/);
    expect(problemsOf({ DISCORD_TOKEN: 'x' })[0]).toMatch(/DISCORD_APPLICATION_ID/);
    expect(problemsOf({ OPENAI_API_KEY: 'sk-test' })[0]).toMatch(/^OPENAI_MODEL/);
    expect(load({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack).toEqual({ mode: 'socket' });
    expect(load({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack).toEqual({ mode: 'http' });
  });

  it('reads .env from the working directory, with the real environment winning', () => {
    const dir = fs.mkdtempSync(path.join(process.cwd(), 'node_modules/.tmp-env-'));
    fs.writeFileSync(path.join(dir, '.env'), '# comment\nPORT=4001\nHOST="0.0.0.0"\nLOG_LEVEL=debug # inline\n');
    const config = loadConfig({ LOG_LEVEL: 'warn' }, { cwd: dir });
    expect(config.PORT).toBe(4001);
    expect(config.HOST).toBe('0.0.0.0');
    expect(config.LOG_LEVEL).toBe('warn');
    fs.rmSync(dir, { recursive: true });
  });

  it('.env.example documents exactly the variables the schema reads', () => {
    const example = fs.readFileSync(path.join(import.meta.dirname, '../../.env.example'), 'utf8');
    const documented = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect(new Set(documented)).toEqual(new Set(configVariables()));
  });
});
