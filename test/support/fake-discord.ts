/**
 * A fake Discord on 127.0.0.1: the REST API (under /api/v10) and the gateway (a WebSocket on the
 * same port, whose URL GET /gateway/bot returns). The real discord.js client talks to it as it
 * would to Discord: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME → RESUMED. Tests
 * push events in (messages, slash commands, button presses, modal submits) and read what the bot
 * sent back (channel messages, interaction callbacks, follow-ups, edits).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

export const BOT_ID = '900000000000000001';
export const APP_ID = '900000000000000002';
export const GUILD_ID = '900000000000000003';
export const CHANNEL_ID = '900000000000000004';
export const ANNOUNCE_CHANNEL_ID = '900000000000000005';
export const TOKEN = 'fake-discord-bot-token.for-tests-only';

const MESSAGE_CONTENT = 1 << 15;

/** The parts of Discord's JSON the tests read (the wire format, snake_case). */
export interface WireButton {
  type: number;
  custom_id: string;
  label: string;
  style: number;
}
export interface WireRow {
  type: number;
  components: WireButton[];
}
export interface WireEmbed {
  title?: string;
  description?: string;
  color?: number;
  fields?: Array<{ name: string; value: string; inline?: boolean }>;
  footer?: { text: string };
}
export interface WireTextInput {
  type: number;
  custom_id: string;
  style?: number;
  value?: string;
  max_length?: number;
  required?: boolean;
  placeholder?: string;
}
export interface WireLabel {
  type: number;
  label: string;
  description?: string;
  component: WireTextInput;
}
/** A message body, an interaction callback's data, or a modal. */
export interface WireBody {
  id?: string;
  type?: number;
  content?: string;
  embeds?: WireEmbed[];
  components?: WireRow[];
  flags?: number;
  message_reference?: { message_id?: string };
  allowed_mentions?: { parse?: string[]; replied_user?: boolean };
  /** Modal callbacks: */
  custom_id?: string;
  title?: string;
  data?: WireBody;
  deleted?: boolean;
}
export interface Modal {
  custom_id: string;
  title: string;
  components: WireLabel[];
}

export interface RecordedRequest {
  method: string;
  /** Decoded path after /api/v10 (e.g. /webhooks/APP/TOKEN/messages/@original). */
  path: string;
  query: URLSearchParams;
  body: unknown;
  authorized: boolean;
}

export interface GatewayFrame {
  op: number;
  d: unknown;
}

export interface IdentifyData {
  token: string;
  intents: number;
}

export interface ResumeData {
  token: string;
  session_id: string;
  seq: number;
}

/** Everything the bot said, whichever way it said it. */
export interface Sent {
  via: 'channel' | 'callback' | 'edit' | 'followup';
  channelId?: string;
  interactionId?: string;
  /** Interaction callback type (4 message, 5 deferred, 6 deferred update, 9 modal). */
  callbackType?: number;
  content: string;
  embeds: WireEmbed[];
  components: WireRow[];
  flags: number;
  replyTo?: string;
  /** The modal, when callbackType is 9. */
  modal?: Modal;
  raw: WireBody;
}

export interface FakeUser {
  id: string;
  username: string;
  global_name?: string | null;
  bot?: boolean;
}

export const ALICE: FakeUser = { id: '800000000000000001', username: 'alice', global_name: 'Alice de Vries' };
export const BOB: FakeUser = { id: '800000000000000002', username: 'bob', global_name: 'Bob' };
export const BOT_USER: FakeUser = { id: BOT_ID, username: 'buurtbot', global_name: null, bot: true };

let snowflake = 1_200_000_000_000_000_000n;
export function nextId(): string {
  snowflake += 1n;
  return snowflake.toString();
}

function userPayload(u: FakeUser) {
  return { id: u.id, username: u.username, discriminator: '0', global_name: u.global_name ?? null, avatar: null, bot: u.bot ?? false };
}

export interface FakeDiscordOptions {
  /** Refuse IDENTIFY with close code 4014 when the Message Content intent is requested. */
  messageContentAllowed?: boolean;
}

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly sent: Sent[] = [];
  /** Gateway payloads received from the bot (IDENTIFY, RESUME, heartbeats…). */
  readonly gatewayIn: GatewayFrame[] = [];
  readonly sockets = new Set<WebSocket>();
  private readonly server = http.createServer((req, res) => void this.onRequest(req, res));
  private readonly wss = new WebSocketServer({ noServer: true });
  private sequence = 0;
  private sessionId = 'session-' + Math.random().toString(36).slice(2);
  private readonly waiters = new Set<() => void>();
  private readonly dmChannels = new Map<string, string>();
  /** Edits of the bot's own channel messages (PATCH /channels/:id/messages/:id), apart from `sent`. */
  readonly messageEdits: Array<{
    channelId: string;
    messageId: string;
    content?: string;
    embeds?: WireEmbed[];
    components: WireRow[];
    at: number;
  }> = [];
  /** Bot messages deleted (DELETE /channels/:id/messages/:id). */
  readonly messageDeletes: Array<{ channelId: string; messageId: string }> = [];
  /** Messages people sent per channel (live or while the bot was away), for GET /channels/:id/messages. */
  private readonly history = new Map<string, Array<ReturnType<typeof messagePayload>>>();
  port = 0;

  constructor(private readonly options: FakeDiscordOptions = {}) {
    this.server.on('upgrade', (req, socket, head) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---------------------------------------------------------------- waiting

  /** Resolves once `check` returns something truthy (checked after every request and gateway frame). */
  waitFor<T>(check: () => T | undefined | null | false, timeoutMs = 10_000, what = 'condition'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const attempt = () => {
        const value = check();
        if (value) {
          this.waiters.delete(attempt);
          clearTimeout(timer);
          clearInterval(poll);
          resolve(value);
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(attempt);
        clearInterval(poll);
        reject(new Error(`fake discord: timed out waiting for ${what}`));
      }, timeoutMs);
      // Conditions may also depend on the bot's side (its logs, its state): look now and then too.
      const poll = setInterval(attempt, 25);
      if (!attempt()) this.waiters.add(attempt);
    });
  }

  /** Waits for `count` messages from the bot after index `from` of `sent`. */
  async waitForSent(from: number, count = 1, timeoutMs = 10_000): Promise<Sent[]> {
    return this.waitFor(
      () => (this.sent.length >= from + count ? this.sent.slice(from) : null),
      timeoutMs,
      `${count} message(s) from the bot`,
    );
  }

  /** Deferred interaction responses (callback type 5) after `from` not yet completed by an edit. */
  openDeferrals(from = 0): number {
    const sent = this.sent.slice(from);
    return sent.filter((d) => d.callbackType === 5 && !sent.some((e) => e.via === 'edit' && e.interactionId === d.interactionId)).length;
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  /** Messages the bot sent that carry text (the bot's visible answers, not deferrals or modals). */
  visible(from = 0): Sent[] {
    return this.sent.slice(from).filter((s) => s.content || s.embeds.length || s.components.length);
  }

  // ---------------------------------------------------------------- gateway

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (data) => this.onFrame(ws, JSON.parse(data.toString())));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 } }));
    this.notify();
  }

  private onFrame(ws: WebSocket, payload: { op: number; d: Record<string, unknown> }): void {
    this.gatewayIn.push(payload);
    switch (payload.op) {
      case 1:
        ws.send(JSON.stringify({ op: 11 }));
        break;
      case 2: {
        if (payload.d.token !== TOKEN) {
          ws.close(4004, 'Authentication failed');
          break;
        }
        if (this.options.messageContentAllowed === false && Number(payload.d.intents) & MESSAGE_CONTENT) {
          ws.close(4014, 'Disallowed intent(s)');
          break;
        }
        this.sessionId = 'session-' + Math.random().toString(36).slice(2);
        this.sendDispatch(ws, 'READY', {
          v: 10,
          user: userPayload(BOT_USER),
          guilds: [{ id: GUILD_ID, unavailable: true }],
          session_id: this.sessionId,
          resume_gateway_url: this.gatewayUrl,
          application: { id: APP_ID, flags: 0 },
          shard: [0, 1],
        });
        this.sendDispatch(ws, 'GUILD_CREATE', guildPayload());
        break;
      }
      case 6:
        if (payload.d.session_id === this.sessionId && payload.d.token === TOKEN) this.sendDispatch(ws, 'RESUMED', {});
        else ws.send(JSON.stringify({ op: 9, d: false }));
        break;
      default:
        break;
    }
    this.notify();
  }

  private sendDispatch(ws: WebSocket, t: string, d: unknown): void {
    this.sequence += 1;
    ws.send(JSON.stringify({ op: 0, t, s: this.sequence, d }));
  }

  /** Sends a dispatch event to every connected gateway socket. */
  dispatch(t: string, d: unknown): void {
    if (!this.sockets.size) throw new Error('fake discord: no gateway connection to dispatch to');
    for (const ws of this.sockets) this.sendDispatch(ws, t, d);
  }

  /** Closes the gateway connection(s) from the server side, as Discord does on maintenance. */
  drop(code = 4000): void {
    for (const ws of this.sockets) ws.close(code, 'fake discord: dropped');
  }

  count(op: number): number {
    return this.gatewayIn.filter((p) => p.op === op).length;
  }

  /** IDENTIFY payloads (op 2) the bot sent. */
  identifies(): IdentifyData[] {
    return this.gatewayIn.filter((p) => p.op === 2).map((p) => p.d as IdentifyData);
  }

  /** RESUME payloads (op 6) the bot sent. */
  resumes(): ResumeData[] {
    return this.gatewayIn.filter((p) => p.op === 6).map((p) => p.d as ResumeData);
  }

  // ---------------------------------------------------------------- events a test pushes in

  /** A message in the test server's channel. */
  channelMessage(author: FakeUser, content: string, extra: { mentions?: FakeUser[]; channelId?: string } = {}): string {
    const id = nextId();
    this.dispatch('MESSAGE_CREATE', {
      ...messagePayload({ id, channelId: extra.channelId ?? CHANNEL_ID, author, content, guildId: GUILD_ID }),
      mentions: (extra.mentions ?? []).map(userPayload),
      member: { roles: [], joined_at: '2016-04-02T10:00:00.000Z', deaf: false, mute: false, flags: 0, nick: null },
    });
    return id;
  }

  /** A direct message to the bot. DMs only reach discord.js with channel_type 1 (and Partials.Channel). */
  directMessage(author: FakeUser, content: string): { id: string; channelId: string } {
    const channelId = this.dmChannelOf(author.id);
    const id = nextId();
    const payload = messagePayload({ id, channelId, author, content });
    this.remember(channelId, payload);
    this.dispatch('MESSAGE_CREATE', { ...payload, channel_type: 1 });
    return { id, channelId };
  }

  /**
   * A DM sent while no bot was connected: Discord keeps it (GET /channels/:id/messages) but no
   * gateway will ever deliver it.
   */
  directMessageWhileAway(author: FakeUser, content: string): { id: string; channelId: string } {
    const channelId = this.dmChannelOf(author.id);
    const id = nextId();
    this.remember(channelId, messagePayload({ id, channelId, author, content }));
    return { id, channelId };
  }

  private remember(channelId: string, payload: ReturnType<typeof messagePayload>): void {
    const list = this.history.get(channelId) ?? [];
    list.push(payload);
    this.history.set(channelId, list);
  }

  dmChannelOf(userId: string): string {
    let id = this.dmChannels.get(userId);
    if (!id) {
      id = nextId();
      this.dmChannels.set(userId, id);
    }
    return id;
  }

  slashCommand(user: FakeUser, name: string, options: Record<string, string> = {}, where: 'guild' | 'dm' = 'guild'): string {
    return this.interaction(user, where, 2, {
      id: nextId(),
      name,
      type: 1,
      options: Object.entries(options).map(([optionName, value]) => ({ name: optionName, type: 3, value })),
    });
  }

  /** Presses a button on a message the bot sent (found by custom_id in `sent`). */
  pressButton(user: FakeUser, customId: string, where: 'guild' | 'dm' = 'guild'): string {
    const carrier = [...this.sent].reverse().find((s) => s.components.some((row) => row.components.some((c) => c.custom_id === customId)));
    if (!carrier) throw new Error(`fake discord: no sent message has a button "${customId}"`);
    const channelId = carrier.channelId ?? (where === 'dm' ? this.dmChannelOf(user.id) : CHANNEL_ID);
    const message = {
      ...messagePayload({
        id: carrier.raw.id ?? nextId(),
        channelId,
        author: BOT_USER,
        content: carrier.content,
        ...(where === 'guild' ? { guildId: GUILD_ID } : {}),
      }),
      components: carrier.components,
      flags: carrier.flags,
    };
    return this.interaction(user, where, 3, { custom_id: customId, component_type: 2 }, { message });
  }

  /** Submits a modal with the given values per text input custom_id (wrapped in labels, like Discord). */
  submitModal(user: FakeUser, customId: string, values: Record<string, string>, where: 'guild' | 'dm' = 'guild'): string {
    const components = Object.entries(values).map(([id, value], i) => ({
      type: 18,
      id: i * 2 + 1,
      component: { type: 4, id: i * 2 + 2, custom_id: id, value },
    }));
    return this.interaction(user, where, 5, { custom_id: customId, components });
  }

  private interaction(user: FakeUser, where: 'guild' | 'dm', type: number, data: unknown, extra: Record<string, unknown> = {}): string {
    const id = nextId();
    const base = {
      id,
      application_id: APP_ID,
      type,
      data,
      token: `itoken-${id}`,
      version: 1,
      locale: 'nl',
      app_permissions: '2248473465835073',
      entitlements: [],
      authorizing_integration_owners: where === 'guild' ? { '0': GUILD_ID } : { '1': user.id },
      ...extra,
    };
    if (where === 'guild') {
      this.dispatch('INTERACTION_CREATE', {
        ...base,
        guild_id: GUILD_ID,
        guild_locale: 'nl',
        channel_id: CHANNEL_ID,
        channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'algemeen' },
        member: {
          user: userPayload(user),
          roles: [],
          joined_at: '2016-04-02T10:00:00.000Z',
          deaf: false,
          mute: false,
          flags: 0,
          nick: null,
          permissions: '2248473465835073',
        },
        context: 0,
      });
    } else {
      const channelId = this.dmChannelOf(user.id);
      this.dispatch('INTERACTION_CREATE', {
        ...base,
        user: userPayload(user),
        channel_id: channelId,
        channel: { id: channelId, type: 1, recipients: [userPayload(user)] },
        context: 1,
      });
    }
    return id;
  }

  // ---------------------------------------------------------------- REST

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = Buffer.concat(chunks).toString('utf8');
    // The fake trusts the bot's JSON shape: a wrong shape fails the assertions that read it.
    let body: Record<string, unknown> & WireBody = {};
    if (raw) {
      try {
        body = JSON.parse(raw) as typeof body;
      } catch {
        body = {};
      }
    }
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v10/, ''));
    const authorized = req.headers.authorization === `Bot ${TOKEN}`;
    const method = req.method ?? 'GET';
    this.requests.push({ method, path, query: url.searchParams, body, authorized });
    const reply = (status: number, json?: unknown) => {
      res.writeHead(status, json === undefined ? {} : { 'content-type': 'application/json' });
      res.end(json === undefined ? undefined : JSON.stringify(json));
      this.notify();
    };
    const needsAuth = !path.startsWith('/interactions/') && !path.startsWith('/webhooks/');
    if (needsAuth && !authorized) return reply(401, { message: '401: Unauthorized', code: 0 });

    let m: RegExpMatchArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      return reply(200, {
        url: this.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (method === 'GET' && path === '/users/@me') return reply(200, userPayload(BOT_USER));
    if (method === 'PUT' && (m = path.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      return reply(
        200,
        (body as unknown as Array<Record<string, unknown>>).map((c) => ({
          ...c,
          id: nextId(),
          application_id: m![1],
          version: nextId(),
          type: 1,
          ...(m![2] ? { guild_id: m![2] } : {}),
        })),
      );
    }
    if (method === 'POST' && path === '/users/@me/channels') {
      const recipient = String(body.recipient_id);
      return reply(200, {
        id: this.dmChannelOf(recipient),
        type: 1,
        recipients: [{ id: recipient, username: 'someone', discriminator: '0', global_name: null, avatar: null }],
      });
    }
    if (method === 'POST' && (m = path.match(/^\/channels\/(\d+)\/typing$/))) return reply(204);
    if (method === 'POST' && (m = path.match(/^\/channels\/(\d+)\/messages$/))) {
      const channelId = m[1]!;
      const message = this.botMessage(channelId, body);
      const replyTo = body.message_reference?.message_id;
      this.record(replyTo ? { via: 'channel', channelId, replyTo } : { via: 'channel', channelId }, body, message);
      return reply(200, message);
    }
    if (method === 'POST' && (m = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      const interactionId = m[1]!;
      if (body.type === 9) this.record({ via: 'callback', interactionId, callbackType: 9, modal: body.data as unknown as Modal }, {}, {});
      else this.record({ via: 'callback', interactionId, callbackType: body.type ?? 0 }, body.data ?? {}, { id: nextId() });
      return reply(204);
    }
    if ((m = path.match(/^\/webhooks\/(\d+)\/itoken-(\d+)(?:\/messages\/(@original|\d+))?$/))) {
      const interactionId = m[2]!;
      if (method === 'DELETE') {
        this.record({ via: 'edit', interactionId }, { deleted: true }, {});
        return reply(204);
      }
      const channelId = CHANNEL_ID;
      const message = this.botMessage(channelId, body);
      if (method === 'PATCH') this.record({ via: 'edit', interactionId }, body, message);
      else if (method === 'POST') this.record({ via: 'followup', interactionId }, body, message);
      return reply(200, message);
    }
    if (method === 'PATCH' && (m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)$/))) {
      this.messageEdits.push({
        channelId: m[1]!,
        messageId: m[2]!,
        ...(typeof body.content === 'string' ? { content: body.content } : {}),
        ...(Array.isArray(body.embeds) ? { embeds: body.embeds } : {}),
        components: Array.isArray(body.components) ? body.components : [],
        at: Date.now(),
      });
      return reply(200, {
        ...messagePayload({ id: m[2]!, channelId: m[1]!, author: BOT_USER, content: body.content ?? '' }),
        components: body.components ?? [],
      });
    }
    if (method === 'DELETE' && (m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)$/))) {
      this.messageDeletes.push({ channelId: m[1]!, messageId: m[2]! });
      return reply(204);
    }
    if (method === 'GET' && (m = path.match(/^\/channels\/(\d+)\/messages$/))) {
      // Newest first, as Discord answers; `after` is a snowflake (ids grow with time).
      const after = BigInt(url.searchParams.get('after') ?? '0');
      const limit = Number(url.searchParams.get('limit') ?? '50');
      const found = (this.history.get(m[1]!) ?? [])
        .filter((msg) => BigInt(msg.id) > after)
        .reverse()
        .slice(0, limit);
      return reply(200, found);
    }
    if (method === 'GET' && (m = path.match(/^\/channels\/(\d+)$/))) {
      const dmOf = [...this.dmChannels].find(([, channel]) => channel === m![1])?.[0];
      if (dmOf)
        return reply(200, {
          id: m[1],
          type: 1,
          recipients: [{ id: dmOf, username: 'someone', discriminator: '0', global_name: null, avatar: null }],
        });
      return reply(200, { id: m[1], type: 0, guild_id: GUILD_ID, name: 'kanaal' });
    }
    return reply(404, { message: '404: Not Found', code: 0 });
  }

  private record(meta: Partial<Sent> & { via: Sent['via'] }, body: WireBody, message: { id?: string }): void {
    this.sent.push({
      ...meta,
      content: typeof body.content === 'string' ? body.content : '',
      embeds: Array.isArray(body.embeds) ? body.embeds : [],
      components: Array.isArray(body.components) ? body.components : [],
      flags: typeof body.flags === 'number' ? body.flags : 0,
      raw: message.id === undefined ? { ...body } : { ...body, id: message.id },
    });
  }

  private botMessage(channelId: string, body: WireBody) {
    return {
      ...messagePayload({ id: nextId(), channelId, author: BOT_USER, content: body.content ?? '' }),
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      flags: body.flags ?? 0,
    };
  }
}

function messagePayload(p: { id: string; channelId: string; author: FakeUser; content: string; guildId?: string }) {
  return {
    id: p.id,
    channel_id: p.channelId,
    ...(p.guildId ? { guild_id: p.guildId } : {}),
    author: userPayload(p.author),
    content: p.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: 0,
    flags: 0,
  };
}

function guildPayload() {
  const joined = '2016-04-02T10:00:00.000Z';
  return {
    id: GUILD_ID,
    name: 'Buurten Maastricht',
    icon: null,
    owner_id: ALICE.id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      {
        id: GUILD_ID,
        name: '@everyone',
        permissions: '1024',
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'nl',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    joined_at: joined,
    large: false,
    unavailable: false,
    member_count: 3,
    voice_states: [],
    members: [{ user: userPayload(BOT_USER), roles: [], joined_at: joined, deaf: false, mute: false, flags: 0, nick: null }],
    channels: [
      {
        id: CHANNEL_ID,
        type: 0,
        guild_id: GUILD_ID,
        name: 'algemeen',
        position: 0,
        permission_overwrites: [],
        topic: null,
        nsfw: false,
        last_message_id: null,
        rate_limit_per_user: 0,
        parent_id: null,
      },
      {
        id: ANNOUNCE_CHANNEL_ID,
        type: 0,
        guild_id: GUILD_ID,
        name: 'aankondigingen',
        position: 1,
        permission_overwrites: [],
        topic: null,
        nsfw: false,
        last_message_id: null,
        rate_limit_per_user: 0,
        parent_id: null,
      },
    ],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
