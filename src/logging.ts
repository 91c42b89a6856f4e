import pino from 'pino';
import type { Logger } from './core/ports.js';

/**
 * Logs go to stderr (stdout belongs to the CLI's JSON output). Anything that looks like a secret is
 * redacted by key, and known token shapes are masked in messages too, so a token pasted into an
 * error never reaches a log file.
 */
const SECRET_KEYS = ['token', 'botToken', 'appToken', 'signingSecret', 'apiKey', 'password', 'authorization', 'secret'];
const TOKEN_PATTERN =
  /\b(xox[abposr]-[A-Za-z0-9-]{6,}|xapp-[A-Za-z0-9-]{6,}|sk-[A-Za-z0-9_-]{8,})|([MN][A-Za-z\d_-]{23,25}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,})/g;

export function maskSecrets(text: string): string {
  return text.replace(TOKEN_PATTERN, '[redacted]');
}

export function createLogger(
  level: string,
  destination: NodeJS.WritableStream = process.stderr,
  secrets: string[] = [],
): pino.Logger & Logger {
  const known = secrets.filter((s) => s.length >= 6);
  const scrub = (s: string) => maskSecrets(known.reduce((acc, secret) => acc.split(secret).join('[redacted]'), s));
  return pino(
    {
      level,
      base: { app: 'buurtbot' },
      redact: { paths: [...SECRET_KEYS, ...SECRET_KEYS.map((k) => `*.${k}`), 'headers.authorization'], censor: '[redacted]' },
      hooks: {
        streamWrite: scrub,
      },
    },
    destination as pino.DestinationStream,
  );
}
