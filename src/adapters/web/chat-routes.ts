import fs from 'node:fs';
import path from 'node:path';
import type { Dispatcher } from '../../core/dispatcher.js';
import type { NoticeStore } from '../../core/ports.js';
import { handleChat } from './chat-api.js';
import { personalChannel } from '../../outbox.js';
import { readJson, sendHtml, sendJson } from './http.js';
import type { WebServer } from './server.js';

export const WEB_NOTICE_CHANNEL = 'web:announcements';
/** Generous for a chat message; the engine caps text length itself with a friendly answer. */
const BODY_LIMIT = 256 * 1024;

export interface ChatRoutesDeps {
  dispatcher: Dispatcher;
  notices: NoticeStore;
  health: () => Promise<Record<string, unknown>>;
}

export function registerChatRoutes(server: WebServer, deps: ChatRoutesDeps): void {
  // Read once at startup: the page is static and small.
  const page = fs.readFileSync(path.join(import.meta.dirname, 'page.html'), 'utf8');
  server
    .route('GET', '/', (_req, res) => sendHtml(res, 200, page))
    .route('POST', '/api/messages', async (req, res) => {
      const body = await readJson(req, BODY_LIMIT);
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
