/**
 * Who someone is on Slack: the neutral userRef (`slack:TEAM:USER`), their display name and time
 * zone, and the id of the bot's DM with them. Cached in memory with a TTL: names change rarely and
 * a users.info call per message would eat into Slack's rate limits. At start the workspace's
 * member list (users.list, 200 a page) fills the cache, and team_join / user_change events keep it
 * current, so a first message from a member does not wait for a users.info round trip (100-300 ms
 * on the real Slack). Only someone the process has not met that way waits for users.info; after
 * the TTL the known name is used at once while a fresh one is fetched for the next message.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';
import { retryAfterMs } from './rate-limited-sender.js';

export interface SlackPerson {
  name?: string;
  /** IANA zone, e.g. Europe/Amsterdam. */
  timeZone?: string;
}

export function slackUserRef(teamId: string, userId: string): string {
  return `slack:${teamId}:${userId}`;
}

export function parseSlackUserRef(ref: string): { teamId: string; userId: string } | null {
  const m = /^slack:([^:]+):([^:]+)$/.exec(ref);
  return m && m[1] && m[2] ? { teamId: m[1], userId: m[2] } : null;
}

interface Entry<T> {
  value: Promise<T>;
  expires: number;
  /** A refresh is under way (the stale value is served meanwhile). */
  refreshing?: boolean;
}

export interface IdentityOptions {
  ttlMs?: number;
  /** After a failed lookup, try again this much later (not at every message). */
  failureTtlMs?: number;
  logger: Logger;
  /** The time in ms (tests move it; the default is the real clock). */
  now?: () => number;
  /** Waits out a rate limit while reading the member list (tests pass one that records). */
  sleep?: (ms: number) => Promise<void>;
}

/** How long past its TTL an entry may still be served while it is refreshed. */
const STALE_FOR_MS = 86_400_000;
/** Members read from users.list at most: beyond this a large workspace falls back to users.info. */
const DIRECTORY_LIMIT = 10_000;
const DIRECTORY_PAGE = 200;
/** Tries per users.list page while Slack answers 429, and the wait when it names none. */
const DIRECTORY_ATTEMPTS = 10;
const DIRECTORY_RETRY_MS = 3000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** The fields of a Slack user object we read (users.info, users.list, team_join, user_change). */
export interface SlackUserObject {
  id?: string;
  name?: string;
  real_name?: string;
  tz?: string;
  deleted?: boolean;
  is_bot?: boolean;
  profile?: { display_name?: string; real_name?: string };
}

/** Name and zone of a Slack user object: the display name first, as Slack shows it. */
export function personOf(user: SlackUserObject | undefined): SlackPerson {
  const person: SlackPerson = {};
  const name = user?.profile?.display_name || user?.profile?.real_name || user?.real_name || user?.name;
  if (name) person.name = name;
  if (user?.tz) person.timeZone = user.tz;
  return person;
}

export class SlackIdentity {
  private readonly people = new Map<string, Entry<SlackPerson>>();
  private readonly dms = new Map<string, Promise<string>>();
  private readonly ttlMs: number;
  private readonly failureTtlMs: number;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly options: IdentityOptions,
  ) {
    this.ttlMs = options.ttlMs ?? 3600_000;
    this.failureTtlMs = options.failureTtlMs ?? 300_000;
    this.now = options.now ?? Date.now;
  }

  private readonly now: () => number;

  /** Name and time zone; never rejects (an unknown name just stays unknown). */
  person(userId: string): Promise<SlackPerson> {
    const now = this.now();
    const cached = this.people.get(userId);
    if (cached && cached.expires > now) return cached.value;
    if (cached) {
      if (!cached.refreshing) this.refresh(userId, cached, now);
      return cached.value;
    }
    const entry: Entry<SlackPerson> = { value: this.lookup(userId, now), expires: now + this.ttlMs };
    this.people.set(userId, entry);
    if (this.people.size > DIRECTORY_LIMIT + 10_000) this.prune(now);
    return entry.value;
  }

  /** Replaces a stale entry when users.info answers; a failed refresh keeps what was known. */
  private refresh(userId: string, entry: Entry<SlackPerson>, now: number): void {
    entry.refreshing = true;
    void this.lookup(userId, now).then(async (fresh) => {
      const known = await entry.value;
      const current = this.people.get(userId);
      if (current !== entry) return;
      const failed = fresh.name === undefined && known.name !== undefined;
      this.people.set(userId, {
        value: Promise.resolve(failed ? known : fresh),
        expires: this.now() + (failed ? this.failureTtlMs : this.ttlMs),
      });
    });
  }

  /**
   * Reads the workspace's members into the cache (users.list, page by page). users.list is a
   * Tier 2 method (about 20 calls a minute) and our Web API client hands rate limits back to us, so
   * a 429 is waited out here (Retry-After) before the same page is asked again. Someone already
   * cached keeps their entry. Resolves with the number of members read; another failure (e.g. a
   * missing users:read scope) is logged and leaves the rest to users.info.
   */
  async loadDirectory(): Promise<number> {
    let read = 0;
    let cursor: string | undefined;
    try {
      do {
        const page = await this.listPage(cursor);
        for (const member of (page.members ?? []) as SlackUserObject[]) {
          if (!member.id || member.deleted || member.is_bot) continue;
          if (!this.people.has(member.id)) this.remember(member);
          read += 1;
        }
        cursor = page.response_metadata?.next_cursor || undefined;
      } while (cursor && read < DIRECTORY_LIMIT);
    } catch (error) {
      this.options.logger.warn({ err: errorSummary(error), read }, 'users.list failed; names come from users.info');
    }
    return read;
  }

  private async listPage(cursor: string | undefined): Promise<webApi.UsersListResponse> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.client.users.list({ limit: DIRECTORY_PAGE, ...(cursor ? { cursor } : {}) });
      } catch (error) {
        const waitMs = retryAfterMs(error, DIRECTORY_RETRY_MS);
        if (waitMs === undefined || attempt >= DIRECTORY_ATTEMPTS) throw error;
        await (this.options.sleep ?? sleep)(waitMs);
      }
    }
  }

  /** A user object Slack sent (team_join, user_change, users.list): cached as fresh. */
  remember(user: SlackUserObject): void {
    if (!user.id) return;
    this.people.set(user.id, { value: Promise.resolve(personOf(user)), expires: this.now() + this.ttlMs });
    if (this.people.size > DIRECTORY_LIMIT + 10_000) this.prune(this.now());
  }

  /** The bot's DM channel with a person (conversations.open is idempotent; cached for good). */
  dmChannel(userId: string): Promise<string> {
    const cached = this.dms.get(userId);
    if (cached) return cached;
    const pending = this.client.conversations.open({ users: userId }).then((result) => {
      const id = result.channel?.id;
      if (!id) throw new Error(`conversations.open returned no channel for ${userId}`);
      return id;
    });
    this.dms.set(userId, pending);
    pending.catch(() => this.dms.delete(userId));
    return pending;
  }

  private async lookup(userId: string, now: number): Promise<SlackPerson> {
    try {
      const result = await this.client.users.info({ user: userId });
      return personOf(result.user);
    } catch (error) {
      this.options.logger.warn({ user: userId, err: errorSummary(error) }, 'users.info failed; continuing without a display name');
      const entry = this.people.get(userId);
      if (entry) entry.expires = now + this.failureTtlMs;
      return {};
    }
  }

  /** Forgets entries long past their TTL (a stale one is still served for a day). */
  private prune(now: number): void {
    for (const [key, entry] of this.people) if (entry.expires + STALE_FOR_MS <= now) this.people.delete(key);
  }
}

/** A short, token-free description of a Web API error for logs. */
export function errorSummary(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const e = error as {
    code?: unknown;
    data?: { error?: unknown };
    message?: unknown;
    original?: { message?: unknown; cause?: { code?: unknown; message?: unknown } };
  };
  if (typeof e.data?.error === 'string') return e.data.error;
  // A network failure: "fetch failed" alone says little; the cause says why (ECONNREFUSED, ENOTFOUND…).
  const cause = e.original?.cause;
  const why = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : undefined;
  if (typeof e.original?.message === 'string') return why ? `${e.original.message}: ${why}` : e.original.message;
  return typeof e.message === 'string' ? e.message : typeof e.code === 'string' ? e.code : 'unknown error';
}
