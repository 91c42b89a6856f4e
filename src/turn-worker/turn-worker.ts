/**
 * The main thread's side of the turn worker (thread.ts): a Dispatcher handler that posts each turn
 * to the worker and resolves with its replies, and the bridges back (partial answers, outbox
 * deliveries, knowledge reloads). A worker that dies is started again; the turns it was handling
 * fail, and the Dispatcher answers those politely, as it does for any broken turn.
 */
import { Worker } from 'node:worker_threads';
import type { InboundMessage, Reply } from '../core/messages.js';
import type { Logger, Outbox } from '../core/ports.js';
import type { TurnOptions } from '../core/turn.js';
import { deliver } from './forwarding-outbox.js';
import { PendingCalls } from './pending-calls.js';
import { errorText, type FromWorker, type ToWorker, type WorkerSetup } from './protocol.js';

export interface TurnWorkerDeps {
  setup: WorkerSetup;
  logger: Logger;
  /** The main thread's outbox: the one Slack and Discord register with. */
  outbox: Outbox;
  /** Reload the main thread's copy of the knowledge base only (the worker already reloaded its own). */
  reloadKnowledgeHere(): Promise<unknown>;
  /** Waits before starting again after a crash, doubling per crash in a row up to the last. */
  restartDelaysMs?: readonly number[];
}

const ENTRY = new URL('./bootstrap.mjs', import.meta.url);

export class TurnWorker {
  private current: Promise<Worker>;
  /** The worker that is ready and has not exited. */
  private live: Worker | undefined;
  private readonly calls = new PendingCalls<unknown>();
  private readonly partials = new Map<number, (text: string) => void>();
  private planLinksBase: string | undefined;
  private crashesInARow = 0;
  /** Until the first worker was ready, a death is a failed start: the App does not start, nothing restarts. */
  private everReady = false;
  private closing = false;
  /** How often the worker was started again after dying (health, tests). */
  restarts = 0;
  /** The exit code of the last worker that stopped: 0 when it closed its App and ended by itself, 1 when terminated. */
  lastExitCode: number | undefined;

  constructor(private readonly deps: TurnWorkerDeps) {
    this.current = this.spawn();
  }

  /** Resolves when the first worker is ready; rejects when it could not start (then the App does not start either). */
  async started(): Promise<void> {
    await this.current;
  }

  /** The replies, or null when the ledger (checked in the worker) has seen the message before. */
  async handle(message: InboundMessage, options: TurnOptions = {}): Promise<Reply[] | null> {
    const worker = await this.liveWorker();
    const { id, answer } = this.calls.open();
    if (options.onPartial) this.partials.set(id, options.onPartial);
    this.send(worker, { type: 'turn', id, message, streaming: Boolean(options.onPartial) });
    try {
      const replies = (await answer) as Reply[] | null;
      this.crashesInARow = 0;
      return replies;
    } finally {
      this.partials.delete(id);
    }
  }

  /** The main thread reloaded its knowledge base (file watch, admin route): the worker's copy follows. */
  async reloadKnowledge(): Promise<void> {
    await this.request((id) => ({ type: 'reload-knowledge', id }));
  }

  /** Plans answered in the worker come with signed links under this base (kept for a restarted worker). */
  async enablePlanLinks(baseUrl: string): Promise<void> {
    this.planLinksBase = baseUrl;
    await this.request((id) => ({ type: 'plan-links', id, baseUrl }));
  }

  /** Tests and drills: make the worker throw an uncaught error, as a bug would. */
  async crash(): Promise<void> {
    this.send(await this.liveWorker(), { type: 'crash' });
  }

  /**
   * Lets the worker close its own App (its database connection, the model's background work) and
   * exit; a worker that does not answer within `graceMs` (stuck, or still starting) is terminated.
   */
  async close(graceMs = 5000): Promise<void> {
    this.closing = true;
    const worker = await this.current.catch(() => undefined);
    if (worker && worker === this.live) {
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      const { id, answer } = this.calls.open();
      this.send(worker, { type: 'close', id });
      const closed = answer.then(
        () => exited,
        (error: unknown) => this.deps.logger.warn({ reason: errorText(error) }, 'turn worker could not close its app'),
      );
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
      const outcome = await Promise.race([closed, late]);
      clearTimeout(timer);
      if (outcome === 'late') this.deps.logger.warn({ graceMs }, 'turn worker did not close in time; stopping it');
    }
    await worker?.terminate();
    this.calls.rejectAll(new Error('turn worker closed'));
  }

  /** The ready worker; after a crash the one started in its place (a message to a dead one would never be answered). */
  private async liveWorker(): Promise<Worker> {
    for (;;) {
      const worker = await this.current;
      if (worker === this.live) return worker;
      if (this.closing) throw new Error('turn worker closed');
      // It died after it was ready and `current` now starts another: wait for that one.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private async request(message: (id: number) => ToWorker): Promise<void> {
    const worker = await this.liveWorker();
    const { id, answer } = this.calls.open();
    this.send(worker, message(id));
    await answer;
  }

  private send(worker: Worker, message: ToWorker): void {
    worker.postMessage(message);
  }

  private spawn(): Promise<Worker> {
    const worker = new Worker(ENTRY, { workerData: this.deps.setup });
    const started = new Promise<Worker>((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') resolve(worker);
        else if (message.type === 'failed-to-start') {
          reject(new Error(`turn worker could not start: ${message.error}`));
          // Whatever it opened before failing must not keep a dead worker around.
          void worker.terminate();
        } else this.receive(worker, message);
      });
      worker.on('error', (error) => {
        this.deps.logger.error({ err: error }, 'turn worker crashed');
        reject(error);
      });
      worker.on('exit', (code) => {
        reject(new Error(`turn worker exited (${code}) before it was ready`));
        this.exited(worker, code);
      });
    });
    // Only turns await this; a failed start must not count as an unhandled rejection.
    started.catch(() => undefined);
    return started.then(async (ready) => {
      this.live = ready;
      this.everReady = true;
      if (this.planLinksBase !== undefined) await this.enablePlanLinksOn(ready, this.planLinksBase);
      return ready;
    });
  }

  private async enablePlanLinksOn(worker: Worker, baseUrl: string): Promise<void> {
    const { id, answer } = this.calls.open();
    this.send(worker, { type: 'plan-links', id, baseUrl });
    await answer;
  }

  private receive(worker: Worker, message: Exclude<FromWorker, { type: 'ready' } | { type: 'failed-to-start' }>): void {
    switch (message.type) {
      case 'replies':
        this.calls.resolve(message.id, message.replies);
        return;
      case 'partial':
        this.partials.get(message.id)?.(message.text);
        return;
      case 'done':
        if (message.error === undefined) this.calls.resolve(message.id, undefined);
        else this.calls.reject(message.id, Object.assign(new Error(message.error.message), { stack: message.error.stack }));
        return;
      case 'outbox':
        this.answer(worker, message.id, deliver(this.deps.outbox, message.call));
        return;
      case 'knowledge-reloaded':
        this.answer(worker, message.id, this.deps.reloadKnowledgeHere());
        return;
    }
  }

  private answer(worker: Worker, id: number, work: Promise<unknown>): void {
    work.then(
      () => this.send(worker, { type: 'done', id }),
      (error: unknown) => this.send(worker, { type: 'done', id, error: errorText(error) }),
    );
  }

  private exited(worker: Worker, code: number): void {
    this.lastExitCode = code;
    if (this.live === worker) this.live = undefined;
    // Everything in flight was in that worker; nothing will answer it now.
    this.calls.rejectAll(new Error(`turn worker exited (${code})`));
    if (this.closing || !this.everReady) return;
    const delays = this.deps.restartDelaysMs ?? [0, 250, 1000, 5000, 30_000];
    const wait = delays[Math.min(this.crashesInARow, delays.length - 1)] ?? 0;
    this.crashesInARow += 1;
    this.restarts += 1;
    this.deps.logger.error({ code, restartInMs: wait }, 'turn worker stopped; starting it again');
    this.current = new Promise<void>((resolve) => setTimeout(resolve, wait).unref()).then(() => this.spawn());
    this.current.catch(() => undefined);
  }
}
