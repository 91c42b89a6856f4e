import fs from 'node:fs';
import { parseEnv } from 'node:util';
import path from 'node:path';
import { CodedError } from '../core/errors.js';
import { configSchema, type RawConfig } from './schema.js';

export class ConfigError extends CodedError {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super('config', `configuration problem${problems.length > 1 ? 's' : ''}:\n  ${problems.join('\n  ')}`);
  }
}

export interface Config extends RawConfig {
  /** Absolute folder of the curated content (knowledge base, plan template, deadlines). */
  contentDir: string;
  /** Where package files live (migrations, prompts). */
  rootDir: string;
  slack: { mode: 'socket' | 'http' } | undefined;
  discord: boolean;
  model: boolean;
}

export const ROOT_DIR = path.resolve(import.meta.dirname, '../..');

/**
 * Reads `.env` from the working directory when present (real environment variables win),
 * validates everything and fails fast with every problem, each naming its variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: { cwd?: string; readDotEnv?: boolean } = {}): Config {
  const cwd = options.cwd ?? process.cwd();
  const merged: Record<string, string | undefined> = {
    ...(options.readDotEnv === false ? {} : readDotEnv(path.join(cwd, '.env'))),
    ...env,
  };
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`));
  }
  const raw = parsed.data;
  const problems: string[] = [];
  let slack: Config['slack'];
  if (raw.SLACK_BOT_TOKEN) {
    if (!raw.SLACK_BOT_TOKEN.startsWith('xoxb-')) problems.push('SLACK_BOT_TOKEN: must be a bot token starting with xoxb-');
    if (raw.SLACK_APP_TOKEN && !raw.SLACK_APP_TOKEN.startsWith('xapp-'))
      problems.push('SLACK_APP_TOKEN: must be an app-level token starting with xapp-');
    if (raw.SLACK_APP_TOKEN) slack = { mode: 'socket' };
    else if (raw.SLACK_SIGNING_SECRET) slack = { mode: 'http' };
    else problems.push('SLACK_BOT_TOKEN is set: also set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP events)');
  } else if (raw.SLACK_APP_TOKEN || raw.SLACK_SIGNING_SECRET) {
    problems.push(`${raw.SLACK_APP_TOKEN ? 'SLACK_APP_TOKEN' : 'SLACK_SIGNING_SECRET'} is set but SLACK_BOT_TOKEN is missing`);
  }
  const discord = Boolean(raw.DISCORD_TOKEN);
  if (raw.DISCORD_TOKEN && !raw.DISCORD_APPLICATION_ID) problems.push('DISCORD_TOKEN is set: also set DISCORD_APPLICATION_ID');
  if (!raw.DISCORD_TOKEN && raw.DISCORD_APPLICATION_ID) problems.push('DISCORD_APPLICATION_ID is set but DISCORD_TOKEN is missing');
  if (raw.DISCORD_APPLICATION_ID && !/^\d{5,25}$/.test(raw.DISCORD_APPLICATION_ID))
    problems.push('DISCORD_APPLICATION_ID: must be a numeric id');
  const model = Boolean(raw.OPENAI_API_KEY || raw.OPENAI_BASE_URL);
  if (model && !raw.OPENAI_MODEL)
    problems.push('OPENAI_MODEL: required when OPENAI_API_KEY or OPENAI_BASE_URL is set (for example gpt-4o-mini)');
  if (problems.length) throw new ConfigError(problems);
  return {
    ...raw,
    contentDir: path.resolve(cwd, raw.BUURTBOT_CONTENT_DIR ?? path.join(ROOT_DIR, 'content')),
    rootDir: ROOT_DIR,
    slack,
    discord,
    model,
  };
}

/** `.env` as Node itself reads it (util.parseEnv: comments, quotes, `export`); none is fine. */
function readDotEnv(file: string): Record<string, string> {
  if (!fs.existsSync(file)) return {};
  return Object.fromEntries(
    Object.entries(parseEnv(fs.readFileSync(file, 'utf8'))).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

/** Names of every variable the schema knows; used by `--help` and the .env.example test. */
export function configVariables(): string[] {
  return Object.keys(configSchema.shape);
}
