/**
 * 👀 on a channel mention while buurtbot works on it, so the channel sees it was heard, but only
 * when the answer is not there within a second. A fast answer is acknowledgement enough; adding and
 * removing the reaction on every mention cost two Web API calls each time (reactions.* are rate
 * limited per workspace, about 50 a minute) and, when they were awaited, delayed Slack's ack.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';
import { errorSummary } from './identity.js';

const WORKING_REACTION_AFTER_MS = 1000;

/** Adds 👀 to the message if `done` has not settled after `afterMs`; takes it off once both are done. */
export function reactWhileSlow(
  client: webApi.WebClient,
  logger: Logger,
  message: { channel: string; timestamp: string },
  done: Promise<unknown>,
  afterMs = WORKING_REACTION_AFTER_MS,
): void {
  const eyes = { ...message, name: 'eyes' };
  let added: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    added = client.reactions
      .add(eyes)
      .catch((error: unknown) => logger.debug({ err: errorSummary(error) }, 'could not add the working reaction'));
  }, afterMs);
  void done
    .catch(() => undefined)
    .then(() => {
      clearTimeout(timer);
      // Removed only after the adding finished, so the removal can never overtake it.
      return added?.then(() =>
        client.reactions
          .remove(eyes)
          .catch((error: unknown) => logger.debug({ err: errorSummary(error) }, 'could not remove the working reaction')),
      );
    });
}
