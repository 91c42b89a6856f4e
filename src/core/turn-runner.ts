/**
 * The one path every turn takes, on every surface:
 *
 *   surface → accept (written to the inbox) → acknowledge → engine (state + answer in one commit)
 *           → deliver (push surfaces) → delivered
 *
 * - Nothing acknowledged is lost: `accept`/`dispatch` resolve only once the message is in the
 *   inbox; a surface acknowledges after that (Slack's HTTP response, a Socket Mode ack).
 * - Exactly once: the inbox key (surface:message id) drops repeats across restarts and instances.
 * - In order: one conversation's turns run one after another here, and a turn first waits for (or
 *   takes over) earlier unanswered turns of its conversation held elsewhere.
 * - Recovery: rows whose lease ran out (their instance died) are taken over by the periodic sweep
 *   and run again from the stored payload; an answered row only has its replies delivered.
 * - One broken turn never takes the bot down: an error becomes a polite reply.
 *
 * Push surfaces (Slack, Discord messages) register a Deliverer that can post from the stored
 * address alone, so a recovered answer goes out even when the instance that took it is gone. Pull
 * surfaces (web, terminal, Discord interactions) call `dispatch` and take the replies themselves.
 */
import crypto from 'node:crypto';
import { inboxKeyOf, lastSeenPerChannel, readReplies, type InboxItem } from './inbox.js';
import { KeyedQueue, Periodic } from './keyed-queue.js';
import { answerTurn } from './turn-answer.js';
import { RecentKeys, TurnDelivery, type Deliverer, type Streamer } from './turn-delivery.js';
import type { InboundMessage, Reply } from './messages.js';
import type { TurnOptions } from './turn.js';
import { DrainingError, type TurnRunnerOptions } from './turn-runner-options.js';
import { newInboxItem, readPayload, receivedItem, type TurnPayload } from './turn-payload.js';

export type { AnswerStream, Deliverer, Streamer } from './turn-delivery.js';

export class TurnRunner {
  /** Identifies this process's leases; random, so a restarted process never mistakes old rows for its own. */
  readonly owner = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  private readonly delivery: TurnDelivery;
  private readonly inflight = new Map<string, Promise<Reply[] | null>>();
  private readonly queue = new KeyedQueue();
  private readonly seen: RecentKeys;
  private readonly ticker: Periodic;
  private draining = false;
  private recoveredCount = 0;
  private readonly now: () => Date;

  constructor(private readonly options: TurnRunnerOptions) {
    this.now = options.now ?? (() => new Date());
    this.delivery = new TurnDelivery(options.inbox, options.logger, options.maxDeliveryAttempts);
    this.seen = new RecentKeys(options.memory);
    // Renewal and recovery, three times per lease: a lease never runs out while its turn runs.
    this.ticker = new Periodic(Math.max(200, Math.floor(options.leaseMs / 3)), () => this.tick());
  }

  /** A push surface says how its stored answers are posted, and (optionally) how it shows one being written. */
  register(surface: string, deliver: Deliverer, stream?: Streamer): void {
    this.delivery.register(surface, deliver, stream);
  }

  unregister(surface: string): void {
    this.delivery.unregister(surface);
  }

  /** Turns taken over from an instance that died (or from this one before a restart). */
  /**
   * The newest accepted message per channel of a surface since `since`: a surface that cannot
   * replay what arrived while no instance was connected (Discord after a fresh start) reads on
   * from there; what it finds goes through accept() like any message, so nothing is answered twice.
   */
  async lastSeen(surface: string, since: Date): Promise<Array<{ channelId: string; messageId: string }>> {
    return lastSeenPerChannel(await this.options.inbox.recentPayloads(surface, since, 5000));
  }

  get recovered(): number {
    return this.recoveredCount;
  }

  /** Conversations with work queued or running (tests, shutdown). */
  get busy(): number {
    return this.queue.size;
  }

  /**
   * Push: resolves once the message is stored (acknowledge it then). The answer is posted through
   * the surface's deliverer; `done` resolves after that (or at once for a repeat).
   */
  async accept(message: InboundMessage, address: unknown): Promise<{ accepted: boolean; done: Promise<void> }> {
    const admitted = await this.admit(message, address);
    return { accepted: admitted !== null, done: admitted ? admitted.run.then(() => undefined) : Promise.resolve() };
  }

  /**
   * Pull: stores the message, runs the turn and returns the replies. A repeat gets the stored
   * replies when there are any, else null (it is being answered elsewhere).
   */
  async dispatch(message: InboundMessage, options: TurnOptions = {}): Promise<Reply[] | null> {
    const key = inboxKeyOf(message);
    // Asked again while it runs here (a page retrying a request whose response was lost): the same answer.
    const running = this.inflight.get(key);
    if (running) return running;
    const admitted = await this.admit(message, undefined, options);
    return admitted ? await admitted.run : null;
  }

  /** Starts the sweep (recovery and lease renewal); the first sweep runs at once. */
  start(): void {
    this.ticker.start();
  }

  /** Runs one recovery sweep now (start-up, tests). */
  async sweep(): Promise<number> {
    const { inbox } = this.options;
    const now = this.now();
    const items = await inbox.claimExpired(this.owner, now, this.leaseEnd(), 50);
    for (const item of items) this.recover(item);
    return items.length;
  }

  /** Resolves when nothing is queued or running. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /**
   * Graceful shutdown: accept nothing new, let running turns finish (up to `graceMs`), then hand
   * back whatever is left, so another instance (or the next start) takes it over at once.
   */
  async drain(graceMs: number): Promise<{ finished: boolean; released: number }> {
    this.draining = true;
    await this.ticker.stop();
    let timeout: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      this.idle().then(() => true),
      new Promise<boolean>((resolve) => (timeout = setTimeout(() => resolve(false), graceMs))),
    ]);
    clearTimeout(timeout);
    const released = await this.options.inbox.release(this.owner, this.now()).catch((error: unknown) => {
      this.options.logger.warn({ err: error }, 'could not hand back unfinished turns; they are taken over when their lease runs out');
      return 0;
    });
    return { finished, released };
  }

  stop(): void {
    this.draining = true;
    void this.ticker.stop();
  }

  private async tick(): Promise<void> {
    try {
      if (this.inflight.size) await this.options.inbox.renew(this.owner, this.leaseEnd());
      if (!this.draining) await this.sweep();
    } catch (error) {
      this.options.logger.warn({ err: error }, 'inbox sweep failed; trying again');
    }
  }

  private leaseEnd(): Date {
    return new Date(this.now().getTime() + this.options.leaseMs);
  }

  /** Stores the message (or finds it stored) and queues its turn; null for a repeat. */
  private async admit(
    message: InboundMessage,
    address: unknown,
    options: TurnOptions = {},
  ): Promise<{ run: Promise<Reply[] | null> } | null> {
    if (this.draining) throw new DrainingError();
    const key = inboxKeyOf(message);
    // Fast repeats (Slack's retries, app_mention + message for one post) skip the database; a pull
    // surface asks the database, which has the stored answer for it.
    if (address !== undefined && this.seen.has(key)) return null;
    const payload: TurnPayload = address === undefined ? { message } : { message, address };
    const admission = await this.options.inbox.admit(newInboxItem(key, message, payload), this.owner, this.now(), this.leaseEnd());
    if (admission.outcome === 'duplicate') {
      this.seen.add(key);
      const stored = admission.item?.replies;
      // A pull surface asking again (a web page retrying after a lost response) gets the stored answer.
      if (address === undefined && stored) return { run: Promise.resolve(readReplies(stored)) };
      return null;
    }
    this.seen.add(key);
    if (admission.outcome === 'takenOver') {
      this.recoveredCount += 1;
      this.options.logger.info({ key, state: admission.item.state }, 'took over a turn whose instance stopped before answering');
      return { run: this.enqueue(admission.item, payload, options) };
    }
    return { run: this.enqueue(receivedItem(admission.seq, key, message), payload, options) };
  }

  private recover(item: InboxItem): void {
    if (this.inflight.has(item.key)) return;
    let payload: TurnPayload;
    try {
      payload = readPayload(item);
    } catch (error) {
      this.options.logger.error({ key: item.key, err: error }, 'unreadable inbox row given up');
      void this.options.inbox.retryLater(item.key, this.now(), true);
      return;
    }
    this.recoveredCount += 1;
    this.options.logger.info(
      { key: item.key, state: item.state, attempts: item.attempts },
      'recovered a turn that was accepted but not answered',
    );
    this.seen.add(item.key);
    void this.enqueue(item, payload, {});
  }

  /** Runs the row in its conversation's queue, after the conversation's earlier turns. */
  private enqueue(item: InboxItem, payload: TurnPayload, options: TurnOptions): Promise<Reply[] | null> {
    const run = this.queue.add(item.conversationKey, () => this.process(item, payload, options));
    this.inflight.set(item.key, run);
    void run.catch(() => undefined).then(() => this.inflight.delete(item.key));
    return run;
  }

  private async process(item: InboxItem, payload: TurnPayload, options: TurnOptions): Promise<Reply[] | null> {
    const { message, address } = payload;
    const pushed = address !== undefined;
    let replies: Reply[];
    let streamed: unknown;
    if (item.state === 'answered' && item.replies) {
      replies = readReplies(item.replies);
    } else {
      await this.earlierFirst(item);
      // A push surface that can show the answer while a model writes it gets the partial text.
      const stream = pushed && !options.onPartial ? this.delivery.streamFor(item.surface, address, message) : undefined;
      try {
        replies = await answerTurn(
          this.options,
          item.key,
          message,
          stream ? { ...options, onPartial: (text) => stream.update(text) } : options,
          pushed,
        );
      } finally {
        streamed = await stream?.settle();
      }
    }
    if (pushed) await this.delivery.deliver(item, address, replies, message, this.leaseEnd(), streamed);
    return replies;
  }

  /** Earlier unanswered turns of this conversation held by an instance that died run before this one. */
  private async earlierFirst(item: InboxItem): Promise<void> {
    const { inbox, logger } = this.options;
    const giveUpAt = this.now().getTime() + 2 * this.options.leaseMs;
    for (;;) {
      const earlier = (await inbox.earlier(item.conversationKey, item.seq)).filter(
        (row) => !this.inflight.has(row.key) || row.key === item.key,
      );
      if (!earlier.length) return;
      let waiting = false;
      for (const row of earlier) {
        const claimed = await inbox.claim(row.key, this.owner, this.now(), this.leaseEnd());
        if (claimed) {
          const payload = readPayload(claimed);
          this.recoveredCount += 1;
          logger.info({ key: row.key, before: item.key }, 'ran an earlier turn of the conversation first');
          this.inflight.set(claimed.key, Promise.resolve(null));
          try {
            await this.process(claimed, payload, {});
          } finally {
            this.inflight.delete(claimed.key);
          }
        } else {
          waiting = true;
        }
      }
      if (!waiting) continue;
      // Held by a live instance: it answers soon, or its lease runs out and we take it over.
      if (this.now().getTime() > giveUpAt) {
        logger.warn({ key: item.key }, 'an earlier turn of this conversation is still held elsewhere; answering this one anyway');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
