import type { InboundMessage } from './messages.js';

/**
 * One conversation per person per place: a DM, a channel thread or the web chat. Including the user
 * keeps two board members in the same channel from answering each other's plan questions.
 */
export function conversationKey(m: Pick<InboundMessage, 'surface' | 'channelId' | 'threadId' | 'userRef'>): string {
  return [m.surface, m.channelId, m.threadId ?? '-', m.userRef].join('|');
}
