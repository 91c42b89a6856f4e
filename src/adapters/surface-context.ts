/**
 * What a chat surface (Slack, Discord) gets from the app: the turn runner, the outbox, the
 * configuration and the few reads it needs. Narrow on purpose (vercel/chat's ChatInstance is the
 * model): a surface never reaches storage or the rest of the app, and a test can hand it exactly
 * this. The App satisfies it structurally.
 */
import type { Config } from '../config/load.js';
import type { Messenger, Logger, UserStore } from '../core/ports.js';
import type { Feature } from '../core/turn.js';
import type { TurnRunner } from '../core/turn-runner.js';
import type { PlanHomeSource } from './slack/home.js';

export interface SurfaceContext {
  config: Config;
  logger: Logger;
  turns: Pick<TurnRunner, 'accept' | 'dispatch' | 'register' | 'unregister' | 'idle' | 'lastSeen'>;
  /** Reminders, digests and coordinator notices reach the surface's people and channels through it. */
  outbox: { register(messenger: Messenger): void; unregister(surface: string): void };
  /** The person's chosen language, for the surface's own few words. */
  users: Pick<UserStore, 'get'>;
  /** The features, for overviews such as Slack's App Home. */
  engine: { readonly features: readonly Feature[] };
  /** Plan progress per person (Slack's App Home). */
  planHome?: PlanHomeSource;
}
