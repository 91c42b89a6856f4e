import crypto from 'node:crypto';
import type { Db } from '../prisma-client.js';
import { isUniqueViolation } from './unique-violation.js';

/** Instance-wide values; the first instance to need one creates it, the others read the same. */
export class PrismaSettings {
  constructor(private readonly db: Db) {}

  async getOrCreate(key: string, create: () => string): Promise<string> {
    const existing = await this.db.setting.findUnique({ where: { key } });
    if (existing) return existing.value;
    try {
      return (await this.db.setting.create({ data: { key, value: create() } })).value;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return (await this.db.setting.findUniqueOrThrow({ where: { key } })).value;
    }
  }

  /** The key that signs links to readable plans (shared by all instances). */
  linkSecret(): Promise<string> {
    return this.getOrCreate('link-secret', () => crypto.randomBytes(32).toString('hex'));
  }
}
