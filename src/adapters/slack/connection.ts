/**
 * Connecting to Slack in the background: auth.test, then (once) the Bolt app, channel names, and
 * the receiver (Socket Mode connection, or accepting HTTP events). serve() never waits for this:
 * with Slack unreachable the web chat and the other surfaces run on, one clear log line says what
 * is wrong, and the loop tries again later. A rejected token is not retried: only a person can fix it.
 */
import type { Logger } from '../../core/ports.js';
import { errorSummary } from './identity.js';

export interface BotIdentity {
  botUserId: string;
  botId: string;
  teamId: string;
  botName: string;
  teamName: string;
}

export interface ConnectionSteps {
  mode: 'socket' | 'http';
  /** Where the Web API is (named in the "not reachable" line). */
  apiUrl: string;
  /** auth.test: who the bot is. */
  identify(): Promise<BotIdentity>;
  /** Everything after a successful auth.test (runs again on a later attempt if it failed). */
  connect(bot: BotIdentity): Promise<void>;
}

const REJECTED_TOKEN = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'not_allowed_token_type',
  'missing_scope',
]);

export class SlackConnection {
  private timer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private stopped = false;
  private bot: BotIdentity | undefined;
  private connectedOnce: (() => void) | undefined;
  readonly connected: Promise<void>;

  constructor(
    private readonly steps: ConnectionSteps,
    private readonly logger: Logger,
    private readonly retryDelaysMs: readonly number[],
  ) {
    this.connected = new Promise((resolve) => {
      this.connectedOnce = resolve;
    });
  }

  start(): void {
    void this.tryOnce();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  get identity(): BotIdentity | undefined {
    return this.bot;
  }

  private async tryOnce(): Promise<void> {
    if (this.stopped) return;
    this.attempt += 1;
    try {
      this.bot ??= await this.steps.identify();
      if (this.stopped) return;
      await this.steps.connect(this.bot);
      if (this.stopped) return;
      this.logger.info(
        { mode: this.steps.mode, team: this.bot.teamName, bot: this.bot.botName },
        `Slack connected as @${this.bot.botName} in ${this.bot.teamName} (${this.steps.mode === 'socket' ? 'Socket Mode' : 'HTTP events at /slack/events'})`,
      );
      this.connectedOnce?.();
    } catch (error) {
      if (this.stopped) return;
      const reason = errorSummary(error);
      if (REJECTED_TOKEN.has(reason)) {
        const variable = this.bot ? 'SLACK_APP_TOKEN' : 'SLACK_BOT_TOKEN';
        this.logger.error(
          { reason },
          `Slack rejected ${variable} (${reason}): check the token and the app's scopes, then restart buurtbot. The web chat and other surfaces keep running.`,
        );
        return;
      }
      const delay = this.retryDelaysMs[Math.min(this.attempt - 1, this.retryDelaysMs.length - 1)] ?? 60_000;
      this.logger.error(
        { reason, api: this.steps.apiUrl, attempt: this.attempt, retryInSeconds: Math.round(delay / 1000) },
        `Slack is not reachable (${reason}; ${this.steps.apiUrl}). The web chat and other surfaces keep running; trying Slack again in ${Math.round(delay / 1000)} s.`,
      );
      this.timer = setTimeout(() => void this.tryOnce(), delay);
      // A pending retry must not keep a stopping process alive.
      this.timer.unref();
    }
  }
}
