/**
 * Signing a browser in with a one-time code: from `apparaat koppelen` in the chat (continue on
 * another device) or `buurtbot user login-link <ref>` (a coordinator on the web). GET only shows a
 * form, so a link preview (Slack, a mail scanner) cannot use the code up; the POST redeems it.
 */
import type { ServerResponse } from 'node:http';
import type { Logger, WebSessionStore } from '../../core/ports.js';
import { FailureLimiter, remoteAddress, sameOrigin } from './guards.js';
import { escapeHtml as e, readBody, sendHtml } from './http.js';
import type { WebIdentity } from './identity.js';
import type { WebServer } from './server.js';

/** How long a code from `apparaat koppelen` works: long enough to pick up the other device. */
export const DEVICE_CODE_TTL_MS = 15 * 60_000;

export function loginLinkMaker(sessions: WebSessionStore, baseUrl: string) {
  return async (userRef: string, ttlMs = DEVICE_CODE_TTL_MS) => {
    const { code, expiresAt } = await sessions.createLoginCode(userRef, ttlMs);
    return { url: `${baseUrl}/login?c=${encodeURIComponent(code)}`, code, loginPage: `${baseUrl}/login`, expiresAt };
  };
}

export interface LoginRoutesDeps {
  identity: WebIdentity;
  sessions: WebSessionStore;
  limiter: FailureLimiter;
  logger: Logger;
  publicUrl: string | undefined;
}

function loginPage(res: ServerResponse, status: number, code: string, problem?: string): void {
  const warn = problem ? `<p role="alert" style="color:#a61b1b">${e(problem)}</p>` : '';
  sendHtml(
    res,
    status,
    `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>buurtbot — inloggen</title>` +
      `<style>body{font:17px/1.5 system-ui,sans-serif;max-width:30rem;margin:2rem auto;padding:0 1rem}input,button{font:inherit;padding:.4rem}</style></head><body>` +
      `<h1>Inloggen op dit apparaat</h1><p>Typ de code die je in de chat kreeg. Daarna ben je in deze browser dezelfde persoon als op je andere apparaat. <span lang="en">(Sign in on this device with the code from the chat.)</span></p>${warn}` +
      `<form method="post" action="/login"><label for="code">Code</label><br><input id="code" name="code" required maxlength="40" autocomplete="one-time-code" value="${e(code)}"> <button type="submit">Inloggen</button></form>` +
      `<p>Een code werkt één keer en maar kort. Deel hem met niemand: wie hem gebruikt, is in de chat jou.</p></body></html>`,
  );
}

export function registerLoginRoutes(server: WebServer, deps: LoginRoutesDeps): void {
  server
    .route('GET', '/login', (_req, res, url) => loginPage(res, 200, (url.searchParams.get('c') ?? '').slice(0, 40)))
    .route('POST', '/login', async (req, res) => {
      const address = remoteAddress(req);
      // A form on another site must not sign this browser in as someone else (login CSRF).
      if (!sameOrigin(req, deps.publicUrl)) return loginPage(res, 403, '', 'Dit formulier kan alleen vanaf deze site worden verstuurd.');
      const wait = deps.limiter.retryAfter(address);
      if (wait !== undefined) {
        res.setHeader('retry-after', String(wait));
        return loginPage(res, 429, '', `Te veel verkeerde codes. Probeer het over ${Math.ceil(wait / 60)} minuten opnieuw.`);
      }
      const code = (new URLSearchParams(await readBody(req, 4096)).get('code') ?? '').slice(0, 40);
      const userRef = code ? await deps.sessions.redeemLoginCode(code) : undefined;
      if (!userRef) {
        deps.limiter.fail(address);
        deps.logger.warn({ address }, 'login code refused (unknown, used or expired)');
        return loginPage(res, 400, code, 'Deze code werkt niet (meer): vraag in de chat een nieuwe met `apparaat koppelen`.');
      }
      await deps.identity.switchTo(req, res, userRef);
      deps.logger.info({ address, userRef }, 'browser signed in with a one-time code');
      res.writeHead(303, { location: '/', 'cache-control': 'no-store' });
      res.end();
    });
}
