/**
 * The scheduled jobs of a running bot: reminders, the weekly digest, and housekeeping. Each tick
 * first takes a database lease, so with several instances on one database only one runs it; when
 * that instance dies, its lease expires and another takes over. Deliveries carry unique keys as
 * well, so even two ticks at once send nothing twice.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import type { App } from './app.js';
import { ReminderScheduler } from './reminder-scheduler.js';

export const INSTANCE_ID = `${os.hostname()}-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;

export interface Job {
  name: string;
  cron: string;
  /** How long the lease lasts: longer than a tick takes, shorter than the wait for a takeover should be. */
  leaseMs: number;
  run(app: App): Promise<unknown>;
  /** Also run once at start: a job whose tick fell in a downtime catches up instead of waiting a day. */
  catchUp?: boolean;
}

export function defaultJobs(app: App): Job[] {
  return [
    { name: 'reminders', cron: app.config.REMINDER_CRON, leaseMs: 10 * 60_000, run: (a) => a.reminders.send() },
    { name: 'digest', cron: app.config.DIGEST_CRON, leaseMs: 30 * 60_000, run: (a) => a.digests.send() },
    { name: 'housekeeping', cron: '17 3 * * *', leaseMs: 30 * 60_000, run: housekeeping, catchUp: true },
  ];
}

/** Retention: old chat messages, notices and sessions, and answered inbox rows (the dedupe keys) are deleted. */
export async function housekeeping(app: App): Promise<{ messages: number; notices: number; sessions: number; events: number }> {
  // Stored rows carry wall-clock times (database defaults), so retention counts in wall-clock time
  // too, not on the business clock (which may run in 2016 for a demo).
  const now = Date.now();
  const days = app.config.MESSAGE_RETENTION_DAYS;
  const pruned =
    days > 0
      ? await app.privacy.pruneOlderThan(new Date(now - days * 86_400_000), new Date(now))
      : { messages: 0, notices: 0, sessions: 0 };
  const events = await app.inbox.prune(new Date(now - 86_400_000));
  return { ...pruned, events };
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
  for (const job of jobs.filter((j) => j.catchUp)) {
    runJobOnce(app, job).catch((error: unknown) =>
      app.logger.error({ err: error, job: job.name }, 'catch-up run failed; it runs again at the next tick'),
    );
  }
  return { stop: async () => void (await Promise.all(schedulers.map((s) => s.stop()))) };
}
