/**
 * The Slack interactions as the Bolt listeners (listeners.ts, assistant.ts) unpack them for
 * SlackTurns (turns.ts): only the fields a turn uses, so the turns do not depend on Bolt's payloads.
 */
import type { RespondFn } from '@slack/bolt';
import type { InboundMessage } from '../../core/messages.js';

/** The fields of a message event we use (app_mention and message.im share them). */
export interface MessageLike {
  user: string;
  text: string;
  ts: string;
  channel: string;
  thread_ts?: string;
}

export interface CommandLike {
  team_id: string;
  user_id: string;
  channel_id: string;
  text: string;
  trigger_id: string;
}

export interface ButtonPress {
  teamId: string;
  userId: string;
  actionId: string;
  value?: string;
  triggerId: string;
  /** Where the button was: absent for the App Home tab. */
  channel?: string;
  messageTs?: string;
  threadTs?: string;
  ephemeral: boolean;
  respond?: RespondFn;
  /** Where `respond` posts: stored with the message, so a recovered answer can still use it. */
  responseUrl?: string;
}

/** Hooks the assistant surface uses to show "thinking" while the core works. */
export interface TurnHooks {
  before?(message: InboundMessage): Promise<void>;
  /** Called when nothing will be posted (a duplicate), so a status can be cleared. */
  nothing?(): Promise<void>;
}
