/**
 * The Discord surface in `buurtbot serve`: connects in the background, answers DMs, mentions,
 * slash commands, buttons and modals through the core's dispatcher, registers the slash commands,
 * and offers a Messenger for reminders and digests. Connecting never blocks or crashes serve:
 * when Discord is unreachable it says so once per attempt and retries with a growing pause;
 * a refused token or intent is reported with what to fix, without retrying.
 */
import { childLogger, type Logger } from '../../core/ports.js';
import { Events, REST, type Client, type Message } from 'discord.js';
import type { SurfaceContext } from '../surface-context.js';
import { KeyedQueue } from '../../core/keyed-queue.js';
import { apiBase, createClient, inviteUrl } from './client.js';
import { registerCommands } from './commands.js';
import { FormRegistry } from './forms.js';
import { DisplayNames, userIdOf } from './identity.js';
import { handleInteraction } from './interactions.js';
import { deliverAnswer, handleMessage, streamAnswer, type DiscordAddress } from './message-handler.js';
import { DiscordMessenger } from './messenger.js';

export interface DiscordOptions {
  /** Answer interactions directly when the core is this fast, otherwise acknowledge first (ms). */
  ackAfterMs?: number;
  waitGuildTimeout?: number;
  /** Pauses between connection attempts while Discord is unreachable (the last one repeats). */
  retryDelaysMs?: number[];
  /** How far back (hours) a fresh connection looks for channels to catch up in; default 24. */
  catchUpHours?: number;
  /** At most one edit of an answer being written per this many ms (Discord: 5 edits per 5 s per channel). */
  streamEditEveryMs?: number;
}

export interface DiscordSurface {
  name: 'discord';
  messenger: DiscordMessenger;
  /** The current discord.js client (replaced on every new connection attempt). */
  readonly client: Client | null;
  /** Resolves when connected and ready the first time. */
  ready: Promise<void>;
  /** The last display name seen for a `discord:ID` person (no API call), for digests and notices. */
  displayName(userRef: string): string | undefined;
  /** Resolves when no message or interaction is being answered (all replies sent). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const DEFAULT_RETRY_DELAYS = [10_000, 30_000, 60_000, 300_000, 600_000];

type Failure = { retry: boolean; message: string };

/** Why a connection attempt failed, in words an admin can act on. Never includes the token. */
export function describeFailure(error: unknown): Failure {
  const err = error as { code?: unknown; status?: unknown; message?: unknown };
  const message = typeof err?.message === 'string' ? err.message : String(error);
  if (err?.code === 'TokenInvalid' || err?.status === 401) {
    return {
      retry: false,
      message:
        'Discord refused the token (DISCORD_TOKEN): copy a fresh bot token from the Developer Portal. Discord stays off; the other surfaces keep running.',
    };
  }
  if (/disallowed intents/i.test(message)) {
    return {
      retry: false,
      message:
        'Discord refused the Message Content intent: enable it under Bot → Privileged Gateway Intents in the Developer Portal (see docs/discord.md). Discord stays off; the other surfaces keep running.',
    };
  }
  const code = typeof err?.code === 'string' ? ` (${err.code})` : '';
  return { retry: true, message: `Discord is unreachable: ${message}${code}. The other surfaces keep running.` };
}

/** How far back a fresh start looks for channels to catch up in (inbox rows are kept a day). */
const CATCH_UP_HOURS = 24;
/** Messages read per channel on catching up: a channel with more waiting gets the newest of them, in order. */
const CATCH_UP_PER_CHANNEL = 50;

/**
 * Messages to the bot that arrived while no instance was connected: for each channel where the bot
 * accepted a message in the last day, the messages after it, oldest first, go through the normal
 * message path (which ignores what is not addressed to the bot; the inbox drops what was seen).
 */
async function catchUp(
  client: Client<true>,
  turns: Pick<SurfaceContext['turns'], 'lastSeen'>,
  handle: (message: Message, botId: string) => Promise<void>,
  logger: Logger,
  hours: number,
): Promise<void> {
  let found = 0;
  try {
    const channels = await turns.lastSeen('discord', new Date(Date.now() - hours * 3_600_000));
    for (const { channelId, messageId } of channels) {
      try {
        const channel = await client.channels.fetch(channelId);
        if (!channel?.isTextBased()) continue;
        const missed = await channel.messages.fetch({ after: messageId, limit: CATCH_UP_PER_CHANNEL });
        const inOrder = [...missed.values()]
          .filter((m) => !m.author.bot)
          // Oldest first by id (snowflakes grow with time; timestamps can tie).
          .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
        for (const message of inOrder) {
          found += 1;
          await handle(message, client.user.id);
        }
      } catch (error) {
        logger.warn(
          { channelId, reason: (error as Error).message },
          'could not catch up in a channel; messages sent there while buurtbot was offline stay unanswered',
        );
      }
    }
  } catch (error) {
    logger.warn({ reason: (error as Error).message }, 'could not read where to catch up');
  }
  if (found) logger.info({ messages: found }, 'caught up on messages sent while buurtbot was not connected');
}

export function startDiscord(app: SurfaceContext, options: DiscordOptions = {}): DiscordSurface {
  const { config, turns: dispatcher, users } = app;
  // Every line from this surface says so (surface: 'discord'), without each call repeating it.
  const logger = childLogger(app.logger, { surface: 'discord' });
  const token = config.DISCORD_TOKEN;
  const applicationId = config.DISCORD_APPLICATION_ID;
  if (!token || !applicationId) throw new Error('startDiscord needs DISCORD_TOKEN and DISCORD_APPLICATION_ID');
  const api = apiBase(config.DISCORD_API_URL);
  const rest = new REST(api ? { api } : {}).setToken(token);
  const queue = new KeyedQueue();
  const forms = new FormRegistry();
  const names = new DisplayNames();
  const messenger = new DiscordMessenger({
    rest,
    forms,
    queue,
    channels: { announcements: config.DISCORD_ANNOUNCE_CHANNEL_ID, coordinators: config.DISCORD_COORDINATOR_CHANNEL_ID },
  });
  const delays = options.retryDelaysMs?.length ? options.retryDelaysMs : DEFAULT_RETRY_DELAYS;
  const ackAfterMs = options.ackAfterMs ?? 1500;

  let client: Client | null = null;
  let stopped = false;
  let attempt = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  let commandsRegistered = false;
  // Answers being worked on, so stop() can let them finish and tests can wait for them.
  const inFlight = new Set<Promise<void>>();
  const track = (work: Promise<void>): void => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  const idle = async (): Promise<void> => {
    while (inFlight.size) await Promise.allSettled([...inFlight]);
  };
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const connect = (): void => {
    if (stopped) return;
    attempt++;
    const current = createClient({
      apiUrl: config.DISCORD_API_URL,
      ...(options.waitGuildTimeout !== undefined ? { waitGuildTimeout: options.waitGuildTimeout } : {}),
    });
    client = current;
    wire(current);
    // Success is logged once the servers arrived (ClientReady); only failure needs handling here.
    current.login(token).catch(async (error: unknown) => {
      await current.destroy().catch(() => undefined);
      if (stopped) return;
      const failure = describeFailure(error);
      if (!failure.retry) {
        logger.error({}, failure.message);
        return;
      }
      const delay = delays[Math.min(attempt - 1, delays.length - 1)] ?? 600_000;
      logger.error({ attempt, retryInSeconds: Math.round(delay / 1000) }, `${failure.message} Retrying in ${Math.round(delay / 1000)} s.`);
      retryTimer = setTimeout(connect, delay);
      retryTimer.unref();
    });
  };

  const wire = (c: Client): void => {
    // Without an 'error' listener an emitted error would crash the whole process.
    c.on(Events.Error, (error) => logger.error({ reason: error.message }, 'discord client error'));
    c.on(Events.ShardError, (error) => logger.warn({ reason: error.message }, 'discord connection error; discord.js reconnects'));
    c.on(
      Events.ShardDisconnect,
      (event) => stopped || logger.warn({ code: event.code }, 'discord closed the connection and it will not reconnect by itself'),
    );
    // Our own stop() closes the connection too; that is not worth a warning.
    c.on(Events.ShardReconnecting, () => stopped || logger.warn({}, 'discord connection lost; reconnecting'));
    c.on(Events.ShardResume, (_id, replayed) => logger.info({ replayed }, 'discord connection resumed'));
    c.on(Events.Warn, (message) => logger.warn({}, `discord: ${message}`));
    c.once(Events.ClientReady, (readyClient) => {
      logger.info({ user: readyClient.user.tag, servers: readyClient.guilds.cache.size }, `discord connected as ${readyClient.user.tag}`);
      markReady();
      // A fresh connection (not a resume) gets no replay of what was sent while no instance was
      // connected: read on from the last message the bot accepted in each channel.
      track(
        catchUp(
          readyClient,
          dispatcher,
          (message, botId) => handleMessage(message, botId, { dispatcher, messenger, forms, names, logger }),
          logger,
          options.catchUpHours ?? CATCH_UP_HOURS,
        ),
      );
      if (readyClient.guilds.cache.size === 0) {
        logger.warn(
          { invite: inviteUrl(applicationId) },
          `discord: buurtbot is in no server yet; a server admin adds it with ${inviteUrl(applicationId)}`,
        );
      }
      if (!commandsRegistered) {
        registerCommands(rest, applicationId, config.DISCORD_GUILD_ID).then(
          (count) => {
            commandsRegistered = true;
            logger.info({ count, scope: config.DISCORD_GUILD_ID ? 'server' : 'global' }, 'discord slash commands registered');
          },
          (error: unknown) =>
            logger.warn(
              { reason: (error as Error).message },
              'discord slash commands not registered: was the bot invited with the applications.commands scope, and is DISCORD_GUILD_ID right? Mentions and DMs still work.',
            ),
        );
      }
    });
    c.on(Events.MessageCreate, (message) => {
      const botId = c.user?.id;
      if (!botId) return;
      track(
        handleMessage(message, botId, { dispatcher, messenger, forms, names, logger }).catch((error: unknown) =>
          logger.warn({ reason: (error as Error).message, messageId: message.id }, 'discord: could not answer a message'),
        ),
      );
    });
    c.on(Events.InteractionCreate, (interaction) => {
      track(
        handleInteraction(interaction, {
          dispatcher,
          users,
          forms,
          names,
          logger,
          ackAfterMs,
          streamEditEveryMs: options.streamEditEveryMs,
        }).catch((error: unknown) =>
          logger.warn({ reason: (error as Error).message, interactionId: interaction.id }, 'discord: could not answer an interaction'),
        ),
      );
    });
  };

  // Reminders, digests and coordinator notices reach Discord people and channels through the outbox.
  app.outbox.register(messenger);
  // Answers of accepted messages (also ones recovered after a crash) go out from their stored address.
  // With a model configured, answers show while they are written and the final answer replaces them;
  // without one nothing streams, so no turn pays for a stream.
  app.turns.register(
    'discord',
    (address, replies, inbound, streamed) =>
      deliverAnswer(
        address as DiscordAddress,
        replies,
        inbound,
        { messenger, forms, logger },
        typeof streamed === 'string' ? streamed : undefined,
      ),
    config.model ? (address) => streamAnswer(address as DiscordAddress, { messenger, logger }, options.streamEditEveryMs) : undefined,
  );
  logger.info({}, 'discord: connecting in the background');
  connect();

  return {
    name: 'discord',
    messenger,
    get client() {
      return client;
    },
    ready,
    displayName(userRef) {
      const id = userIdOf(userRef);
      return id ? names.get(id) : undefined;
    },
    idle,
    async stop() {
      stopped = true;
      app.outbox.unregister('discord');
      app.turns.unregister('discord');
      if (retryTimer) clearTimeout(retryTimer);
      // Let answers under way reach people, but do not hang shutdown on a stuck request.
      await Promise.race([idle(), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
      await client?.destroy();
    },
  };
}
