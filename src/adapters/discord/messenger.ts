/**
 * Messages go out through Discord's REST API directly: answers to a message (as a reply to it),
 * and messages nobody asked for (reminders, digests, coordinator notices). That works whether or
 * not the gateway connection is up at that moment, and a failure rejects, so the reminder
 * scheduler can retry. Each channel has its own send queue (a KeyedQueue keyed by channel):
 * discord.js REST waits out rate limits per route, but a burst sent in parallel would arrive in any
 * order; queued per channel, each channel's messages stay in order and channels go out side by side.
 */
import { Routes, type REST } from 'discord.js';
import type { Reply } from '../../core/messages.js';
import type { Messenger } from '../../core/ports.js';
import { KeyedQueue } from '../../core/keyed-queue.js';
import type { FormRegistry } from './forms.js';
import { userIdOf } from './identity.js';
import { renderReply, type DiscordMessage } from './render.js';

/** Replies must never ping @everyone, roles or people just because a text contains a mention. */
export const NO_PINGS = { parse: [] as [] };

export interface DiscordMessengerOptions {
  rest: REST;
  forms: FormRegistry;
  queue?: KeyedQueue;
  channels: { announcements?: string | undefined; coordinators?: string | undefined };
}

export class DiscordMessenger implements Messenger {
  readonly surface = 'discord' as const;
  readonly channels: { announcements?: string | undefined; coordinators?: string | undefined };
  readonly queue: KeyedQueue;
  /** The REST client every message goes out through (its rate limits, its events). */
  readonly rest: REST;
  private readonly dmChannels = new Map<string, string>();

  constructor(private readonly options: DiscordMessengerOptions) {
    this.rest = options.rest;
    this.channels = options.channels;
    this.queue = options.queue ?? new KeyedQueue();
  }

  async postToChannel(channelId: string, replies: Reply[]): Promise<void> {
    if (!/^\d{5,25}$/.test(channelId)) throw new Error(`not a Discord channel id: "${channelId}"`);
    await this.send(channelId, this.render(replies));
  }

  async sendDirect(userRef: string, replies: Reply[]): Promise<void> {
    const userId = userIdOf(userRef);
    if (!userId) throw new Error(`not a Discord user: "${userRef}"`);
    const channelId = await this.dmChannel(userId);
    await this.send(channelId, this.render(replies, userId));
  }

  /**
   * Answers a message: the first message as a reply to it (the asker is notified, nobody else),
   * the rest after it, in order. Straight to REST: discord.js's message.reply would rebuild the
   * payload and turn the answer Discord sends back into a Message object nobody looks at.
   */
  async reply(channelId: string, messageId: string, messages: DiscordMessage[]): Promise<void> {
    await this.send(channelId, messages, messageId);
  }

  /**
   * Answers a message in place of the one that showed the answer being written (`streamedId`):
   * the first message replaces it, the rest follow; with nothing to show it is deleted.
   */
  async replyReplacing(channelId: string, streamedId: string, messages: DiscordMessage[]): Promise<void> {
    const [first, ...rest] = messages;
    if (!first) {
      await this.queue.add(channelId, () => this.rest.delete(Routes.channelMessage(channelId, streamedId)));
      return;
    }
    // Every field set, so nothing of the half-written text (or its absent buttons) stays behind.
    await this.edit(channelId, streamedId, {
      content: first.content ?? '',
      embeds: first.embeds ?? [],
      components: first.components ?? [],
    });
    await this.send(channelId, rest);
  }

  /** Posts the first text of an answer being written, as a reply to the question; returns its id. */
  async startReply(channelId: string, replyTo: string, content: string): Promise<string> {
    return this.queue.add(channelId, async () => {
      const body = {
        content,
        allowed_mentions: { ...NO_PINGS, replied_user: true },
        message_reference: { message_id: replyTo, fail_if_not_exists: false },
      };
      const posted = (await this.rest.post(Routes.channelMessages(channelId), { body })) as { id?: unknown };
      if (typeof posted.id !== 'string') throw new Error('Discord did not return the message id');
      return posted.id;
    });
  }

  async edit(channelId: string, messageId: string, message: DiscordMessage): Promise<void> {
    await this.queue.add(channelId, () =>
      this.rest.patch(Routes.channelMessage(channelId, messageId), { body: { ...message, allowed_mentions: NO_PINGS } }),
    );
  }

  private render(replies: Reply[], userId?: string): DiscordMessage[] {
    return replies.flatMap((r) => renderReply(r, { formButton: (form) => this.options.forms.register(form, userId) }));
  }

  /** Posts in order through the channel's queue; with `replyTo`, the first message answers that message. */
  private send(channelId: string, messages: DiscordMessage[], replyTo?: string): Promise<void> {
    return this.queue.add(channelId, async () => {
      for (const [i, m] of messages.entries()) {
        const body =
          i === 0 && replyTo
            ? {
                ...m,
                allowed_mentions: { ...NO_PINGS, replied_user: true },
                message_reference: { message_id: replyTo, fail_if_not_exists: false },
              }
            : { ...m, allowed_mentions: NO_PINGS };
        await this.rest.post(Routes.channelMessages(channelId), { body });
      }
    });
  }

  /** Opens (or reuses) the DM channel with a person; Discord returns the same channel each time. */
  private async dmChannel(userId: string): Promise<string> {
    const known = this.dmChannels.get(userId);
    if (known) return known;
    const channel = (await this.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as { id?: unknown };
    if (typeof channel.id !== 'string') throw new Error('Discord did not return a DM channel');
    this.dmChannels.set(userId, channel.id);
    return channel.id;
  }
}
