/**
 * Slack's assistant surface (the split-view "AI app" pane) through Bolt's Assistant class:
 * suggested prompts when a thread opens, "thinking…" (assistant.threads.setStatus) while the core
 * works, then the final answer in the thread. Workspaces without that surface simply DM the bot:
 * the plain DM listener answers the same way, and the App Home offers the same prompts as buttons.
 *
 * With a model configured the answer shows while it is written, in the thread as everywhere in
 * Slack (SlackDelivery.streamTo: one message, edited, then replaced by the final answer). Slack's
 * own streaming calls (chat.startStream/appendStream/stopStream) need a thread and cannot put the
 * final Block Kit answer in place, so one path (post + chat.update) serves threads, DMs and the pane.
 */
import { Assistant } from '@slack/bolt';
import type { Language } from '../../core/language.js';
import type { Logger } from '../../core/ports.js';
import { errorSummary, slackUserRef } from './identity.js';
import { st } from './texts.js';
import type { MessageLike } from './turn-inputs.js';
import type { SlackTurns } from './turns.js';
import { readMessageEvent } from './listeners.js';
import { RecentKeys } from '../../core/turn-delivery.js';

export interface AssistantDeps {
  turns: SlackTurns;
  languageOf(userRef: string): Promise<Language>;
  logger: Logger;
}

export function suggestedPrompts(language: Language): { title: string; prompts: Array<{ title: string; message: string }> } {
  return {
    title: st(language, 'assistant.promptsTitle'),
    prompts: [
      { title: st(language, 'prompt.deadline.title'), message: st(language, 'prompt.deadline.message') },
      { title: st(language, 'prompt.plan.title'), message: st(language, 'prompt.plan.message') },
    ],
  };
}

/** A message on one line, at most 60 characters, cut at a word: a thread’s title. */
export function threadTitle(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= 60) return line;
  const cut = line.slice(0, 59);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 30 ? cut.lastIndexOf(' ') : 59)}…`;
}

export function createAssistant(deps: AssistantDeps): Assistant {
  // Threads already given a title, so later messages do not rename them; bounded, so after a
  // restart (or 5,000 newer threads) an old thread may get its title once more.
  const titled = new RecentKeys(5000);
  const { logger } = deps;
  return new Assistant({
    threadStarted: async ({ event, context, setSuggestedPrompts }) => {
      const teamId = context.teamId ?? event.assistant_thread.context.team_id ?? '';
      const language = await deps.languageOf(slackUserRef(teamId, event.assistant_thread.user_id));
      await setSuggestedPrompts(suggestedPrompts(language)).catch((error: unknown) =>
        logger.warn({ err: errorSummary(error) }, 'could not set suggested prompts'),
      );
    },
    // The core does not use the channel the person is looking at, so the manifest does not
    // subscribe to assistant_thread_context_changed; should it arrive anyway, Bolt's default would
    // cost a conversations.replies + chat.update round trip on every switch.
    threadContextChanged: async () => undefined,
    userMessage: async ({ message, context, setStatus, setTitle }) => {
      const event: MessageLike | null = readMessageEvent(message);
      if (!event || !context.teamId) return;
      const teamId = context.teamId;
      // The thread's title in the assistant's history is its first message, so people find it back.
      const threadKey = `${event.channel}:${event.thread_ts ?? event.ts}`;
      if (event.text.trim() && !titled.has(threadKey)) {
        titled.add(threadKey);
        await setTitle(threadTitle(event.text)).catch((error: unknown) =>
          logger.debug({ err: errorSummary(error) }, 'assistant title not set'),
        );
      }
      await deps.turns.directMessage(event, teamId, {
        before: async (inbound) => {
          const language = inbound.language ?? (await deps.languageOf(inbound.userRef));
          // Best effort: a plain DM thread (no assistant surface) answers invalid_thread here.
          await setStatus(st(language, 'assistant.thinking')).catch((error: unknown) =>
            logger.debug({ err: errorSummary(error) }, 'assistant status not set'),
          );
        },
        // Slack clears the status when we post; with nothing to post we clear it ourselves.
        nothing: async () => {
          await setStatus('').catch(() => undefined);
        },
      });
    },
  });
}
