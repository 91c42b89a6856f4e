/**
 * Pages behind a check: readable plans (signed link for members, or coordinator credentials) and
 * the coordinator overview (HTTP Basic with COORDINATOR_TOKEN as the password; refused while unset).
 * Failed logins are counted per address (guards.ts) and logged without what was typed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AdminContext } from './admin-context.js';
import type { Logger } from '../../core/ports.js';
import { type FailureLimiter, remoteAddress, sameOrigin } from './guards.js';
import { WEB_CHANNELS } from '../../outbox.js';
import { HttpError, readBody, sendHtml, sendJson } from './http.js';
import { renderCoordinatorPage, renderPlanPage } from './pages.js';
import { renderProgressChart } from './progress-chart.js';
import { COORDINATOR_PAGE_NAME, COORDINATOR_PAGE_REF, csrfToken, formToMessage, renderWork } from './coordinator-work.js';
import crypto from 'node:crypto';
import type { WebServer } from './server.js';
import { sameSecret, verifyPlanLink } from './signed-link.js';

const FORM_LIMIT_BYTES = 16_384;

/**
 * What the last action answered, shown once after the redirect. Kept in memory by a random key (not
 * in the URL: answers name people), a few at most; a restart only loses the message, not the action.
 */
class Flashes {
  private readonly texts = new Map<string, string>();
  put(text: string): string {
    const key = crypto.randomBytes(9).toString('base64url');
    this.texts.set(key, text);
    for (const old of this.texts.keys()) if (this.texts.size > 50) this.texts.delete(old);
    return key;
  }
  take(key: string): string | undefined {
    const text = this.texts.get(key);
    this.texts.delete(key);
    return text;
  }
}

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

/** Answers 429 while this address has failed too often; true when it may try. */
function notLimited(req: IncomingMessage, res: ServerResponse, limiter: FailureLimiter): boolean {
  const wait = limiter.retryAfter(remoteAddress(req));
  if (wait === undefined) return true;
  res.setHeader('retry-after', String(wait));
  sendJson(res, 429, { error: `too many failed attempts from this address: try again in ${Math.ceil(wait / 60)} minute(s)` });
  return false;
}

function failed(req: IncomingMessage, limiter: FailureLimiter, logger: Logger, path: string): void {
  const address = remoteAddress(req);
  limiter.fail(address);
  // Never the presented credential: a typo of the real token would end up in the logs.
  logger.warn({ address, path }, 'coordinator credential refused');
}

function requireCoordinator(
  req: IncomingMessage,
  res: ServerResponse,
  token: string | undefined,
  limiter: FailureLimiter,
  logger: Logger,
  path: string,
): boolean {
  if (!token) {
    sendJson(res, 403, { error: 'the coordinator page is off: set COORDINATOR_TOKEN to switch it on' });
    return false;
  }
  if (!notLimited(req, res, limiter)) return false;
  if (!coordinatorAuthorized(req, token)) {
    // A browser's first request carries no credentials: that is the question, not a failed guess.
    if (req.headers.authorization) failed(req, limiter, logger, path);
    res.setHeader('www-authenticate', 'Basic realm="buurtbot coordinators", charset="UTF-8"');
    sendJson(res, 401, { error: 'coordinator password required (user name: anything, password: COORDINATOR_TOKEN)' });
    return false;
  }
  return true;
}

export async function registerAdminRoutes(server: WebServer, app: AdminContext, baseUrl: string, limiter: FailureLimiter): Promise<void> {
  const secret = await app.linkSecret();
  const token = app.config.COORDINATOR_TOKEN;
  const { logger } = app;
  await app.enablePlanLinks(baseUrl);
  const csrf = csrfToken(secret);
  const flashes = new Flashes();

  const planPage = async (res: ServerResponse, slug: string, language: 'nl' | 'en') => {
    const platform = await app.platforms.bySlug(slug);
    if (!platform) throw new HttpError(404, 'no such platform');
    const plan = await app.plans.load(platform);
    sendHtml(res, 200, renderPlanPage(plan, app.template(), language, await app.reviews.list(plan.id)));
  };

  server
    .route('GET', '/plan', async (_req, res, url) => {
      // A read-only capability for one plan until it expires; it says nothing about who opens it.
      const link = verifyPlanLink(secret, url.searchParams.get('t') ?? '', app.clock.now().getTime());
      if (!link) throw new HttpError(403, 'this link is invalid or has expired: type `overzicht` in the chat for a new one');
      await planPage(res, link.slug, 'nl');
    })
    .route('GET', '/coordinator', async (req, res, url) => {
      if (!requireCoordinator(req, res, token, limiter, logger, url.pathname)) return;
      const digest = await app.digests.build();
      const work = renderWork({
        digest,
        joinRequests: await app.platforms.pendingJoinRequests(),
        csrf,
        flash: flashes.take(url.searchParams.get('done') ?? ''),
      });
      const chart = renderProgressChart(await app.digests.progress());
      sendHtml(res, 200, renderCoordinatorPage(digest, await app.notices.since(WEB_CHANNELS.coordinators, undefined, 30), work, chart));
    })
    .route('POST', '/coordinator/act', async (req, res, url) => {
      if (!sameOrigin(req, app.config.PUBLIC_URL)) throw new HttpError(403, 'cross-origin request refused');
      if (!requireCoordinator(req, res, token, limiter, logger, url.pathname)) return;
      const fields = new URLSearchParams(await readBody(req, FORM_LIMIT_BYTES));
      const message = formToMessage(
        fields,
        csrf,
        app.keuze.content.decision.outcomes.map((o) => o.id),
      );
      // One turn of the page's own user, through the inbox like every message: same checks, same notices.
      await app.users.touch(COORDINATOR_PAGE_REF, COORDINATOR_PAGE_NAME);
      await app.users.setRole(COORDINATOR_PAGE_REF, 'coordinator');
      const replies =
        (await app.turns.dispatch({
          id: `page-${crypto.randomUUID()}`,
          surface: 'web',
          userRef: COORDINATOR_PAGE_REF,
          userName: COORDINATOR_PAGE_NAME,
          channelId: COORDINATOR_PAGE_REF,
          direct: true,
          ...message,
        })) ?? [];
      // Post/redirect/get: a reload shows the page, it does not send the form again.
      res.writeHead(303, {
        location: `/coordinator?done=${flashes.put(replies.map((r) => r.text.replace(/\*\*/g, '')).join('\n\n'))}`,
        'cache-control': 'no-store',
      });
      res.end();
    })
    .route('GET', '/coordinator/plan/', async (req, res, url) => {
      if (!requireCoordinator(req, res, token, limiter, logger, url.pathname)) return;
      await planPage(res, decodeURIComponent(url.pathname.slice('/coordinator/plan/'.length)), 'nl');
    })
    .route('POST', '/api/admin/reload-kb', async (req, res, url) => {
      // Coordinators only, from anywhere (the CLI sends the token); never a page on another site
      // riding along on a browser that holds the credential.
      if (!sameOrigin(req, app.config.PUBLIC_URL)) throw new HttpError(403, 'cross-origin request refused');
      if (!token)
        throw new HttpError(403, 'reloading over HTTP needs COORDINATOR_TOKEN (the bot also reloads by itself when the files change)');
      if (!notLimited(req, res, limiter)) return;
      if (!coordinatorAuthorized(req, token)) {
        if (req.headers.authorization) failed(req, limiter, logger, url.pathname);
        throw new HttpError(403, 'coordinator token required (Authorization: Bearer COORDINATOR_TOKEN)');
      }
      sendJson(res, 200, await app.knowledge.reload());
    });
}
