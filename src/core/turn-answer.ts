/**
 * One turn's answer: the engine's replies (state and answer are committed together there), or a
 * polite error reply when a handler fails, so one broken turn never takes the bot down. An answer
 * the engine did not commit (an early answer, a failure, a forgotten person) is stored on its own.
 */
import type { TurnReceipt } from './inbox.js';
import { DEFAULT_LANGUAGE } from './language.js';
import type { InboundMessage, Reply } from './messages.js';
import { t } from './texts.js';
import type { TurnOptions } from './turn.js';
import type { TurnRunnerOptions } from './turn-runner-options.js';

export async function answerTurn(
  { engine, inbox, logger }: Pick<TurnRunnerOptions, 'engine' | 'inbox' | 'logger'>,
  key: string,
  message: InboundMessage,
  options: TurnOptions,
  pushed: boolean,
): Promise<Reply[]> {
  const receipt: TurnReceipt = { key, state: pushed ? 'answered' : 'delivered', replies: '' };
  let replies: Reply[];
  try {
    replies = await engine.handle(message, { ...options, receipt });
  } catch (error) {
    logger.error({ err: error, messageId: message.id, surface: message.surface }, 'handler failed; answered politely');
    replies = [{ kind: 'error', text: t(message.language ?? DEFAULT_LANGUAGE, 'error.generic') }];
    receipt.written = false;
  }
  if (!receipt.written) {
    receipt.replies = JSON.stringify(replies);
    await inbox
      .answered(receipt)
      .catch((error: unknown) => logger.warn({ err: error, key }, 'could not store the answer; it may be given again'));
  }
  return replies;
}
