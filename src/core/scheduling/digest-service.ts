/**
 * Sends the weekly digest to every surface's coordinator channel, once per week per channel
 * (a unique delivery key), whichever instance gets there first.
 */
import { weeklyProgress, type WeekPoint } from '../digest/progress-history.js';
import type { Clock } from '../clock.js';
import { buildDigest, type Digest, type DigestDeps } from '../digest/digest.js';
import { renderDigestMarkdown } from '../digest/digest-render.js';
import type { Reply } from '../messages.js';
import type { Logger, Messenger } from '../ports.js';
import { localParts } from '../time.js';

export interface DigestStore {
  claim(key: string, info: { target: string; text: string }): Promise<boolean>;
  markSent(key: string): Promise<void>;
  markFailed(key: string, error: string, attempt: number): Promise<void>;
}

export class DigestService {
  constructor(
    private readonly deps: DigestDeps & {
      messengers: () => Messenger[];
      store: DigestStore;
      logger: Logger;
      clock: Clock;
      /** The coordinator page, when it is on. */ pageUrl?: () => string | undefined;
    },
  ) {}

  build(at: Date = this.deps.clock.now(), since?: Date): Promise<Digest> {
    return buildDigest(this.deps, at, since);
  }

  /** Progress per week (the coordinator page's chart), up to `at`. */
  async progress(at: Date = this.deps.clock.now()): Promise<WeekPoint[]> {
    return weeklyProgress(await this.deps.stats.progressEvents(), at);
  }

  reply(digest: Digest): Reply {
    // The words are Dutch: the language tells surfaces that lay out `digest` natively to match.
    const url = this.deps.pageUrl?.();
    // The page is where coordinators act on what the digest shows (answer, decide, review).
    const buttons = url ? [{ id: 'link:coordinator-page', label: 'Coördinatorpagina openen', typed: url, url }] : [];
    return { kind: 'digest', text: renderDigestMarkdown(digest, 'nl'), digest, language: 'nl', ...(buttons.length ? { buttons } : {}) };
  }

  /** The scheduled run: one digest per coordinator channel per local day. */
  async send(at: Date = this.deps.clock.now()): Promise<{ sent: number; skipped: number }> {
    const digest = await this.build(at);
    const reply = this.reply(digest);
    const parts = localParts(at, 'Europe/Amsterdam');
    const dayKey = `${parts.year}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
    let sent = 0;
    let skipped = 0;
    for (const messenger of this.deps.messengers()) {
      const channel = messenger.channels.coordinators;
      if (!channel) continue;
      const key = `digest:${dayKey}:${messenger.surface}:${channel}`;
      if (!(await this.deps.store.claim(key, { target: `${messenger.surface}:${channel}`, text: reply.text }))) {
        skipped++;
        continue;
      }
      try {
        await messenger.postToChannel(channel, [reply]);
        await this.deps.store.markSent(key);
        sent++;
      } catch (error) {
        await this.deps.store.markFailed(key, (error as Error).message, 1);
        this.deps.logger.warn({ err: error, surface: messenger.surface }, 'digest not delivered');
      }
    }
    return { sent, skipped };
  }
}
