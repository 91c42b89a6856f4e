/**
 * Pages behind a check: readable plans (signed link for members, or coordinator credentials) and
 * the coordinator overview (HTTP Basic with COORDINATOR_TOKEN as the password; refused while unset).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App } from '../../app.js';
import { WEB_CHANNELS } from '../../outbox.js';
import { PrismaSettings } from '../../storage/repositories/settings.js';
import { HttpError, sendHtml, sendJson } from './http.js';
import { renderCoordinatorPage, renderPlanPage } from './pages.js';
import type { WebServer } from './server.js';
import { sameSecret, verifyPlanLink } from './signed-link.js';

function coordinatorAuthorized(req: IncomingMessage, token: string | undefined): boolean {
  if (!token) return false;
  const header = req.headers.authorization ?? '';
  if (header.startsWith('Bearer ')) return sameSecret(header.slice(7), token);
  if (header.startsWith('Basic ')) {
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    return sameSecret(decoded.slice(decoded.indexOf(':') + 1), token);
  }
  return false;
}

function requireCoordinator(req: IncomingMessage, res: ServerResponse, token: string | undefined): boolean {
  if (!token) {
    sendJson(res, 403, { error: 'the coordinator page is off: set COORDINATOR_TOKEN to switch it on' });
    return false;
  }
  if (!coordinatorAuthorized(req, token)) {
    res.setHeader('www-authenticate', 'Basic realm="buurtbot coordinators", charset="UTF-8"');
    sendJson(res, 401, { error: 'coordinator password required (user name: anything, password: COORDINATOR_TOKEN)' });
    return false;
  }
  return true;
}

export async function registerAdminRoutes(server: WebServer, app: App, baseUrl: string): Promise<void> {
  const secret = await new PrismaSettings(app.database.db).linkSecret();
  const token = app.config.COORDINATOR_TOKEN;
  await app.enablePlanLinks(baseUrl);

  const planPage = async (res: ServerResponse, slug: string, language: 'nl' | 'en') => {
    const platform = await app.platforms.bySlug(slug);
    if (!platform) throw new HttpError(404, 'no such platform');
    sendHtml(res, 200, renderPlanPage(await app.plans.load(platform), app.template(), language));
  };

  server
    .route('GET', '/plan', async (_req, res, url) => {
      const link = verifyPlanLink(secret, url.searchParams.get('t') ?? '', app.clock.now().getTime());
      if (!link) throw new HttpError(403, 'this link is invalid or has expired: type `overzicht` in the chat for a new one');
      const platform = await app.platforms.bySlug(link.slug);
      const user = await app.users.get(link.userRef);
      // Membership is checked again now: a link outlives a membership only until it is used.
      if (!platform || !user || !(await app.access.canUsePlan(user, platform))) throw new HttpError(403, 'you no longer have access to this plan');
      await planPage(res, platform.slug, user.language ?? 'nl');
    })
    .route('GET', '/coordinator', async (req, res) => {
      if (!requireCoordinator(req, res, token)) return;
      const digest = await app.digests.build();
      sendHtml(res, 200, renderCoordinatorPage(digest, await app.notices.since(WEB_CHANNELS.coordinators, undefined, 30)));
    })
    .route('GET', '/coordinator/plan/', async (req, res, url) => {
      if (!requireCoordinator(req, res, token)) return;
      await planPage(res, decodeURIComponent(url.pathname.slice('/coordinator/plan/'.length)), 'nl');
    })
    .route('POST', '/api/admin/reload-kb', async (req, res) => {
      // From this machine without a token (the CLI beside the bot), otherwise coordinators only.
      const local = req.socket.remoteAddress === '127.0.0.1' || req.socket.remoteAddress === '::1' || req.socket.remoteAddress === '::ffff:127.0.0.1';
      if (!(local && !token) && !coordinatorAuthorized(req, token)) throw new HttpError(401, 'coordinator token required');
      sendJson(res, 200, await app.knowledge.reload());
    });
}
