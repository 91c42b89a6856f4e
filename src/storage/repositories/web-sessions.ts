/**
 * Web chat sessions and one-time login codes. The browser (or the person holding a code) has the
 * secret; this table has only its SHA-256, so reading the database gives no way to sign in.
 */
import crypto from 'node:crypto';
import type { WebSessionStore } from '../../core/ports.js';
import type { Db } from '../prisma-client.js';

export function hashSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('base64url');
}

/** 32 random bytes: unguessable, and long enough that a hash of it needs no salt. */
export function newSecret(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Letters and digits that cannot be mistaken for each other when typed from another screen. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';

/** A code a person can type: 12 characters (about 59 bits), shown as XXXX-XXXX-XXXX. */
export function newLoginCode(): string {
  const bytes = crypto.randomBytes(12);
  const chars = Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** Typed codes arrive in any case, with or without dashes and spaces. */
export function normalizeLoginCode(code: string): string {
  const clean = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return clean.length === 12 ? `${clean.slice(0, 4)}-${clean.slice(4, 8)}-${clean.slice(8)}` : clean;
}

/** lastSeenAt is a hint for pruning, not an audit: writing it on every request would cost a write per turn. */
const TOUCH_EVERY_MS = 3_600_000;

export class PrismaWebSessions implements WebSessionStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /** A new session for `userRef`; returns the secret for the cookie (never stored). */
  async create(userRef: string): Promise<string> {
    const secret = newSecret();
    const at = this.now();
    await this.db.webSession.create({ data: { hash: hashSecret(secret), userRef, createdAt: at, lastSeenAt: at } });
    return secret;
  }

  async resolve(secret: string): Promise<string | undefined> {
    const hash = hashSecret(secret);
    const row = await this.db.webSession.findUnique({ where: { hash } });
    if (!row) return undefined;
    const at = this.now();
    if (at.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS)
      await this.db.webSession.updateMany({ where: { hash }, data: { lastSeenAt: at } });
    return row.userRef;
  }

  async end(secret: string): Promise<void> {
    await this.db.webSession.deleteMany({ where: { hash: hashSecret(secret) } });
  }

  /** Ends every browser session of a person (after "vergeet mij", or when an admin asks). */
  async endAllOf(userRef: string): Promise<number> {
    return (await this.db.webSession.deleteMany({ where: { userRef } })).count;
  }

  /** A one-time code that signs a browser in as `userRef` until `ttlMs` from now. */
  async createLoginCode(userRef: string, ttlMs: number): Promise<{ code: string; expiresAt: Date }> {
    const code = newLoginCode();
    const expiresAt = new Date(this.now().getTime() + ttlMs);
    // Expired codes are worthless: drop them whenever a new one is made.
    await this.db.webLoginCode.deleteMany({ where: { expiresAt: { lt: this.now() } } });
    await this.db.webLoginCode.create({ data: { hash: hashSecret(code), userRef, expiresAt } });
    return { code, expiresAt };
  }

  /**
   * The person a code is for, once: the row is deleted by the one request that gets count 1, so two
   * browsers racing with the same code cannot both win.
   */
  async redeemLoginCode(code: string): Promise<string | undefined> {
    const hash = hashSecret(normalizeLoginCode(code));
    const row = await this.db.webLoginCode.findUnique({ where: { hash } });
    if (!row) return undefined;
    const { count } = await this.db.webLoginCode.deleteMany({ where: { hash } });
    if (count !== 1 || row.expiresAt.getTime() < this.now().getTime()) return undefined;
    return row.userRef;
  }
}
