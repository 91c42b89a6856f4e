/**
 * Answers DMs and mentions: translate, ask the core, send the replies back as a reply to the
 * message (in order, through the messenger's queue for the channel). A reply the core marks as for
 * the asker only cannot be hidden in a channel, so it goes to them by DM instead.
 */
import type { Message } from 'discord.js';
import type { Dispatcher } from '../../core/dispatcher.js';
import { DEFAULT_LANGUAGE } from '../../core/language.js';
import type { InboundMessage, Reply } from '../../core/messages.js';
import type { Logger } from '../../core/ports.js';
import { detectLanguage } from '../../core/knowledge/index.js';
import type { FormRegistry } from './forms.js';
import type { DisplayNames } from './identity.js';
import { messageToInbound } from './inbound.js';
import type { DiscordMessenger } from './messenger.js';
import { renderReply } from './render.js';
import { say } from './texts.js';

/** How long an answer may take before the bot shows it is typing. */
export const TYPING_AFTER_MS = 500;

export interface MessageDeps {
  dispatcher: Pick<Dispatcher, 'dispatch'>;
  messenger: DiscordMessenger;
  forms: FormRegistry;
  names: DisplayNames;
  logger: Logger;
}

export async function handleMessage(message: Message, botId: string, deps: MessageDeps): Promise<void> {
  const inbound = messageToInbound(message, botId, deps.names);
  if (!inbound) return;
  const channel = message.channel;
  // Show "typing…" only when the answer takes a while: every request counts against Discord's
  // 50 per second, and most answers are ready long before a typing indicator would be seen.
  const typing = setTimeout(() => {
    if (channel.isSendable()) void channel.sendTyping().catch(() => undefined);
  }, TYPING_AFTER_MS);
  let replies;
  try {
    replies = await deps.dispatcher.dispatch(inbound);
  } finally {
    clearTimeout(typing);
  }
  if (!replies?.length) return;

  const inGuild = message.inGuild();
  const visible = inGuild ? replies.filter((r) => !r.ephemeral) : replies;
  const hidden = inGuild ? replies.filter((r) => r.ephemeral) : [];
  const notes: Reply[] = [];
  if (hidden.length) notes.push({ kind: 'info', text: await sendPrivately(inbound, hidden, deps) });

  const messages = [...visible, ...notes].flatMap((r) => renderReply(r, { formButton: (form) => deps.forms.register(form, message.author.id) }));
  await deps.messenger.reply(message.channelId, message.id, messages);
}

/** Sends asker-only replies by DM; returns the short note to leave in the channel. */
async function sendPrivately(inbound: InboundMessage, replies: Reply[], deps: MessageDeps): Promise<string> {
  const language = inbound.language ?? replies[0]?.language ?? detectLanguage(replies.map((r) => r.text).join(' '), DEFAULT_LANGUAGE);
  try {
    await deps.messenger.sendDirect(inbound.userRef, replies);
    return say(language, 'sentByDm');
  } catch (error) {
    deps.logger.warn({ reason: (error as Error).message, messageId: inbound.id }, 'discord: could not send a private reply by DM');
    return say(language, 'dmFailed');
  }
}
