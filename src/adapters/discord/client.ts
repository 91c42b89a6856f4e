/**
 * The discord.js client, configured for what buurtbot needs and no more. Built on demand (never at
 * import), one per connection attempt: a destroyed discord.js client cannot log in again.
 */
import { Client, GatewayIntentBits, OAuth2Scopes, Options, Partials, PermissionFlagsBits } from 'discord.js';

/**
 * Guilds: channels and the bot's own membership. GuildMessages + MessageContent: read mentions
 * in channels (Message Content is a privileged intent, switched on in the Developer Portal).
 * DirectMessages: read DMs. Nothing else (no members, presences or reactions).
 */
export const INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.DirectMessages,
  GatewayIntentBits.MessageContent,
] as const;

/**
 * What the bot needs in a channel: see it, read the message it was mentioned in (history, for
 * replies), answer there and in threads, and show sources and digests as embeds. Nothing more.
 */
export const INVITE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory;

/** The link a server admin opens to add buurtbot to a server, with its slash commands. */
export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(' '),
    permissions: INVITE_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}

/**
 * DISCORD_API_URL is the REST base without the version (discord.js adds /v10); accept it with a
 * version or trailing slash too. The gateway URL then comes from that server's /gateway/bot.
 */
export function apiBase(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return url.replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

export interface ClientOptions {
  apiUrl?: string | undefined;
  /** How long to wait for servers to arrive after connecting (discord.js default 15 s). */
  waitGuildTimeout?: number;
}

export function createClient(options: ClientOptions = {}): Client {
  const api = apiBase(options.apiUrl);
  return new Client({
    intents: [...INTENTS],
    // DM channels are not cached before their first message; without this, DMs are dropped.
    partials: [Partials.Channel],
    allowedMentions: { parse: [], repliedUser: true },
    ...(api ? { rest: { api } } : {}),
    ...(options.waitGuildTimeout !== undefined ? { waitGuildTimeout: options.waitGuildTimeout } : {}),
    // The bot never looks back in history; a small message cache keeps memory flat in busy servers.
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 20 }),
  });
}
