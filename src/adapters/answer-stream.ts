/**
 * Showing an answer while a model writes it, the way Slack and Discord users know from other bots:
 * the first text is posted as a message, which is then edited as more arrives, at most once per
 * `editEveryMs` (chat.update and message edits are rate limited per channel), and the final answer
 * replaces it (the surface's deliverer does that with the handle `settle` returns).
 *
 * Best effort by design: a failed post or edit is logged and the stream goes quiet; the final
 * answer is then posted as a new message, so nobody loses it.
 */
import type { AnswerStream } from '../core/turn-runner.js';
import type { Logger } from '../core/ports.js';

/** How a surface posts the first text and edits it; `Handle` identifies the posted message. */
export interface StreamTarget<Handle> {
  post(text: string): Promise<Handle>;
  edit(handle: Handle, text: string): Promise<void>;
}

/** Slack allows about one chat.update per second per channel; Discord five edits per five seconds. */
export const STREAM_EDIT_EVERY_MS = 1000;

/** Marks text that is still being written. */
export const WRITING_MARK = ' …';

export class ThrottledAnswerStream<Handle> implements AnswerStream {
  private handle: Handle | undefined;
  private latest = '';
  private shown = '';
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private started = false;
  private stopped = false;

  constructor(
    private readonly target: StreamTarget<Handle>,
    private readonly logger: Logger,
    private readonly editEveryMs = STREAM_EDIT_EVERY_MS,
  ) {}

  update(textSoFar: string): void {
    if (this.stopped || !textSoFar.trim()) return;
    this.latest = textSoFar;
    if (!this.started) {
      this.started = true;
      this.enqueue(async () => {
        this.handle = await this.target.post(this.marked());
        this.shown = this.latest;
      });
      return;
    }
    // Edits wait for the interval; whatever arrived by then goes out in one edit.
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.enqueue(() => this.flush());
    }, this.editEveryMs);
  }

  /** Stops editing, waits for the writes in flight, and returns the streamed message (if posted). */
  async settle(): Promise<Handle | undefined> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.chain;
    return this.handle;
  }

  private async flush(): Promise<void> {
    if (this.stopped || this.handle === undefined || this.latest === this.shown) return;
    const text = this.latest;
    await this.target.edit(this.handle, this.marked());
    this.shown = text;
  }

  private marked(): string {
    return `${this.latest}${WRITING_MARK}`;
  }

  private enqueue(write: () => Promise<void>): void {
    this.chain = this.chain.then(write).catch((error: unknown) => {
      // Quiet from here on: the final answer still arrives (as a new message if none was posted).
      this.stopped = true;
      this.logger.warn({ err: error }, 'could not show the answer while it was written; the final answer follows');
    });
  }
}
