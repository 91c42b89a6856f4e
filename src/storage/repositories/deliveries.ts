import type { DeliveryInfo, DeliveryStore } from '../../core/reminders/ports.js';
import type { Db } from '../prisma-client.js';
import { isUniqueViolation } from './unique-violation.js';

/**
 * Reminder and digest deliveries under a unique key. `claim` is an INSERT that fails on a
 * duplicate key, which makes "send exactly once" hold across restarts and across instances.
 */
/** Attempts over all ticks before a failed delivery is given up (reported in the digest). */
export const MAX_TOTAL_ATTEMPTS = 9;
/** Keys per query when reading which deliveries are settled. */
const SETTLED_CHUNK = 500;

export class PrismaDeliveryStore implements DeliveryStore {
  constructor(
    private readonly db: Db,
    private readonly kind: 'reminder' | 'digest' = 'reminder',
  ) {}

  async claim(key: string, info: DeliveryInfo | { target: string; text: string }): Promise<boolean> {
    const target =
      typeof info.target === 'string'
        ? info.target
        : info.target.kind === 'channel'
          ? `${info.target.surface}:${info.target.channelId}`
          : info.target.userRef;
    try {
      await this.db.delivery.create({ data: { key, kind: this.kind, target, text: info.text.slice(0, 4000) } });
      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    // A delivery that failed earlier (say Slack was down) may be claimed again by a later tick, a
    // bounded number of times; the status change is atomic, so only one runner wins it.
    const retried = await this.db.delivery.updateMany({
      where: { key, status: 'failed', attempts: { lt: MAX_TOTAL_ATTEMPTS } },
      data: { status: 'claimed' },
    });
    return retried.count === 1;
  }

  async settled(keys: readonly string[]): Promise<ReadonlySet<string>> {
    const done = new Set<string>();
    // In chunks: both databases limit the number of bound parameters in one statement.
    for (let i = 0; i < keys.length; i += SETTLED_CHUNK) {
      const rows = await this.db.delivery.findMany({
        where: {
          key: { in: keys.slice(i, i + SETTLED_CHUNK) },
          OR: [{ status: { not: 'failed' } }, { attempts: { gte: MAX_TOTAL_ATTEMPTS } }],
        },
        select: { key: true },
      });
      for (const row of rows) done.add(row.key);
    }
    return done;
  }

  async markSent(key: string): Promise<void> {
    await this.db.delivery.update({ where: { key }, data: { status: 'sent', attempts: { increment: 1 } } });
  }

  async markFailed(key: string, error: string, attempt: number): Promise<void> {
    await this.db.delivery.update({
      where: { key },
      data: { status: 'failed', attempts: { increment: attempt }, lastError: error.slice(0, 500) },
    });
  }

  async markSkipped(key: string): Promise<void> {
    await this.db.delivery.update({ where: { key }, data: { status: 'skipped' } });
  }

  async has(key: string): Promise<boolean> {
    return (await this.db.delivery.count({ where: { key } })) > 0;
  }
}
