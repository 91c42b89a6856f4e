import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { TurnRunner } from '../../core/turn-runner.js';
import type { NoticeStore } from '../../core/ports.js';
import { handleChat, handleMessage, toInbound } from './chat-api.js';
import { personalChannel } from '../../outbox.js';
import { HttpError, readJson, sendHtml, sendJson } from './http.js';
import type { WebServer } from './server.js';

export const WEB_NOTICE_CHANNEL = 'web:announcements';
/** Generous for a chat message; the engine caps text length itself with a friendly answer. */
const BODY_LIMIT = 256 * 1024;

export interface ChatRoutesDeps {
  dispatcher: TurnRunner;
  notices: NoticeStore;
  health: () => Promise<Record<string, unknown>>;
}

export function registerChatRoutes(server: WebServer, deps: ChatRoutesDeps): void {
  // Read once at startup: the page is static and small.
  const page = fs.readFileSync(path.join(import.meta.dirname, 'page.html'), 'utf8');
  server
    .route('GET', '/', (_req, res) => sendHtml(res, 200, page))
    .route('POST', '/api/messages', async (req, res, url) => {
      const body = await readJson(req, BODY_LIMIT);
      if (wantsStream(req, url)) return streamChat(res, deps, body);
      sendJson(res, 200, await handleChat(deps.dispatcher, body));
    })
    .route('GET', '/api/notices', async (_req, res, url) => {
      const afterParam = url.searchParams.get('after');
      const parsed = afterParam ? new Date(afterParam) : undefined;
      const after = parsed && !Number.isNaN(parsed.getTime()) ? parsed : undefined;
      // The board everyone sees, plus this browser's own messages (reminders, coordinator answers).
      const clientId = url.searchParams.get('clientId') ?? '';
      const channels = [WEB_NOTICE_CHANNEL, ...(/^[A-Za-z0-9_-]{8,64}$/.test(clientId) ? [personalChannel(`web:${clientId}`)] : [])];
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
async function streamChat(res: ServerResponse, deps: ChatRoutesDeps, body: unknown): Promise<void> {
  const message = toInbound(body);
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
