/**
 * The worker's outbox: what features send on their own (a forwarded question to the coordinators,
 * a coordinator's answer to the asker) goes to the main thread, where Slack and Discord registered
 * their messengers. The turn waits until the main thread has delivered it, as it would in-process.
 */
import type { Reply } from '../core/messages.js';
import type { Outbox } from '../core/ports.js';
import type { CoordinatorNotifier } from '../core/platforms/ports.js';
import type { OutboxCall } from './protocol.js';

export class ForwardingOutbox implements Outbox, CoordinatorNotifier {
  constructor(private readonly send: (call: OutboxCall) => Promise<void>) {}

  toUser(userRef: string, replies: Reply[]): Promise<void> {
    return this.send({ method: 'toUser', userRef, replies });
  }

  toCoordinators(replies: Reply[]): Promise<void> {
    return this.send({ method: 'toCoordinators', replies });
  }

  toAnnouncements(replies: Reply[]): Promise<void> {
    return this.send({ method: 'toAnnouncements', replies });
  }

  notify(text: string): Promise<void> {
    return this.toCoordinators([{ kind: 'notice', text }]);
  }
}

/** Runs a forwarded call on the main thread's outbox. */
export function deliver(outbox: Outbox, call: OutboxCall): Promise<void> {
  switch (call.method) {
    case 'toUser':
      return outbox.toUser(call.userRef, call.replies);
    case 'toCoordinators':
      return outbox.toCoordinators(call.replies);
    case 'toAnnouncements':
      return outbox.toAnnouncements(call.replies);
  }
}
