/**
 * Routes messages the bot starts itself (reminders, digests, answers from coordinators) to the
 * surface a person or channel lives on. Surfaces register their Messenger when they start.
 */
import { renderPlain, type Reply } from './core/messages.js';
import type { Logger, Messenger, NoticeStore, Outbox } from './core/ports.js';
import type { CoordinatorNotifier } from './core/platforms/ports.js';

export const WEB_CHANNELS = { announcements: 'web:announcements', coordinators: 'web:coordinators' } as const;

/** The web chat (and terminal) have no push channel: messages wait on a notice board the page polls. */
export class WebMessenger implements Messenger {
  readonly surface = 'web' as const;
  readonly channels = { announcements: WEB_CHANNELS.announcements, coordinators: WEB_CHANNELS.coordinators };
  constructor(private readonly notices: NoticeStore) {}

  async postToChannel(channelId: string, replies: Reply[]): Promise<void> {
    for (const reply of replies) await this.notices.post(channelId, renderPlain(reply), reply.about);
  }

  async sendDirect(userRef: string, replies: Reply[]): Promise<void> {
    for (const reply of replies) await this.notices.post(personalChannel(userRef), renderPlain(reply));
  }
}

export function personalChannel(userRef: string): string {
  return `dm:${userRef}`;
}

export class MessengerOutbox implements Outbox, CoordinatorNotifier {
  private readonly messengers = new Map<string, Messenger>();

  constructor(
    web: Messenger,
    private readonly logger: Logger,
  ) {
    this.register(web);
  }

  register(messenger: Messenger): void {
    this.messengers.set(messenger.surface, messenger);
  }

  unregister(surface: string): void {
    if (surface !== 'web') this.messengers.delete(surface);
  }

  all(): Messenger[] {
    return [...this.messengers.values()];
  }

  async toUser(userRef: string, replies: Reply[]): Promise<void> {
    const surface = userRef.split(':')[0] ?? '';
    // cli users have no inbox of their own; the web notice board keeps it for them.
    const messenger = this.messengers.get(surface) ?? this.messengers.get('web');
    await messenger?.sendDirect(userRef, replies);
  }

  async toCoordinators(replies: Reply[]): Promise<void> {
    await this.broadcast('coordinators', replies);
  }

  async toAnnouncements(replies: Reply[]): Promise<void> {
    await this.broadcast('announcements', replies);
  }

  async notify(text: string, about?: readonly string[]): Promise<void> {
    await this.toCoordinators([{ kind: 'notice', text, ...(about ? { about } : {}) }]);
  }

  private async broadcast(kind: 'coordinators' | 'announcements', replies: Reply[]): Promise<void> {
    // One surface failing (Slack down) must not keep the message from the others.
    await Promise.all(
      this.all().map(async (m) => {
        const channel = m.channels[kind];
        if (!channel) return;
        try {
          await m.postToChannel(channel, replies);
        } catch (error) {
          this.logger.warn({ err: error, surface: m.surface, kind }, 'could not post to channel');
        }
      }),
    );
  }
}
