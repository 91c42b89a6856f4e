/**
 * The Slack surface: `startSlack(app, web)` wires Bolt to the core and returns at once; the
 * connection is made in the background (see connection.ts). HTTP events are served by our own web
 * server at POST /slack/events; Socket Mode needs no public URL. Nothing here runs at import time.
 */
import { childLogger } from '../../core/ports.js';
import { App as BoltApp, webApi } from '@slack/bolt';
import type { SurfaceContext } from '../surface-context.js';
import { DEFAULT_LANGUAGE, type Language } from '../../core/language.js';
import type { WebServer } from '../web/server.js';
import { createAssistant } from './assistant.js';
import { boltLogLevel, createBoltLogger } from './bolt-logger.js';
import { resolveChannels } from './channels.js';
import { DEFAULT_TUNING, webClientOptions, type SlackTuning } from './client-options.js';
import { SlackConnection, type BotIdentity } from './connection.js';
import { SlackDelivery, type SlackAddress } from './delivery.js';
import { FormRegistry } from './forms.js';
import { HomeTab, type PlanHomeSource } from './home.js';
import { SlackIdentity } from './identity.js';
import { ignoreBotsAndEdits, registerListeners } from './listeners.js';
import { SlackMessenger } from './messenger.js';
import { RateLimitedSender } from './rate-limited-sender.js';
import { WebServerReceiver } from './receiver.js';
import { createSocketReceiver } from './socket-receiver.js';
import { SlackTurns } from './turns.js';

export { SlackMessenger, isPermanentSlackError } from './messenger.js';

export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackOptions {
  /** Gap between two posts to one channel (Slack allows about one per second). */
  minIntervalMs?: number;
  /** Tries per message while Slack answers 429. */
  maxPostAttempts?: number;
  tuning?: Partial<SlackTuning>;
  /** Waits between connection attempts while Slack is unreachable; the last one repeats. */
  retryDelaysMs?: readonly number[];
  /** Wall clock for request signatures (tests). */
  now?: () => number;
  ackTimeoutMs?: number;
  /** At most one edit of an answer being written per this many ms (Slack: about one chat.update per second). */
  streamEditEveryMs?: number;
  /** Plan progress for the Home tab; taken from `app.planHome` when the app has one. */
  planHome?: PlanHomeSource;
}

export interface SlackSurface {
  readonly name: 'slack';
  readonly messenger: SlackMessenger;
  /** Resolves once Slack is connected (never rejects; it may never resolve when Slack is down). */
  readonly connected: Promise<void>;
  /** Resolves with the number of members read once the workspace's member list is loaded (after connecting). */
  readonly directory: Promise<number>;
  /** Resolves when no post is queued (tests, shutdown). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export function startSlack(app: SurfaceContext, web: WebServer, options: SlackOptions = {}): SlackSurface {
  const { config } = app;
  // Every line from this surface says so (surface: 'slack'), without each call repeating it.
  const logger = childLogger(app.logger, { surface: 'slack' });
  const mode = config.slack?.mode;
  const token = config.SLACK_BOT_TOKEN;
  const appToken = config.SLACK_APP_TOKEN;
  const signingSecret = config.SLACK_SIGNING_SECRET;
  if (!mode || !token || (mode === 'socket' ? !appToken : !signingSecret)) {
    throw new Error('startSlack needs SLACK_BOT_TOKEN plus SLACK_APP_TOKEN or SLACK_SIGNING_SECRET');
  }

  const boltLogger = createBoltLogger(logger, boltLogLevel(config.LOG_LEVEL));
  const clientOptions = webClientOptions(config.SLACK_API_URL, boltLogger, { ...DEFAULT_TUNING, ...options.tuning });
  const client = new webApi.WebClient(token, clientOptions);
  const sender = new RateLimitedSender({
    minIntervalMs: options.minIntervalMs ?? 1100,
    maxAttempts: options.maxPostAttempts ?? 5,
    fallbackRetryMs: 2000,
    logger,
  });
  const identity = new SlackIdentity(client, { logger });
  const forms = new FormRegistry();
  const delivery = new SlackDelivery(client, sender, forms, logger, options.streamEditEveryMs);
  const messenger = new SlackMessenger(delivery, identity);
  const languageOf = async (userRef: string): Promise<Language> =>
    (await app.users.get(userRef).catch(() => null))?.language ?? DEFAULT_LANGUAGE;

  let bot: BotIdentity | undefined;
  const turns = new SlackTurns({
    turns: app.turns,
    client,
    identity,
    delivery,
    forms,
    logger,
    languageOf,
    botUserId: () => bot?.botUserId,
    features: () => app.engine.features,
  });
  const planHome = options.planHome ?? app.planHome;
  const home = new HomeTab({ client, identity, features: () => app.engine.features, languageOf, planHome, logger });

  const receiver =
    mode === 'http' && signingSecret
      ? new WebServerReceiver({
          signingSecret,
          logger,
          ...(options.now ? { now: options.now } : {}),
          ...(options.ackTimeoutMs ? { ackTimeoutMs: options.ackTimeoutMs } : {}),
        })
      : undefined;
  // Mounted at once: until Slack is connected it answers 503 and Slack retries.
  if (receiver) web.route('POST', SLACK_EVENTS_PATH, receiver.handle);

  let boltApp: BoltApp | undefined;
  let started = false;
  let stopping = false;
  const buildBolt = (me: BotIdentity): BoltApp => {
    const created = new BoltApp({
      token,
      // Known from our own auth.test: Bolt then never calls it again per event.
      botId: me.botId,
      botUserId: me.botUserId,
      tokenVerificationEnabled: false,
      clientOptions,
      logger: boltLogger,
      logLevel: boltLogger.getLevel(),
      convoStore: false,
      receiver: receiver ?? createSocketReceiver({ appToken: appToken ?? '', boltLogger, logger, clientOptions }),
    });
    created.use(ignoreBotsAndEdits);
    created.assistant(createAssistant({ turns, languageOf, logger }));
    registerListeners(created, { turns, home, identity, logger });
    created.error(async (error) => {
      logger.error({ err: error.message, code: error.code }, 'Slack listener failed');
      // Rethrown so the receiver does not acknowledge what was not stored: Slack then retries it.
      throw error;
    });
    return created;
  };

  const connection = new SlackConnection(
    {
      mode,
      apiUrl: clientOptions.slackApiUrl ?? '',
      identify: async () => {
        const result = await client.auth.test();
        if (!result.user_id || !result.team_id) throw new Error('auth.test returned no bot user');
        return {
          botUserId: result.user_id,
          botId: result.bot_id ?? '',
          teamId: result.team_id,
          botName: result.user ?? 'buurtbot',
          teamName: result.team ?? result.team_id,
        };
      },
      connect: async (me) => {
        bot = me;
        boltApp ??= buildBolt(me);
        // Channel posts can go out as soon as the Web API answers, even while Socket Mode connects.
        messenger.markConnected(
          await resolveChannels(
            client,
            { announcements: config.SLACK_ANNOUNCE_CHANNEL, coordinators: config.SLACK_COORDINATOR_CHANNEL },
            logger,
          ),
        );
        await boltApp.start();
        started = true;
        // stop() came while we were connecting: do not leave a socket open behind its back.
        if (stopping) await boltApp.stop();
      },
    },
    logger,
    options.retryDelaysMs ?? [30_000, 60_000, 120_000, 300_000],
  );
  connection.start();
  // Names of the workspace's members up front: a first message then need not wait for users.info.
  const directory = connection.connected.then(async () => {
    if (stopping) return 0;
    const members = await identity.loadDirectory();
    logger.info({ members }, 'Slack member directory loaded');
    return members;
  });
  // Reminders, digests and coordinator notices reach Slack people and channels through the outbox.
  app.outbox.register(messenger);
  // Answers of accepted turns (also ones recovered from an instance that died) go out from their stored address.
  // With a model configured, answers show while they are written and the final answer replaces them;
  // without one nothing streams, so no turn pays for a stream.
  app.turns.register(
    'slack',
    (address, replies, _message, streamed) =>
      delivery.deliverTo(address as SlackAddress, replies, typeof streamed === 'string' ? streamed : undefined),
    config.model ? (address) => delivery.streamTo(address as SlackAddress) : undefined,
  );

  return {
    name: 'slack',
    messenger,
    connected: connection.connected,
    directory,
    idle: () => sender.idle(),
    async stop() {
      stopping = true;
      connection.stop();
      app.outbox.unregister('slack');
      app.turns.unregister('slack');
      messenger.markDisconnected();
      sender.close();
      if (boltApp && (started || mode === 'socket')) {
        // Socket Mode's disconnect waits for a close handshake; do not let a dead peer hold shutdown.
        await Promise.race([boltApp.stop().catch(() => undefined), delay(5000)]);
      }
      if (receiver) await receiver.stop();
    },
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
