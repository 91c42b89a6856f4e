/**
 * A Slack interaction's ids and text as the core's InboundMessage: the one translation every Slack
 * turn goes through (user ref, name, Slack markup to plain text, thread, button action, form answer).
 */
import type { InboundMessage } from '../../core/messages.js';
import { slackUserRef, type SlackIdentity } from './identity.js';
import { fromSlackText } from './mrkdwn.js';

interface InboundFields {
  id: string;
  teamId: string;
  userId: string;
  channelId: string;
  threadId?: string | undefined;
  text: string;
  /** Button values and modal inputs are plain text already, not Slack markup. */
  plain?: boolean;
  action?: string;
  form?: { stepId: string; text: string };
}

export async function toInboundMessage(
  deps: { identity: Pick<SlackIdentity, 'person'>; botUserId(): string | undefined },
  fields: InboundFields,
): Promise<InboundMessage> {
  const person = await deps.identity.person(fields.userId);
  const message: InboundMessage = {
    id: fields.id,
    surface: 'slack',
    userRef: slackUserRef(fields.teamId, fields.userId),
    channelId: fields.channelId,
    text: fields.plain ? fields.text : fromSlackText(fields.text, deps.botUserId()),
    // Only DMs, mentions, commands, buttons and modals reach the bot: all addressed to it.
    direct: true,
  };
  if (person.name) message.userName = person.name;
  if (fields.threadId) message.threadId = fields.threadId;
  if (fields.action) message.action = fields.action;
  if (fields.form) message.form = { stepId: fields.form.stepId, text: fields.form.text };
  return message;
}
