/**
 * A turn as the inbox row stores it: the message and, for a push surface, where to answer it. The
 * runner writes it when it accepts a message and reads it back on any instance that recovers the
 * row, so the turn runs again without the surface.
 */
import { conversationKey } from './conversation-key.js';
import type { InboxItem, NewInboxItem } from './inbox.js';
import type { InboundMessage } from './messages.js';

export interface TurnPayload {
  message: InboundMessage;
  address?: unknown;
}

/** The row a message is admitted as. */
export function newInboxItem(key: string, message: InboundMessage, payload: TurnPayload): NewInboxItem {
  return {
    key,
    conversationKey: conversationKey(message),
    surface: message.surface,
    userRef: message.userRef,
    payload: JSON.stringify(payload),
  };
}

/** A row just admitted, as the runner works on it (the payload is at hand, not re-read). */
export function receivedItem(seq: number, key: string, message: InboundMessage): InboxItem {
  return {
    seq,
    key,
    conversationKey: conversationKey(message),
    surface: message.surface,
    userRef: message.userRef,
    payload: '',
    state: 'received',
    replies: null,
    attempts: 1,
  };
}

/** The stored payload of a row; throws when it is unreadable. */
export function readPayload(item: InboxItem): TurnPayload {
  return JSON.parse(item.payload) as TurnPayload;
}
