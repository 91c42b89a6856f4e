/**
 * One turn per Slack interaction: translate it into an InboundMessage, let the core answer through
 * the dispatcher, put the replies in the right place. This file and where-to-answer.ts are the only
 * places that decide where an answer goes; the Bolt listeners (listeners.ts, assistant.ts) only
 * unpack payloads (turn-inputs.ts).
 *
 * Message ids (the dispatcher's dedupe key): `channel:ts` for messages, so a retried delivery and
 * the app_mention/message pair Slack may send for one message are answered once; the trigger_id
 * for slash commands; `channel:ts:action_id` for a button on a message, so a double click counts
 * once; the view id for a modal, which is submitted once.
 */
import type { RespondFn, webApi } from '@slack/bolt';
import type { TurnRunner } from '../../core/turn-runner.js';
import type { Language } from '../../core/language.js';
import type { InboundMessage } from '../../core/messages.js';
import type { Logger } from '../../core/ports.js';
import type { Feature } from '../../core/turn.js';
import { FORM_ACTION, SAY_ACTION_PREFIX } from './blocks.js';
import { isDirectChannel, type ReplyTarget, type SlackAddress, type SlackDelivery } from './delivery.js';
import { buildFormModal, FORM_INPUT_BLOCK, readFormSubmission, type FormOrigin, type FormRegistry } from './forms.js';
import { errorSummary, slackUserRef, type SlackIdentity } from './identity.js';
import { SLACK_LIMITS, truncate } from './limits.js';
import { fromSlackText } from './mrkdwn.js';
import { parseSlashCommand } from './slash-command.js';
import { st } from './texts.js';
import { toInboundMessage } from './inbound-message.js';
import type { ButtonPress, CommandLike, MessageLike, TurnHooks } from './turn-inputs.js';
import { addressOf, isPlanStart, whereToAnswer } from './where-to-answer.js';
import { reactWhileSlow } from './working-reaction.js';

export interface TurnDeps {
  turns: Pick<TurnRunner, 'accept'>;
  client: webApi.WebClient;
  identity: SlackIdentity;
  delivery: SlackDelivery;
  forms: FormRegistry;
  logger: Logger;
  /** The person's chosen language, else Dutch: for the adapter's own few words. */
  languageOf(userRef: string): Promise<Language>;
  /** Known after auth.test; used to drop the bot's own mention from the text. */
  botUserId(): string | undefined;
  /** The core's features: their form checks run before a modal is accepted. */
  features(): readonly Pick<Feature, 'checkForm'>[];
}

export class SlackTurns {
  constructor(private readonly deps: TurnDeps) {}

  /**
   * @buurtbot in a channel: answered in the thread of the mention. `@buurtbot plan` moves to the
   * person's DM, as `/buurtbot plan` does: nine steps in a public thread, each reply needing a new
   * mention, is not how anyone wants to write a plan.
   */
  async mention(event: MessageLike, teamId: string): Promise<void> {
    const threadId = event.thread_ts ?? event.ts;
    const text = fromSlackText(event.text, this.deps.botUserId());
    if (isPlanStart(text)) {
      const dm = await this.deps.identity.dmChannel(event.user);
      const message = await toInboundMessage(this.deps, {
        id: `${event.channel}:${event.ts}`,
        teamId,
        userId: event.user,
        channelId: dm,
        text: event.text,
      });
      const language = await this.deps.languageOf(slackUserRef(teamId, event.user));
      // Only the person sees where it went; the link opens the DM.
      const link = `https://app.slack.com/client/${encodeURIComponent(teamId)}/${encodeURIComponent(dm)}`;
      await this.deps.delivery.deliver({ kind: 'channel', channel: event.channel, threadTs: threadId, user: event.user }, [
        { kind: 'notice', ephemeral: true, text: st(language, 'mention.movedToDm', { link }) },
      ]);
      await this.run(message, { kind: 'channel', channel: dm, user: event.user });
      return;
    }
    const message = await toInboundMessage(this.deps, {
      id: `${event.channel}:${event.ts}`,
      teamId,
      userId: event.user,
      channelId: event.channel,
      threadId,
      text: event.text,
    });
    const { done } = await this.run(message, { kind: 'channel', channel: event.channel, threadTs: threadId, user: event.user });
    reactWhileSlow(this.deps.client, this.deps.logger, { channel: event.channel, timestamp: event.ts }, done);
  }

  /** A DM: answered directly, or in its thread when it was written in one (assistant threads). */
  async directMessage(event: MessageLike, teamId: string, hooks: TurnHooks = {}): Promise<void> {
    const message = await toInboundMessage(this.deps, {
      id: `${event.channel}:${event.ts}`,
      teamId,
      userId: event.user,
      channelId: event.channel,
      threadId: event.thread_ts,
      text: event.text,
    });
    const target: ReplyTarget = {
      kind: 'channel',
      channel: event.channel,
      user: event.user,
      ...(event.thread_ts ? { threadTs: event.thread_ts } : {}),
    };
    await this.run(message, target, hooks);
  }

  /** `/buurtbot …`: the plan moves to the DM; everything else is answered only to the asker. */
  async command(command: CommandLike & { response_url?: string }, respond: RespondFn): Promise<void> {
    const parsed = parseSlashCommand(command.text);
    const userRef = slackUserRef(command.team_id, command.user_id);
    try {
      const inBotDm = isDirectChannel(command.channel_id) && (await this.deps.identity.dmChannel(command.user_id)) === command.channel_id;
      if (parsed.kind === 'plan' || inBotDm) {
        const dm = inBotDm ? command.channel_id : await this.deps.identity.dmChannel(command.user_id);
        const message = await toInboundMessage(this.deps, {
          id: `command:${command.trigger_id}`,
          teamId: command.team_id,
          userId: command.user_id,
          channelId: dm,
          text: parsed.text,
        });
        if (!inBotDm) {
          const language = await this.deps.languageOf(userRef);
          await this.deps.delivery.deliver({ kind: 'response', channel: command.channel_id, respond }, [
            { kind: 'notice', text: st(language, 'command.movedToDm') },
          ]);
        }
        await this.run(message, { kind: 'channel', channel: dm, user: command.user_id });
        return;
      }
      const message = await toInboundMessage(this.deps, {
        id: `command:${command.trigger_id}`,
        teamId: command.team_id,
        userId: command.user_id,
        channelId: command.channel_id,
        text: parsed.text,
      });
      await this.run(message, {
        kind: 'response',
        channel: command.channel_id,
        respond,
        ...(command.response_url ? { responseUrl: command.response_url } : {}),
      });
    } catch (error) {
      this.deps.logger.error({ err: errorSummary(error) }, 'slash command failed');
      const language = await this.deps.languageOf(userRef);
      await respond({ response_type: 'ephemeral', text: st(language, 'command.failed') }).catch(() => undefined);
    }
  }

  /** A button: opens a modal (form), types for the person (App Home shortcuts), or is an action. */
  async button(press: ButtonPress): Promise<void> {
    try {
      if (press.actionId === FORM_ACTION) return await this.openForm(press);
      if (press.actionId.startsWith(SAY_ACTION_PREFIX)) {
        // App Home shortcuts: as if the person typed the text in their DM with the bot.
        const dm = await this.deps.identity.dmChannel(press.userId);
        const message = await toInboundMessage(this.deps, {
          id: `press:${press.triggerId}`,
          teamId: press.teamId,
          userId: press.userId,
          channelId: dm,
          text: press.value ?? '',
          plain: true,
        });
        await this.run(message, { kind: 'channel', channel: dm, user: press.userId });
        return;
      }
      const { channel, threadTs, target } = await whereToAnswer(this.deps.identity, press);
      const id = press.messageTs ? `${channel}:${press.messageTs}:${press.actionId}` : `press:${press.triggerId}`;
      const message = await toInboundMessage(this.deps, {
        id,
        teamId: press.teamId,
        userId: press.userId,
        channelId: channel,
        threadId: threadTs,
        text: press.value ?? '',
        plain: true,
        action: press.actionId,
      });
      await this.run(message, target);
    } catch (error) {
      this.deps.logger.error({ action: press.actionId, err: errorSummary(error) }, 'button press failed');
      // Not acknowledged then: Slack shows the person that the click did not go through.
      throw error;
    }
  }

  /**
   * The core's check of a submitted modal, before anything is stored: the reason per input block
   * (Slack shows it under the input and keeps the modal open with the text as typed), or
   * undefined to accept. A failing check accepts: the turn validates again and answers in the chat.
   */
  async formErrors(
    view: Parameters<typeof readFormSubmission>[0],
    teamId: string,
    userId: string,
  ): Promise<Record<string, string> | undefined> {
    const submission = readFormSubmission(view);
    if (!submission) return undefined;
    try {
      const language = await this.deps.languageOf(slackUserRef(teamId, userId));
      const form = { stepId: submission.origin.stepId, text: submission.text };
      for (const feature of this.deps.features()) {
        const problem = feature.checkForm?.(form, language);
        if (problem) return { [FORM_INPUT_BLOCK]: truncate(problem, SLACK_LIMITS.inputLabel) };
      }
    } catch (error) {
      this.deps.logger.warn({ err: errorSummary(error) }, 'form check failed; the answer is accepted and checked in the turn');
    }
    return undefined;
  }

  /** A submitted modal: the form answer goes to the conversation the form came from. */
  async formSubmitted(view: Parameters<typeof readFormSubmission>[0] & { id: string }, teamId: string, userId: string): Promise<void> {
    const submission = readFormSubmission(view);
    if (!submission) {
      this.deps.logger.warn({}, 'modal submission without usable metadata ignored');
      return;
    }
    const { origin, text } = submission;
    const message = await toInboundMessage(this.deps, {
      id: `view:${view.id}`,
      teamId,
      userId,
      channelId: origin.channel,
      threadId: origin.threadTs,
      text,
      plain: true,
      form: { stepId: origin.stepId, text },
    });
    const target: ReplyTarget = {
      kind: 'channel',
      channel: origin.channel,
      user: userId,
      ...(origin.threadTs ? { threadTs: origin.threadTs } : {}),
    };
    // Replies to a form from an ephemeral message stay private: mark them so.
    await this.run(message, target, {}, origin.ephemeral === true);
  }

  private async openForm(press: ButtonPress): Promise<void> {
    const form = this.deps.forms.decode(press.value);
    if (!form) {
      this.deps.logger.warn({}, 'form button with an unreadable value ignored');
      return;
    }
    const { channel, threadTs } = await whereToAnswer(this.deps.identity, press);
    const origin: FormOrigin = {
      stepId: form.id,
      channel,
      ...(threadTs ? { threadTs } : {}),
      ...(press.ephemeral ? { ephemeral: true } : {}),
    };
    const language = await this.deps.languageOf(slackUserRef(press.teamId, press.userId));
    // trigger_id is valid for three seconds: open the modal before anything slow.
    await this.deps.client.views.open({ trigger_id: press.triggerId, view: buildFormModal(form, origin, language) });
  }

  /**
   * Hands the message to the turn runner and returns once it is stored: the listener acknowledges
   * Slack after that, so an acknowledged message is never lost. The answer is posted by `deliver`,
   * from the stored address, by this instance or (after a crash) by any other.
   */
  /** Stores the message and starts its turn; resolves with a promise of the answer being delivered. */
  private async run(
    message: InboundMessage,
    target: ReplyTarget,
    hooks: TurnHooks = {},
    allEphemeral = false,
  ): Promise<{ done: Promise<void> }> {
    await hooks.before?.(message);
    const address: SlackAddress = { ...addressOf(target), ...(allEphemeral ? { allEphemeral: true } : {}) };
    const { accepted, done } = await this.deps.turns.accept(message, address);
    if (!accepted) {
      this.deps.logger.debug({ id: message.id }, 'duplicate Slack delivery ignored');
      await hooks.nothing?.();
    }
    return { done };
  }
}
