/**
 * The turn worker (loaded by bootstrap.mjs): its own App on the same config (its own database
 * connection and knowledge index) runs `engine.handle` for the turns the main thread posts, so the
 * main event loop keeps only the surfaces' HTTP and SDK work. Anything a turn starts beyond its
 * replies (outbox deliveries, a knowledge reload) is handed back to the main thread.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { createApp, type App } from '../app.js';
import { secretsOf } from '../cli/context.js';
import { FixedClock } from '../core/clock.js';
import { dedupeKeyOf } from '../core/dispatcher.js';
import type { InboundMessage, Reply } from '../core/messages.js';
import { createLogger } from '../logging.js';
import { ForwardingOutbox } from './forwarding-outbox.js';
import { PendingCalls } from './pending-calls.js';
import { errorText, type FromWorker, type ToWorker, type WorkerSetup } from './protocol.js';

function mainThread(): MessagePort {
  if (!parentPort) throw new Error('the turn worker runs only as a worker thread');
  return parentPort;
}

const port = mainThread();
const setup = workerData as WorkerSetup;
const post = (message: FromWorker) => port.postMessage(message);
const calls = new PendingCalls();
const ask = (message: (id: number) => FromWorker): Promise<void> => {
  const { id, answer } = calls.open();
  post(message(id));
  return answer;
};
const failure = (error: unknown) => ({ message: errorText(error), stack: error instanceof Error ? error.stack : undefined });
const finish = (id: number, work: Promise<unknown>) =>
  work.then(
    () => post({ type: 'done', id }),
    (error: unknown) => post({ type: 'done', id, error: failure(error) }),
  );

async function turn(app: App, message: InboundMessage, onPartial: ((text: string) => void) | undefined): Promise<Reply[] | null> {
  if (!(await app.ledger.firstSeen(dedupeKeyOf(message)))) return null;
  return app.engine.handle(message, { onPartial });
}

function serve(app: App): void {
  port.on('message', (message: ToWorker) => {
    switch (message.type) {
      case 'turn': {
        const { id } = message;
        const onPartial = message.streaming ? (text: string) => post({ type: 'partial', id, text }) : undefined;
        // The Dispatcher on the main thread has no ledger in this set-up: the cross-instance dedupe is here.
        turn(app, message.message, onPartial).then(
          (replies) => post({ type: 'replies', id, replies }),
          (error: unknown) => post({ type: 'done', id, error: failure(error) }),
        );
        return;
      }
      case 'reload-knowledge':
        // Asked by the main thread, which reloads its own copy itself: only this one.
        void finish(message.id, app.knowledge.reload({ onlyHere: true }));
        return;
      case 'plan-links':
        void finish(message.id, app.enablePlanLinks(message.baseUrl));
        return;
      case 'close':
        // Turns are idle by now (the main thread waited); after the answer nothing keeps this thread alive.
        void finish(message.id, app.close()).then(() => port.close());
        return;
      case 'done':
        if (message.error === undefined) calls.resolve(message.id, undefined);
        else calls.reject(message.id, new Error(message.error));
        return;
      case 'crash':
        setImmediate(() => {
          throw new Error('turn worker crash asked for (test or drill)');
        });
        return;
    }
  });
}

try {
  const logger = createLogger(setup.config.LOG_LEVEL, process.stderr, secretsOf(setup.config)).child({ thread: 'turn-worker' });
  const app = await createApp(setup.config, {
    logger,
    ...(setup.fixedNow ? { clock: new FixedClock(new Date(setup.fixedNow)) } : {}),
    // The main thread migrated the database before it started this worker.
    migrate: false,
    featureOutbox: new ForwardingOutbox((call) => ask((id) => ({ type: 'outbox', id, call }))),
  });
  // A coordinator's `kb herladen` or `kb toevoegen` reloads this copy; the main thread's follows.
  app.knowledge.alsoReload(() => ask((id) => ({ type: 'knowledge-reloaded', id })));
  serve(app);
  post({ type: 'ready' });
} catch (error) {
  post({ type: 'failed-to-start', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
