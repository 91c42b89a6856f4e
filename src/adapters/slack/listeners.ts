/**
 * The Bolt listeners: each hands the unpacked payload to SlackTurns, which returns once the message
 * is stored in the inbox, and only then acknowledges (Slack wants that within three seconds; the
 * turn itself runs after). Events are acknowledged by our receivers once the listeners returned
 * (receiver.ts, socket-receiver.ts), so a message that could not be stored is retried by Slack. A global middleware drops what the bot must never answer: its own messages, other
 * bots, edits and deletions.
 */
import type { AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';
import { FORM_ACTION } from './blocks.js';
import { FORM_CALLBACK_ID } from './forms.js';
import { markUsed } from './used-buttons.js';
import type { HomeTab } from './home.js';
import type { Logger } from '../../core/ports.js';
import { errorSummary, type SlackIdentity } from './identity.js';
import type { MessageLike } from './turn-inputs.js';
import type { SlackTurns } from './turns.js';

export const SLASH_COMMAND = '/buurtbot';

/** Message subtypes that are still a person writing to the bot. */
const PERSON_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

/** Runs before everything else (the Assistant included): the bot never answers bots or edits. */
export const ignoreBotsAndEdits: Middleware<AnyMiddlewareArgs> = async (args) => {
  const event = (args.body as { event?: Record<string, unknown> }).event;
  if (event && (event.type === 'message' || event.type === 'app_mention')) {
    const subtype = typeof event.subtype === 'string' ? event.subtype : undefined;
    if (event.bot_id || event.bot_profile || (subtype && !PERSON_SUBTYPES.has(subtype)) || typeof event.user !== 'string') return;
  }
  await args.next();
};

/** The fields we use from a message or app_mention event, or null when one is missing. */
export function readMessageEvent(event: unknown): MessageLike | null {
  if (typeof event !== 'object' || event === null) return null;
  const e = event as Record<string, unknown>;
  if (typeof e.user !== 'string' || typeof e.ts !== 'string' || typeof e.channel !== 'string') return null;
  const message: MessageLike = { user: e.user, text: typeof e.text === 'string' ? e.text : '', ts: e.ts, channel: e.channel };
  if (typeof e.thread_ts === 'string') message.thread_ts = e.thread_ts;
  return message;
}

export interface ListenerDeps {
  turns: SlackTurns;
  home: HomeTab;
  logger: Logger;
  identity: Pick<SlackIdentity, 'remember'>;
}

export function registerListeners(bolt: App, deps: ListenerDeps): void {
  const { turns, home, identity, logger } = deps;

  bolt.event('app_mention', async ({ event, context }) => {
    const message = readMessageEvent(event);
    // A mention inside the bot's DM arrives as a DM too; that listener answers it.
    if (!message || message.channel.startsWith('D') || !context.teamId) return;
    await turns.mention(message, context.teamId);
  });

  bolt.message(async ({ message, context }) => {
    const event = message as unknown as Record<string, unknown>;
    if (event.channel_type !== 'im' || !context.teamId) return;
    const read = readMessageEvent(event);
    if (read) await turns.directMessage(read, context.teamId);
  });

  bolt.command(SLASH_COMMAND, async ({ command, ack, respond }) => {
    await turns.command(command, respond);
    // An empty ack: nothing is echoed into the channel; the answer follows via response_url.
    await ack();
  });

  bolt.action(/.*/, async ({ body, action, ack, respond, context, client }) => {
    if (body.type !== 'block_actions' || action.type !== 'button' || !('action_id' in action)) return ack();
    // A link button opened its address in the browser; Slack still reports the click: nothing to do.
    if (action.action_id.startsWith('link:')) return ack();
    const container = (body.container ?? {}) as Record<string, unknown>;
    const teamId = context.teamId ?? body.team?.id ?? body.user.team_id ?? '';
    const channel = body.channel?.id ?? (typeof container.channel_id === 'string' ? container.channel_id : undefined);
    const messageTs = body.message?.ts ?? (typeof container.message_ts === 'string' ? container.message_ts : undefined);
    const threadTs =
      typeof body.message?.thread_ts === 'string'
        ? body.message.thread_ts
        : typeof container.thread_ts === 'string'
          ? container.thread_ts
          : undefined;
    await turns.button({
      teamId,
      userId: body.user.id,
      actionId: action.action_id,
      ...(action.value !== undefined ? { value: action.value } : {}),
      triggerId: body.trigger_id,
      // A button on the Home tab (a view) has no conversation: the answer goes to the DM.
      ...(channel && container.type !== 'view' ? { channel } : {}),
      ...(messageTs && container.type !== 'view' ? { messageTs } : {}),
      ...(threadTs ? { threadTs } : {}),
      ephemeral: container.is_ephemeral === true,
      respond,
      ...(typeof body.response_url === 'string' ? { responseUrl: body.response_url } : {}),
    });
    await ack();
    // The press is stored: the message stops offering what was just used (feedback once, a plan
    // step's buttons after it moved on). Cosmetic: a failure is logged, nothing else depends on it.
    // Opening a form is not using it: the modal may be closed unsent, and the ✏️ button must stay.
    const blocks =
      action.action_id === FORM_ACTION ? undefined : markUsed(body.message?.blocks as Parameters<typeof markUsed>[0], action.action_id);
    if (!blocks || !channel || !messageTs || container.type === 'view') return;
    const text = typeof body.message?.text === 'string' ? body.message.text : '';
    const update =
      container.is_ephemeral === true
        ? respond({ replace_original: true, blocks, text })
        : client.chat.update({ channel, ts: messageTs, blocks, text });
    await Promise.resolve(update).catch((error: unknown) =>
      logger.warn({ err: errorSummary(error) }, 'could not mark a used button on its message'),
    );
  });

  bolt.view(FORM_CALLBACK_ID, async ({ ack, body, view, context }) => {
    const teamId = context.teamId ?? body.team?.id ?? body.user.team_id ?? '';
    // A too-short answer: the modal stays open with the reason under the text, which stays as typed.
    const errors = await turns.formErrors(view, teamId, body.user.id);
    if (errors) return ack({ response_action: 'errors', errors });
    await turns.formSubmitted(view, teamId, body.user.id);
    // Closes the modal once the answer is stored; it appears in the conversation.
    await ack();
  });

  // Someone joined or changed their name: the directory (identity.ts) stays current without a lookup.
  bolt.event('team_join', async ({ event }) => {
    identity.remember(event.user);
  });
  bolt.event('user_change', async ({ event }) => {
    identity.remember(event.user);
  });

  bolt.event('app_home_opened', async ({ event, context }) => {
    if (event.tab !== 'home' || !context.teamId) return;
    await home
      .publish(context.teamId, event.user)
      .catch((error: unknown) => logger.warn({ err: errorSummary(error) }, 'could not publish the App Home tab'));
  });
}
