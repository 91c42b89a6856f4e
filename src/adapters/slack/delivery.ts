/**
 * Puts rendered replies where they belong: a channel thread, a DM, only-for-you (ephemeral) in a
 * channel, or back through a slash command's response_url. All posts go through the per-channel
 * rate-limited queue.
 */
import type { RespondFn, webApi } from '@slack/bolt';
import type { Reply } from '../../core/messages.js';
import type { Logger } from '../../core/ports.js';
import type { AnswerStream } from '../../core/turn-runner.js';
import { STREAM_EDIT_EVERY_MS, ThrottledAnswerStream } from '../answer-stream.js';
import { renderReply, type RenderOptions, type SlackMessage } from './blocks.js';
import type { FormRegistry } from './forms.js';
import { SLACK_LIMITS, truncate } from './limits.js';
import { toMrkdwn } from './mrkdwn.js';
import type { RateLimitedSender } from './rate-limited-sender.js';

export type ReplyTarget =
  | {
      kind: 'channel';
      channel: string;
      threadTs?: string;
      /** The person answered; needed for ephemeral replies in a shared channel. */
      user?: string;
    }
  | {
      /** Only the asker sees these (slash commands, clicks on ephemeral messages). */
      kind: 'response';
      channel: string;
      respond: RespondFn;
      responseUrl?: string;
    };

/** A reply target as stored in the inbox with the message (see turns.ts). */
export type SlackAddress = (Extract<ReplyTarget, { kind: 'channel' }> | { kind: 'response'; channel: string; responseUrl?: string }) & {
  /** Replies to a form opened from an ephemeral message stay private. */
  allEphemeral?: boolean;
};

/** DM channel ids start with D; there "only visible to you" is what every message already is. */
export function isDirectChannel(channel: string): boolean {
  return channel.startsWith('D');
}

export class SlackDelivery {
  private readonly render: RenderOptions;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly sender: RateLimitedSender,
    forms: FormRegistry,
    private readonly logger: Logger,
    private readonly streamEditEveryMs = STREAM_EDIT_EVERY_MS,
  ) {
    this.render = { formValue: (form) => forms.encode(form), formButtonLabel: (form) => `✏️ ${form.title}` };
  }

  /**
   * Posts the stored answer of a turn (turn-runner.ts calls this, also for a recovered turn).
   * `streamedTs`: the message that showed the answer while it was written; the answer replaces it.
   */
  async deliverTo(address: SlackAddress, replies: readonly Reply[], streamedTs?: string): Promise<void> {
    const marked = address.allEphemeral ? replies.map((r) => ({ ...r, ephemeral: true })) : replies;
    if (address.kind === 'channel') return this.deliver(address, marked, streamedTs);
    if (!address.responseUrl) {
      this.logger.warn({ channel: address.channel }, 'an answer for a response_url that was not kept is dropped');
      return;
    }
    await this.deliver({ kind: 'response', channel: address.channel, respond: respondVia(address.responseUrl) }, marked);
  }

  renderAll(reply: Reply): SlackMessage[] {
    return renderReply(reply, this.render);
  }

  async deliver(target: ReplyTarget, replies: readonly Reply[], streamedTs?: string): Promise<void> {
    if (target.kind === 'response') return this.respond(target, replies);
    let streamed = streamedTs;
    for (const reply of replies) {
      const ephemeral = reply.ephemeral === true && target.user !== undefined && !isDirectChannel(target.channel);
      for (const message of this.renderAll(reply)) {
        if (ephemeral && target.user) await this.postEphemeral(target.channel, target.user, message, target.threadTs);
        else if (streamed) {
          // The first visible message takes the place of the one that showed the answer being written.
          await this.update(target.channel, streamed, message);
          streamed = undefined;
        } else await this.post(target.channel, message, target.threadTs);
      }
    }
    // Nothing visible to put there (the answer went only to the asker): the half-written one goes.
    if (streamed) await this.sender.run(target.channel, () => this.client.chat.delete({ channel: target.channel, ts: streamed }));
  }

  /**
   * Shows a model's answer while it is written, where the answer will be posted (a thread, a DM):
   * one message, edited about once a second. Not for answers only the asker may see.
   */
  streamTo(address: SlackAddress): AnswerStream | undefined {
    if (address.kind !== 'channel' || address.allEphemeral) return undefined;
    const { channel, threadTs } = address;
    const shown = (text: string): SlackMessage => ({ text: truncate(toMrkdwn(text), SLACK_LIMITS.sectionText), blocks: [] });
    return new ThrottledAnswerStream<string>(
      {
        post: async (text) => {
          const ts = await this.post(channel, shown(text), threadTs);
          if (!ts) throw new Error('Slack returned no ts for the streamed message');
          return ts;
        },
        edit: (ts, text) => this.update(channel, ts, shown(text)),
      },
      this.logger,
      this.streamEditEveryMs,
    );
  }

  private async update(channel: string, ts: string, message: SlackMessage): Promise<void> {
    await this.sender.run(channel, () =>
      this.client.chat.update({ channel, ts, text: message.text, ...(message.blocks.length ? { blocks: message.blocks } : {}) }),
    );
  }

  async post(channel: string, message: SlackMessage, threadTs?: string): Promise<string | undefined> {
    const result = await this.sender.run(channel, () =>
      this.client.chat.postMessage({
        channel,
        text: message.text,
        ...(message.blocks.length ? { blocks: message.blocks } : {}),
        // Previews of links in an answer push the answer itself out of view.
        unfurl_links: false,
        unfurl_media: false,
        ...(threadTs ? { thread_ts: threadTs } : {}),
      }),
    );
    return result.ts;
  }

  private async postEphemeral(channel: string, user: string, message: SlackMessage, threadTs?: string): Promise<void> {
    await this.sender.run(channel, () =>
      this.client.chat.postEphemeral({
        channel,
        user,
        text: message.text,
        blocks: message.blocks,
        ...(threadTs ? { thread_ts: threadTs } : {}),
      }),
    );
  }

  private async respond(target: Extract<ReplyTarget, { kind: 'response' }>, replies: readonly Reply[]): Promise<void> {
    const messages = replies.flatMap((reply) => this.renderAll(reply));
    if (messages.length > SLACK_LIMITS.responseUrlUses) {
      this.logger.warn({ messages: messages.length }, 'more replies than a response_url accepts; the rest is dropped');
    }
    for (const message of messages.slice(0, SLACK_LIMITS.responseUrlUses)) {
      await this.sender.run(`response:${target.channel}`, () =>
        target.respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks }),
      );
    }
  }
}

/** What Bolt's `respond` does, from the URL alone: a JSON POST to Slack's response_url. */
function respondVia(url: string): RespondFn {
  return async (message) => {
    const body = typeof message === 'string' ? { text: message } : message;
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`response_url answered ${response.status}`);
    return response;
  };
}
