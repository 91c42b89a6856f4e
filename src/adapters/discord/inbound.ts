/**
 * Discord events → the neutral InboundMessage. Only messages meant for the bot get through: DMs,
 * and in server channels messages that mention it (or reply to it with a ping). Bots, webhooks
 * and system messages (joins, pins) are never answered, which also keeps the bot from talking
 * to itself.
 */
import { cleanContent, GuildMember, type BaseInteraction, type Message } from 'discord.js';
import type { InboundMessage } from '../../core/messages.js';
import { displayNameOf, userRefOf, type DisplayNames } from './identity.js';

export function messageToInbound(message: Message, botId: string, names: DisplayNames): InboundMessage | null {
  if (message.author.bot || message.author.id === botId || message.webhookId || message.system) return null;
  const direct = !message.inGuild();
  const botRole = message.guild?.members.me?.roles.botRole?.id;
  const mentionPattern = new RegExp(`<@!?${botId}>${botRole ? `|<@&${botRole}>` : ''}`, 'g');
  const addressed = direct || message.mentions.users.has(botId) || mentionPattern.test(message.content);
  if (!addressed) return null;
  mentionPattern.lastIndex = 0;
  // Our own mention is how they addressed us, not part of the question; other mentions read as names.
  const stripped = message.content
    .replace(mentionPattern, ' ')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
  const text = stripped ? cleanContent(stripped, message.channel).trim() : '';
  const inbound: InboundMessage = {
    id: message.id,
    surface: 'discord',
    userRef: userRefOf(message.author.id),
    ...place(message.channel, message.channelId),
    text,
    direct: true,
  };
  const name = names.remember(message.author.id, displayNameOf(message.author, message.member));
  if (name) inbound.userName = name;
  return inbound;
}

/** The common part of every interaction (who, where); the caller adds text, action or form. */
export function interactionBase(interaction: BaseInteraction, names: DisplayNames): InboundMessage {
  const { user, member } = interaction;
  const nickname = member instanceof GuildMember ? member.nickname : (member?.nick ?? null);
  const inbound: InboundMessage = {
    id: interaction.id,
    surface: 'discord',
    userRef: userRefOf(user.id),
    ...place(interaction.channel, interaction.channelId ?? user.id),
    text: '',
    direct: true,
  };
  const name = names.remember(user.id, displayNameOf(user, { nickname }));
  if (name) inbound.userName = name;
  return inbound;
}

interface ChannelLike {
  id: string;
  isThread(): boolean;
  parentId?: string | null;
}

/** Threads are conversations inside a channel, like Slack threads: channel = parent, thread = the thread. */
function place(channel: ChannelLike | null, channelId: string): { channelId: string; threadId?: string } {
  if (channel?.isThread() && channel.parentId) return { channelId: channel.parentId, threadId: channel.id };
  return { channelId };
}
