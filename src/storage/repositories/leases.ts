import type { Db } from '../prisma-client.js';
import { isUniqueViolation } from './unique-violation.js';

/**
 * A lease in the database: only the holder runs a scheduled tick; when it stops renewing (it died),
 * the lease expires and another instance takes over.
 */
export class PrismaLeaseStore {
  constructor(private readonly db: Db) {}

  async acquire(name: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
    const expiresAt = new Date(now.getTime() + ttlMs);
    try {
      await this.db.lease.create({ data: { name, holder, expiresAt } });
      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const taken = await this.db.lease.updateMany({
      where: { name, OR: [{ holder }, { expiresAt: { lt: now } }] },
      data: { holder, expiresAt },
    });
    return taken.count === 1;
  }

  /** A real write to one shared row: whether the database takes writes at all (health checks). */
  async probeWrite(holder: string, now: Date): Promise<void> {
    await this.db.lease.upsert({
      where: { name: 'healthz' },
      create: { name: 'healthz', holder, expiresAt: now },
      update: { holder, expiresAt: now },
    });
  }

  async release(name: string, holder: string): Promise<void> {
    await this.db.lease.deleteMany({ where: { name, holder } });
  }

  async holderOf(name: string): Promise<string | null> {
    return (await this.db.lease.findUnique({ where: { name } }))?.holder ?? null;
  }
}
