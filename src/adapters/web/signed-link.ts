import crypto from 'node:crypto';

/**
 * Short-lived signed links to a readable plan: the chat hands one to a member, and the page checks
 * the signature and the expiry. The link is a read-only capability for one plan until it expires;
 * it names nobody (an id in it was readable by anyone the link was forwarded to, and was once
 * enough to act as that person). Nothing guessable in the URL.
 */
export function signPlanLink(secret: string, slug: string, expiresAt: number): string {
  const payload = Buffer.from(JSON.stringify({ s: slug, e: expiresAt })).toString('base64url');
  const sig = crypto.createHmac('sha256', secret).update(payload).digest('base64url');
  return `${payload}.${sig}`;
}

/** How long a plan link handed out in chat stays valid. */
export const PLAN_LINK_TTL_MS = 24 * 3_600_000;

/** Makes the links the chat hands out: under `baseUrl`, valid for PLAN_LINK_TTL_MS from `now()`. */
export function planLinkMaker(secret: string, baseUrl: string, now: () => number): (slug: string) => string {
  return (slug) => `${baseUrl}/plan?t=${signPlanLink(secret, slug, now() + PLAN_LINK_TTL_MS)}`;
}

export function verifyPlanLink(secret: string, token: string, now: number): { slug: string } | null {
  const [payload, sig] = token.split('.');
  if (!payload || !sig) return null;
  const expected = crypto.createHmac('sha256', secret).update(payload).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { s?: unknown; e?: unknown };
    if (typeof data.s !== 'string' || typeof data.e !== 'number' || data.e < now) return null;
    return { slug: data.s };
  } catch {
    return null;
  }
}

/** Constant-time comparison of a presented secret with the configured one. */
export function sameSecret(presented: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(presented).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}
