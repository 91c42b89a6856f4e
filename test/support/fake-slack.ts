/**
 * A fake Slack on 127.0.0.1 for running the real Bolt against: the Web API (form-encoded calls at
 * POST /api/<method>, recorded, with overridable answers such as a 429), response_url endpoints,
 * and a Socket Mode WebSocket (apps.connections.open hands out its ws:// URL; it says hello and
 * records acks). Plus helpers to build and sign what Slack would send to our HTTP endpoint.
 */
import { createHmac } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  /** Bearer token from the Authorization header. */
  token: string | undefined;
  at: number;
  /** What the fake answered (e.g. the ts of a posted message). */
  response?: unknown;
}

export interface FakeAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Answer only after this long (a slow Web API). */
  delayMs?: number;
}

/** Return undefined to fall back to the default answer. */
export type Override = (call: ApiCall, index: number) => FakeAnswer | undefined;

export interface ResponseUrlCall {
  id: string;
  body: Record<string, unknown>;
  at: number;
}

export interface FakeSlackOptions {
  /** users.info display names by user id. */
  names?: Record<string, string>;
  /** The workspace's members for users.list (ids; names from `names`, else "Anna"). */
  members?: readonly string[];
  /** conversations.list result. */
  channels?: Array<{ id: string; name: string }>;
}

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlCall[] = [];
  /** Everything our client sent over the socket (acks). */
  readonly socketMessages: Array<Record<string, unknown>> = [];
  private readonly overrides = new Map<string, Override>();
  private readonly counts = new Map<string, number>();
  private readonly sockets = new Set<WebSocket>();
  private readonly socketWaiters: Array<(ws: WebSocket) => void> = [];
  private ts = 1_480_000_000;
  private readonly wss = new WebSocketServer({ noServer: true });

  private constructor(
    private readonly server: http.Server,
    private readonly options: FakeSlackOptions,
  ) {}

  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    const server = http.createServer();
    const fake = new FakeSlack(server, options);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void fake.handle(req, res));
    server.on('upgrade', (req, socket, head) => {
      fake.wss.handleUpgrade(req, socket, head, (ws) => fake.onSocket(ws));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.baseUrl}/respond/${id}`;
  }

  override(method: string, answer: Override): void {
    this.overrides.set(method, answer);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async waitFor<T>(probe: () => T | undefined | null | false | 0 | '', what: string, timeoutMs = 5000): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  waitForCalls(method: string, count: number, timeoutMs = 5000): Promise<ApiCall[]> {
    return this.waitFor(
      () => {
        const found = this.callsTo(method);
        return found.length >= count ? found : undefined;
      },
      `${count} × ${method} (saw ${this.callsTo(method).length})`,
      timeoutMs,
    );
  }

  waitForResponses(count: number, timeoutMs = 5000): Promise<ResponseUrlCall[]> {
    return this.waitFor(() => (this.responses.length >= count ? this.responses : undefined), `${count} response_url posts`, timeoutMs);
  }

  /** Resolves with the first (next) Socket Mode connection. */
  socket(): Promise<WebSocket> {
    const open = [...this.sockets][0];
    if (open) return Promise.resolve(open);
    return new Promise((resolve) => this.socketWaiters.push(resolve));
  }

  /** Sends an envelope over Socket Mode and resolves with the ack our client sends back. */
  async deliver(envelope: Record<string, unknown>, timeoutMs = 5000): Promise<Record<string, unknown>> {
    const ws = await this.socket();
    const id = String(envelope.envelope_id);
    ws.send(JSON.stringify(envelope));
    return this.waitFor(() => this.socketMessages.find((m) => m.envelope_id === id), `ack of ${id}`, timeoutMs);
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('message', (data) => {
      try {
        this.socketMessages.push(JSON.parse(String(data)) as Record<string, unknown>);
      } catch {
        // Not JSON: ignore, as Slack would.
      }
    });
    ws.on('close', () => this.sockets.delete(ws));
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
    for (const waiter of this.socketWaiters.splice(0)) waiter(ws);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.baseUrl);
    if (url.pathname.startsWith('/respond/')) {
      this.responses.push({
        id: url.pathname.slice('/respond/'.length),
        body: JSON.parse(raw || '{}') as Record<string, unknown>,
        at: Date.now(),
      });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    const method = url.pathname.slice('/api/'.length);
    const call: ApiCall = { method, args: parseArgs(raw, req.headers['content-type'] ?? ''), token: bearer(req), at: Date.now() };
    this.calls.push(call);
    const index = this.counts.get(method) ?? 0;
    this.counts.set(method, index + 1);
    const answer = this.overrides.get(method)?.(call, index) ?? { body: this.defaultAnswer(call) };
    call.response = answer.body;
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
    res.end(JSON.stringify(answer.body ?? { ok: false, error: 'ratelimited' }));
  }

  private defaultAnswer(call: ApiCall): Record<string, unknown> {
    const a = call.args;
    switch (call.method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://buurten.slack.com/',
          team: 'Buurten Maastricht',
          user: 'buurtbot',
          team_id: 'T1',
          user_id: 'UBOT',
          bot_id: 'BBOT',
        };
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${this.port}/socket` };
      case 'chat.postMessage':
        this.ts += 1;
        return { ok: true, channel: a.channel, ts: `${this.ts}.000100`, message: { text: a.text, ts: `${this.ts}.000100` } };
      case 'chat.update':
        return { ok: true, channel: a.channel, ts: a.ts, text: a.text };
      case 'chat.delete':
        return { ok: true, channel: a.channel, ts: a.ts };
      case 'chat.postEphemeral':
        this.ts += 1;
        return { ok: true, message_ts: `${this.ts}.000200` };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(a.users)}` } };
      case 'conversations.list':
        return { ok: true, channels: this.options.channels ?? [], response_metadata: { next_cursor: '' } };
      case 'users.info':
        return { ok: true, user: this.user(String(a.user)) };
      case 'users.list': {
        // Paged like Slack: `cursor` is where the next page starts, empty after the last.
        const members = this.options.members ?? [];
        const start = Number(a.cursor ?? 0) || 0;
        const end = start + (Number(a.limit ?? 0) || 200);
        const next = end < members.length ? String(end) : '';
        return { ok: true, members: members.slice(start, end).map((id) => this.user(id)), response_metadata: { next_cursor: next } };
      }
      case 'views.open':
      case 'views.publish':
        return { ok: true, view: { id: 'V1' } };
      case 'reactions.add':
      case 'reactions.remove':
      case 'assistant.threads.setStatus':
      case 'assistant.threads.setSuggestedPrompts':
      case 'assistant.threads.setTitle':
        return { ok: true };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private user(id: string): Record<string, unknown> {
    const name = this.options.names?.[id] ?? 'Anna';
    return { id, name: name.toLowerCase(), real_name: name, tz: 'Europe/Amsterdam', profile: { display_name: name, real_name: name } };
  }
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

/** Form fields; JSON-looking values (blocks, view, prompts) decoded as the WebClient encoded them. */
function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return JSON.parse(raw || '{}') as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// What Slack sends to our HTTP endpoint

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  secret: string;
  contentType?: string;
  timestamp?: number;
  /** Overrides the computed signature (bad-signature tests). */
  signature?: string;
  retryNum?: number;
}

export async function sendToSlackEndpoint(url: string, body: string, options: SendOptions): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/json',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? slackSignature(options.secret, timestamp, body),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return fetch(url, { method: 'POST', headers, body });
}

let eventCounter = 0;

/** An Events API envelope (HTTP body, or the payload of a Socket Mode events_api envelope). */
export function eventEnvelope(
  event: Record<string, unknown>,
  eventId = `Ev${(eventCounter += 1)}`,
  teamId = 'T1',
): Record<string, unknown> {
  return {
    token: 'verification-token',
    team_id: teamId,
    api_app_id: 'A1',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: teamId, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

/** Interactivity (block_actions, view_submission) as Slack posts it: a form with a JSON payload. */
export function interactionForm(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function commandForm(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
