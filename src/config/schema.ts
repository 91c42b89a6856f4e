/**
 * The one configuration schema. Every variable buurtbot reads is here, validated at startup;
 * an error names the variable and what is wrong. `.env.example` documents the same list
 * (a test checks that the two agree).
 */
import { z } from 'zod';

const optionalString = z
  .string()
  .transform((v) => v.trim())
  .optional()
  .transform((v) => (v === '' ? undefined : v));

const boolFlag = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const s = v.trim().toLowerCase();
      if (['1', 'true', 'yes', 'on', 'ja'].includes(s)) return true;
      if (['0', 'false', 'no', 'off', 'nee'].includes(s)) return false;
      ctx.addIssue({ code: 'custom', message: `must be true or false (got "${v}")` });
      return z.NEVER;
    });

const intIn = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max} (got "${v}")` });
        return z.NEVER;
      }
      return n;
    });

const clockTime = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const s = (v ?? '').trim() || fallback;
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(s)) {
        ctx.addIssue({ code: 'custom', message: `must be a time of day HH:MM (got "${v}")` });
        return z.NEVER;
      }
      return s;
    });

const quietHours = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const s = (v ?? '').trim() || '21:00-08:00';
    const m = /^(([01]\d|2[0-3]):[0-5]\d)-(([01]\d|2[0-3]):[0-5]\d)$/.exec(s);
    if (!m || !m[1] || !m[3]) {
      ctx.addIssue({ code: 'custom', message: `must be a range HH:MM-HH:MM such as 21:00-08:00 (got "${v}")` });
      return z.NEVER;
    }
    return { start: m[1], end: m[3] };
  });

const url = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const s = (v ?? '').trim();
    if (!s) return undefined;
    try {
      const u = new URL(s);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
      return s;
    } catch {
      ctx.addIssue({ code: 'custom', message: `must be an http(s) URL (got "${v}")` });
      return z.NEVER;
    }
  });

const cron = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const s = (v ?? '').trim() || fallback;
      const parts = s.split(/\s+/);
      if (parts.length < 5 || parts.length > 6) {
        ctx.addIssue({ code: 'custom', message: `must be a cron expression with 5 or 6 fields (got "${v}")` });
        return z.NEVER;
      }
      return s;
    });

export const configSchema = z.object({
  // Core
  PORT: intIn(3000, 0, 65535),
  HOST: z
    .string()
    .optional()
    .transform((v) => (v ?? '').trim() || '127.0.0.1'),
  DATABASE_URL: optionalString,
  LOG_LEVEL: z
    .string()
    .optional()
    .transform((v) => (v ?? '').trim().toLowerCase() || 'info')
    .pipe(
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'must be one of fatal, error, warn, info, debug, trace, silent',
      }),
    ),
  BUURTBOT_CONTENT_DIR: optionalString,
  BUURTBOT_AUTO_MIGRATE: boolFlag(true),
  MAX_MESSAGE_LENGTH: intIn(4000, 100, 40000),
  MESSAGE_RETENTION_DAYS: intIn(365, 0, 3650),
  // The coordinator page is reachable by anyone who can reach the bot: a short password is guessable
  // even at 5 tries per 15 minutes per address.
  COORDINATOR_TOKEN: optionalString.refine((v) => v === undefined || v.length >= 16, {
    message: 'must be at least 16 characters (for example: openssl rand -base64 24)',
  }),
  PUBLIC_URL: url,
  // How long an instance holds an accepted message without renewing its claim: when it dies, another
  // instance (or the next start) answers the message after at most this long.
  INBOX_LEASE_SECONDS: intIn(15, 1, 600),
  // Run the bot's clock from this moment on (ISO date-time, e.g. 2016-11-20T10:00:00+01:00): the
  // letter's dates as they were then. Unset: the real time.
  BUURTBOT_START_AT: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const s = (v ?? '').trim();
      if (!s) return undefined;
      const date = new Date(s);
      if (!/^\d{4}-\d{2}-\d{2}T/.test(s) || Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: 'custom', message: `must be an ISO date-time such as 2016-11-20T10:00:00+01:00 (got "${v}")` });
        return z.NEVER;
      }
      return date;
    }),
  // Reminders and digests
  QUIET_HOURS: quietHours,
  CHANNEL_POST_TIME: clockTime('10:00'),
  REMINDER_CRON: cron('*/5 * * * *'),
  REMINDER_GRACE_HOURS: intIn(36, 0, 24 * 30),
  DIGEST_CRON: cron('0 9 * * 1'),
  SCHEDULER_ENABLED: boolFlag(true),
  // Slack
  SLACK_BOT_TOKEN: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_API_URL: url,
  SLACK_ANNOUNCE_CHANNEL: optionalString,
  SLACK_COORDINATOR_CHANNEL: optionalString,
  // Discord
  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: optionalString,
  DISCORD_GUILD_ID: optionalString,
  DISCORD_API_URL: url,
  DISCORD_ANNOUNCE_CHANNEL_ID: optionalString,
  DISCORD_COORDINATOR_CHANNEL_ID: optionalString,
  // Language model (optional)
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: url,
  OPENAI_MODEL: optionalString,
  OPENAI_EMBEDDING_MODEL: optionalString,
  OPENAI_TIMEOUT_MS: intIn(8000, 500, 600000),
  OPENAI_MAX_RETRIES: intIn(1, 0, 10),
});

export type RawConfig = z.infer<typeof configSchema>;
