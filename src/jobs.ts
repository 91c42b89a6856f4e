/**
 * The scheduled jobs of a running bot: reminders, the weekly digest, and housekeeping. Each tick
 * first takes a database lease, so with several instances on one database only one runs it; when
 * that instance dies, its lease expires and another takes over. Deliveries carry unique keys as
 * well, so even two ticks at once send nothing twice.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import type { App } from './app.js';
import { ReminderScheduler } from './core/reminders/scheduler.js';

export const INSTANCE_ID = `${os.hostname()}-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;

export interface Job {
  name: string;
  cron: string;
  /** How long the lease lasts: longer than a tick takes, shorter than the wait for a takeover should be. */
  leaseMs: number;
  run(app: App): Promise<unknown>;
}

export function defaultJobs(app: App): Job[] {
  return [
    { name: 'reminders', cron: app.config.REMINDER_CRON, leaseMs: 10 * 60_000, run: (a) => a.reminders.send() },
    { name: 'digest', cron: app.config.DIGEST_CRON, leaseMs: 30 * 60_000, run: (a) => a.digests.send() },
    { name: 'housekeeping', cron: '17 3 * * *', leaseMs: 30 * 60_000, run: housekeeping },
  ];
}

/** Retention: old chat messages and answered inbox rows (the dedupe keys) are deleted. */
export async function housekeeping(app: App): Promise<{ messages: number; events: number }> {
  const now = app.clock.now().getTime();
  const messages = app.config.MESSAGE_RETENTION_DAYS > 0 ? await app.privacy.pruneMessages(new Date(now - app.config.MESSAGE_RETENTION_DAYS * 86_400_000)) : 0;
  // The inbox runs on wall-clock time (leases), not the business clock.
  const events = await app.inbox.prune(new Date(Date.now() - 86_400_000));
  return { messages, events };
}

/** Runs one job once under its lease; returns false when another instance holds it. */
export async function runJobOnce(app: App, job: Job, holder = INSTANCE_ID): Promise<boolean> {
  if (!(await app.leases.acquire(`job:${job.name}`, holder, job.leaseMs, app.clock.now()))) return false;
  await job.run(app);
  return true;
}

export function startJobs(app: App, jobs: Job[] = defaultJobs(app)): { stop(): Promise<void> } {
  const schedulers = jobs.map(
    (job) =>
      new ReminderScheduler({
        cron: job.cron,
        tick: async () => {
          const ran = await runJobOnce(app, job);
          app.logger.debug({ job: job.name, ran }, 'scheduled job');
        },
        onError: (error) => app.logger.error({ err: error, job: job.name }, 'scheduled job failed; it runs again at the next tick'),
      }),
  );
  for (const s of schedulers) s.start();
  return { stop: async () => void (await Promise.all(schedulers.map((s) => s.stop()))) };
}
