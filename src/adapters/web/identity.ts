/**
 * Who a web request is from: only the session cookie the server issued says so. Ids in a body,
 * query or link are never read as identity (issue 16: a browser-chosen id was a bearer token that
 * anyone who saw `mijn gegevens` could use).
 */
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebSessionStore } from '../../core/ports.js';

export const SESSION_COOKIE = 'buurtbot_session';
/** A year: the browser is the person's until they clear it or use `vergeet mij`. */
const MAX_AGE_S = 365 * 24 * 3600;

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The public id of a new web person: shown in `mijn gegevens`, used with `member add`, grants nothing. */
export function newWebUserRef(): string {
  return `web:${crypto.randomBytes(12).toString('base64url')}`;
}

export class WebIdentity {
  constructor(
    private readonly sessions: WebSessionStore,
    /** Secure cookies when the public address is https (behind a proxy the socket itself is plain http). */
    private readonly secure: boolean,
  ) {}

  /** The person this browser is signed in as, or undefined (no cookie, or one we never issued). */
  async current(req: IncomingMessage): Promise<string | undefined> {
    const secret = readCookie(req, SESSION_COOKIE);
    // Our secrets are 43 base64url characters; anything else is not worth a database lookup.
    if (!secret || !/^[A-Za-z0-9_-]{43}$/.test(secret)) return undefined;
    return this.sessions.resolve(secret);
  }

  /** The current person, or a new one with a fresh session cookie on `res`. */
  async ensure(req: IncomingMessage, res: ServerResponse): Promise<string> {
    const current = await this.current(req);
    if (current) return current;
    const userRef = newWebUserRef();
    this.setCookie(res, await this.sessions.create(userRef));
    return userRef;
  }

  /**
   * Makes this browser `userRef` (a redeemed login code). The old session ends and a new secret is
   * issued, so a secret planted in this browser beforehand is worth nothing afterwards.
   */
  async switchTo(req: IncomingMessage, res: ServerResponse, userRef: string): Promise<void> {
    const old = readCookie(req, SESSION_COOKIE);
    if (old) await this.sessions.end(old);
    this.setCookie(res, await this.sessions.create(userRef));
  }

  private setCookie(res: ServerResponse, secret: string): void {
    const attributes = [`${SESSION_COOKIE}=${secret}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${MAX_AGE_S}`];
    if (this.secure) attributes.push('Secure');
    res.setHeader('set-cookie', attributes.join('; '));
  }
}
