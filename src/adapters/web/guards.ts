/**
 * Guards for the pages that sign someone in or change something: a limit on failed attempts per
 * address, and a same-origin check for state-changing requests a browser might be tricked into.
 */
import type { IncomingMessage } from 'node:http';

/**
 * Counts failures per key (the remote address) in a fixed window: after `max` failures the key
 * waits until the window ends. In memory: a restart forgives, which is fine for 5 tries per 15
 * minutes against a ≥16-character token. Behind a reverse proxy every client shares the proxy's
 * address, so the limit then protects the token but one guesser can lock out everyone for a while.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(
    private readonly now: () => number,
    private readonly max = 5,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Seconds to wait before trying again, or undefined when this key may try now. */
  retryAfter(key: string): number | undefined {
    const entry = this.live(key);
    return entry && entry.count >= this.max ? Math.max(1, Math.ceil((entry.until - this.now()) / 1000)) : undefined;
  }

  fail(key: string): void {
    const entry = this.live(key) ?? { count: 0, until: this.now() + this.windowMs };
    entry.count += 1;
    this.failures.set(key, entry);
    // Many addresses (a scan) must not grow the map without bound: forget the expired ones.
    if (this.failures.size > 10_000) for (const k of [...this.failures.keys()]) this.live(k);
  }

  private live(key: string): { count: number; until: number } | undefined {
    const entry = this.failures.get(key);
    if (entry && entry.until <= this.now()) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }
}

export function remoteAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

/**
 * True unless the request visibly comes from another site. Browsers send Sec-Fetch-Site and, on
 * POST, Origin; the CLI and scripts send neither and are judged by their credential alone.
 */
export function sameOrigin(req: IncomingMessage, publicUrl: string | undefined): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const allowed = [`http://${req.headers.host ?? ''}`, `https://${req.headers.host ?? ''}`];
  if (publicUrl) allowed.push(new URL(publicUrl).origin);
  return allowed.includes(origin);
}
