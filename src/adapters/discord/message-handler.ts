/**
 * Answers DMs and mentions: translate, hand to the turn runner, send the replies back as a reply to the
 * message (in order, through the messenger's queue for the channel). A reply the core marks as for
 * the asker only cannot be hidden in a channel, so it goes to them by DM instead.
 */
import type { Message } from 'discord.js';
import type { AnswerStream, TurnRunner } from '../../core/turn-runner.js';
import { ThrottledAnswerStream } from '../answer-stream.js';
import { DEFAULT_LANGUAGE } from '../../core/language.js';
import type { InboundMessage, Reply } from '../../core/messages.js';
import type { Logger } from '../../core/ports.js';
import { detectLanguage } from '../../core/knowledge/index.js';
import type { FormRegistry } from './forms.js';
import type { DisplayNames } from './identity.js';
import { messageToInbound } from './inbound.js';
import { clamp, LIMITS } from './limits.js';
import type { DiscordMessenger } from './messenger.js';
import { renderReply } from './render.js';
import { say } from './texts.js';

/** How long an answer may take before the bot shows it is typing. */
export const TYPING_AFTER_MS = 500;

export interface MessageDeps {
  dispatcher: Pick<TurnRunner, 'accept'>;
  messenger: DiscordMessenger;
  forms: FormRegistry;
  names: DisplayNames;
  logger: Logger;
}

/** Where the answer to a Discord message goes: plain data, stored with the message in the inbox. */
export interface DiscordAddress {
  channelId: string;
  messageId: string;
  authorId: string;
  inGuild: boolean;
}

/**
 * Stores the message (the inbox), then the answer is posted by `deliverAnswer` through the turn
 * runner, also when it is recovered after a crash. A gateway resume replays what the connection
 * missed; the inbox key (the message id) drops anything seen twice.
 */
export async function handleMessage(message: Message, botId: string, deps: MessageDeps): Promise<void> {
  const inbound = messageToInbound(message, botId, deps.names);
  if (!inbound) return;
  const channel = message.channel;
  // Show "typing…" only when the answer takes a while: every request counts against Discord's
  // 50 per second, and most answers are ready long before a typing indicator would be seen.
  const typing = setTimeout(() => {
    if (channel.isSendable()) void channel.sendTyping().catch(() => undefined);
  }, TYPING_AFTER_MS);
  try {
    const address: DiscordAddress = {
      channelId: message.channelId,
      messageId: message.id,
      authorId: message.author.id,
      inGuild: message.inGuild(),
    };
    const { done } = await deps.dispatcher.accept(inbound, address);
    await done;
  } finally {
    clearTimeout(typing);
  }
}

/**
 * Posts a turn's replies as a reply to the message; asker-only replies in a server go by DM.
 * `streamedId`: the reply that showed the answer being written; the answer takes its place.
 */
export async function deliverAnswer(
  address: DiscordAddress,
  replies: Reply[],
  inbound: InboundMessage,
  deps: Omit<MessageDeps, 'dispatcher' | 'names'>,
  streamedId?: string,
): Promise<void> {
  if (!replies.length && !streamedId) return;
  const visible = address.inGuild ? replies.filter((r) => !r.ephemeral) : replies;
  const hidden = address.inGuild ? replies.filter((r) => r.ephemeral) : [];
  const notes: Reply[] = [];
  if (hidden.length) notes.push({ kind: 'info', text: await sendPrivately(inbound, hidden, deps) });

  const messages = [...visible, ...notes].flatMap((r) =>
    renderReply(r, { formButton: (form) => deps.forms.register(form, address.authorId) }),
  );
  if (streamedId) await deps.messenger.replyReplacing(address.channelId, streamedId, messages);
  else await deps.messenger.reply(address.channelId, address.messageId, messages);
}

/** Shows a model's answer while it is written: a reply to the question, edited about once a second. */
export function streamAnswer(address: DiscordAddress, deps: Pick<MessageDeps, 'messenger' | 'logger'>, editEveryMs?: number): AnswerStream {
  const shown = (text: string): string => clamp(text, LIMITS.content);
  return new ThrottledAnswerStream<string>(
    {
      post: (text) => deps.messenger.startReply(address.channelId, address.messageId, shown(text)),
      edit: (id, text) => deps.messenger.edit(address.channelId, id, { content: shown(text) }),
    },
    deps.logger,
    editEveryMs,
  );
}

/** Sends asker-only replies by DM; returns the short note to leave in the channel. */
async function sendPrivately(inbound: InboundMessage, replies: Reply[], deps: Pick<MessageDeps, 'messenger' | 'logger'>): Promise<string> {
  const language = inbound.language ?? replies[0]?.language ?? detectLanguage(replies.map((r) => r.text).join(' '), DEFAULT_LANGUAGE);
  try {
    await deps.messenger.sendDirect(inbound.userRef, replies);
    return say(language, 'sentByDm');
  } catch (error) {
    deps.logger.warn({ reason: (error as Error).message, messageId: inbound.id }, 'discord: could not send a private reply by DM');
    return say(language, 'dmFailed');
  }
}
