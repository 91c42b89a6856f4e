/**
 * The clock that drives reminders: node-cron in Amsterdam time. Outside the core (which schedules
 * nothing itself and imports no timer library); src/jobs.ts wires it to ReminderService.tick.
 */
import cron, { type ScheduledTask } from 'node-cron';
import { AMSTERDAM } from './core/time.js';

export interface ReminderSchedulerOptions {
  readonly tick: () => Promise<void>;
  /** Every 5 minutes by default; reminders are planned on whole local times, so this is precise enough. */
  readonly cron?: string;
  readonly timeZone?: string;
  /** A failing tick must never stop the schedule: errors come here instead. */
  readonly onError: (error: unknown) => void;
}

export const DEFAULT_REMINDER_CRON = '*/5 * * * *';

/** Runs the reminder tick on a cron schedule in Amsterdam time; ticks never overlap. */
export class ReminderScheduler {
  private readonly expression: string;
  private readonly timeZone: string;
  private task: ScheduledTask | undefined;

  constructor(private readonly options: ReminderSchedulerOptions) {
    this.expression = options.cron ?? DEFAULT_REMINDER_CRON;
    this.timeZone = options.timeZone ?? AMSTERDAM;
    // Fail at wiring time, naming the expression, rather than at the first tick.
    if (!cron.validate(this.expression)) throw new Error(`invalid cron expression for reminders: "${this.expression}"`);
  }

  get running(): boolean {
    return this.task !== undefined;
  }

  start(): void {
    if (this.task !== undefined) return;
    this.task = cron.createTask(this.expression, () => this.runOnce(), {
      timezone: this.timeZone,
      name: 'buurtbot-reminders',
      noOverlap: true,
    });
    Promise.resolve(this.task.start()).catch((error: unknown) => this.report(error));
  }

  /** Stops and forgets the task; safe to call twice. Resolves when node-cron has let go of it. */
  async stop(): Promise<void> {
    const task = this.task;
    this.task = undefined;
    if (task === undefined) return;
    try {
      await task.stop();
      await task.destroy();
    } catch (error) {
      this.report(error);
    }
  }

  /** One guarded tick, also for `buurtbot reminders --at` and tests. Never rejects. */
  async runOnce(): Promise<void> {
    try {
      await this.options.tick();
    } catch (error) {
      this.report(error);
    }
  }

  private report(error: unknown): void {
    try {
      this.options.onError(error);
    } catch {
      // A broken error reporter must not take the schedule down with it.
    }
  }
}
