/**
 * Where a Slack turn's answer goes: the plan flow moves to the person's DM, a button is answered
 * where it was (in a thread in a channel, only to the person on an ephemeral message), and the
 * target is stored with the message as plain data so any instance can post the answer.
 */
import { matchCommand } from '../../core/commands.js';
import { PLAN_WORDS } from '../../core/features/plan/words.js';
import { isDirectChannel, type ReplyTarget, type SlackAddress } from './delivery.js';
import type { SlackIdentity } from './identity.js';
import type { ButtonPress } from './turn-inputs.js';

/** `plan` or `plan <platform>`, the words that start the plan flow (the core's own table). */
export function isPlanStart(text: string): boolean {
  const rest = matchCommand(text, PLAN_WORDS.start);
  return rest !== null && rest.split(/\s+/).filter(Boolean).length <= 3 && !rest.endsWith('?');
}

export async function whereToAnswer(
  identity: Pick<SlackIdentity, 'dmChannel'>,
  press: ButtonPress,
): Promise<{ channel: string; threadTs: string | undefined; target: ReplyTarget }> {
  if (!press.channel) {
    const dm = await identity.dmChannel(press.userId);
    return { channel: dm, threadTs: undefined, target: { kind: 'channel', channel: dm, user: press.userId } };
  }
  const channel = press.channel;
  // In a channel every answer lives in a thread; a button on a top-level post starts one.
  const threadTs = press.threadTs ?? (isDirectChannel(channel) ? undefined : press.messageTs);
  if (press.ephemeral && press.respond) {
    return {
      channel,
      threadTs,
      target: { kind: 'response', channel, respond: press.respond, ...(press.responseUrl ? { responseUrl: press.responseUrl } : {}) },
    };
  }
  return { channel, threadTs, target: { kind: 'channel', channel, user: press.userId, ...(threadTs ? { threadTs } : {}) } };
}

/** The stored form of a reply target: plain data (a response_url instead of Bolt's respond function). */
export function addressOf(target: ReplyTarget): SlackAddress {
  if (target.kind === 'channel') return target;
  return { kind: 'response', channel: target.channel, ...(target.responseUrl ? { responseUrl: target.responseUrl } : {}) };
}
