/**
 * The Messenger port on Slack: reminders, digests and coordinator notifications posted natively
 * (Block Kit, same renderer and rate-limited queue as answers). Until Slack is connected it refuses
 * with a clear error, so the caller's retry logic decides what happens, instead of a silent drop.
 */
import type { Reply } from '../../core/messages.js';
import type { Messenger } from '../../core/ports.js';
import type { ChannelSettings } from './channels.js';
import type { SlackDelivery } from './delivery.js';
import { parseSlackUserRef, type SlackIdentity } from './identity.js';

export class SlackNotConnectedError extends Error {
  constructor() {
    super('Slack is not connected (yet): nothing was posted');
    this.name = 'SlackNotConnectedError';
  }
}

/** Errors that will not go away by trying again: a retry loop should stop at once. */
const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'missing_scope',
  'user_not_found',
  'cannot_dm_bot',
  'user_disabled',
  'restricted_action',
]);

export function isPermanentSlackError(error: unknown): boolean {
  const code = (error as { data?: { error?: unknown } } | null)?.data?.error;
  return typeof code === 'string' && PERMANENT.has(code);
}

export class SlackMessenger implements Messenger {
  readonly surface = 'slack' as const;
  private resolved: ChannelSettings = {};
  private connected = false;

  constructor(
    private readonly delivery: SlackDelivery,
    private readonly identity: SlackIdentity,
  ) {}

  get channels(): ChannelSettings {
    return this.resolved;
  }

  /** Called once Slack answered auth.test and the channel names are resolved. */
  markConnected(channels: ChannelSettings): void {
    this.resolved = channels;
    this.connected = true;
  }

  markDisconnected(): void {
    this.connected = false;
  }

  async postToChannel(channelId: string, replies: Reply[]): Promise<void> {
    if (!this.connected) throw new SlackNotConnectedError();
    // Nobody asked in a channel post: "ephemeral" has no reader, so post for everyone.
    await this.delivery.deliver(
      { kind: 'channel', channel: channelId },
      replies.map(({ ephemeral: _ephemeral, ...reply }) => reply),
    );
  }

  async sendDirect(userRef: string, replies: Reply[]): Promise<void> {
    if (!this.connected) throw new SlackNotConnectedError();
    const parsed = parseSlackUserRef(userRef);
    if (!parsed) throw new Error(`not a Slack user reference: ${userRef}`);
    const dm = await this.identity.dmChannel(parsed.userId);
    await this.delivery.deliver({ kind: 'channel', channel: dm, user: parsed.userId }, replies);
  }
}
