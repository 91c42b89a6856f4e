import type { EventLedger } from '../../core/ports.js';
import type { Db } from '../prisma-client.js';

/** Inbound event ids in the database: a retried Slack event hitting another instance is still dropped. */
export class PrismaEventLedger implements EventLedger {
  constructor(private readonly db: Db) {}

  async firstSeen(key: string): Promise<boolean> {
    try {
      await this.db.processedEvent.create({ data: { key } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Old keys are only needed while a platform may still retry (minutes); keep a day. */
  async prune(olderThan: Date): Promise<number> {
    const result = await this.db.processedEvent.deleteMany({ where: { createdAt: { lt: olderThan } } });
    return result.count;
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}
