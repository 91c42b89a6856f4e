import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { z } from 'zod';
import type { TurnRunner } from '../../core/turn-runner.js';
import type { InboundMessage, Reply } from '../../core/messages.js';
import type { NoticeStore } from '../../core/ports.js';
import { handleMessage, parseChatRequest, toInbound } from './chat-api.js';
import { personalChannel } from '../../outbox.js';
import { HttpError, readJson, sendHtml, sendJson } from './http.js';
import type { WebIdentity } from './identity.js';
import type { WebServer } from './server.js';

export const WEB_NOTICE_CHANNEL = 'web:announcements';
/** Generous for a chat message; the engine caps text length itself with a friendly answer. */
const BODY_LIMIT = 256 * 1024;

export interface ChatRoutesDeps {
  dispatcher: TurnRunner;
  notices: NoticeStore;
  health: () => Promise<Record<string, unknown>>;
  identity: WebIdentity;
  /** The greeting on opening the chat, which is not a turn (ConversationEngine.open). */
  open: (message: Pick<InboundMessage, 'surface' | 'userRef' | 'channelId' | 'userName' | 'language'>) => Promise<Reply[]>;
  /** The recent transcript of this person's web conversation, oldest first. */
  history: (userRef: string) => Promise<Array<{ direction: 'in' | 'out'; text: string; createdAt: Date }>>;
}

const openSchema = z.object({ name: z.string().max(80).optional(), language: z.enum(['nl', 'en']).optional() });

export function registerChatRoutes(server: WebServer, deps: ChatRoutesDeps): void {
  // Read once at startup: the page is static and small.
  const page = fs.readFileSync(path.join(import.meta.dirname, 'page.html'), 'utf8');
  server
    .route('GET', '/', (_req, res) => sendHtml(res, 200, page))
    .route('POST', '/api/messages', async (req, res, url) => {
      const body = await readJson(req, BODY_LIMIT);
      // Validate before issuing a session: a malformed request gets its 400 and creates nothing.
      const request = parseChatRequest(body);
      const message = toInbound(request, await deps.identity.ensure(req, res));
      if (wantsStream(req, url)) return streamChat(res, deps, message);
      sendJson(res, 200, await handleMessage(deps.dispatcher, message));
    })
    .route('POST', '/api/open', async (req, res) => {
      const parsed = openSchema.safeParse(await readJson(req, 4096));
      if (!parsed.success) throw new HttpError(400, 'send {"name","language"}');
      // The page opens here first: a new browser gets its session now, before it says anything.
      const userRef = await deps.identity.ensure(req, res);
      const { name, language } = parsed.data;
      const replies = await deps.open({
        surface: 'web',
        userRef,
        channelId: userRef,
        ...(name ? { userName: name } : {}),
        ...(language ? { language } : {}),
      });
      sendJson(res, 200, { user: userRef, replies });
    })
    .route('GET', '/api/history', async (req, res) => {
      const userRef = await deps.identity.current(req);
      const messages = userRef ? await deps.history(userRef) : [];
      sendJson(res, 200, {
        messages: messages.map((m) => ({ direction: m.direction, text: m.text, createdAt: m.createdAt.toISOString() })),
      });
    })
    .route('GET', '/api/notices', async (req, res, url) => {
      const afterParam = url.searchParams.get('after');
      const parsed = afterParam ? new Date(afterParam) : undefined;
      const after = parsed && !Number.isNaN(parsed.getTime()) ? parsed : undefined;
      // The board everyone sees, plus this browser's own messages (reminders, coordinator answers):
      // whose they are comes from the session cookie, never from the query.
      const userRef = await deps.identity.current(req);
      const channels = [WEB_NOTICE_CHANNEL, ...(userRef ? [personalChannel(userRef)] : [])];
      const lists = await Promise.all(channels.map((c) => deps.notices.since(c, after, 20)));
      const notices = lists.flat().sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      sendJson(res, 200, { notices: notices.map((n) => ({ text: n.text, createdAt: n.createdAt.toISOString() })) });
    })
    .route('GET', '/healthz', async (_req, res) => {
      const health = await deps.health();
      sendJson(res, health.ok ? 200 : 503, health);
    });
}

function wantsStream(req: IncomingMessage, url: URL): boolean {
  return url.searchParams.get('stream') === '1' || (req.headers.accept ?? '').includes('text/event-stream');
}

/**
 * The chat answer as server-sent events: `partial` while a model writes the answer, then `done`
 * with the replies (the validated answer: it replaces any partial text, which may have been
 * rejected), or `error`. A request that fails validation still gets a plain 400 JSON answer.
 */
async function streamChat(res: ServerResponse, deps: ChatRoutesDeps, message: InboundMessage): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
  const send = (event: string, data: unknown) => {
    if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  try {
    const result = await handleMessage(deps.dispatcher, message, { onPartial: (text) => send('partial', { text }) });
    send('done', result);
  } catch (error) {
    // Handler errors are already polite replies (the dispatcher); this is transport trouble: say little.
    send('error', { error: error instanceof HttpError ? error.message : 'internal error' });
  } finally {
    res.end();
  }
}
