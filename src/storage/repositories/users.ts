import type { Language } from '../../core/language.js';
import type { UserRecord, UserStore } from '../../core/ports.js';
import type { Db } from '../prisma-client.js';

type Row = { id: string; ref: string; displayName: string | null; language: string | null; role: string; remindersOff: boolean };

export function toUserRecord(row: Row): UserRecord {
  return {
    id: row.id,
    ref: row.ref,
    displayName: row.displayName,
    language: row.language === 'nl' || row.language === 'en' ? row.language : null,
    role: row.role === 'coordinator' || row.role === 'admin' ? row.role : 'volunteer',
    remindersOff: row.remindersOff,
  };
}

export class PrismaUserStore implements UserStore {
  constructor(private readonly db: Db) {}

  async touch(ref: string, displayName?: string): Promise<UserRecord> {
    const name = displayName?.trim().slice(0, 80) || undefined;
    // Read first: on almost every turn the person exists with the same name, and one SELECT is far
    // cheaper than an upsert (a transaction of several statements in Prisma).
    const existing = await this.db.user.findUnique({ where: { ref } });
    if (existing && (!name || existing.displayName === name)) return toUserRecord(existing);
    const row = await this.db.user.upsert({
      where: { ref },
      create: { ref, displayName: name ?? null },
      update: name ? { displayName: name } : {},
    });
    return toUserRecord(row);
  }

  async get(ref: string): Promise<UserRecord | null> {
    const row = await this.db.user.findUnique({ where: { ref } });
    return row ? toUserRecord(row) : null;
  }

  async setLanguage(ref: string, language: Language): Promise<void> {
    await this.db.user.update({ where: { ref }, data: { language } });
  }

  async setRemindersOff(ref: string, off: boolean): Promise<void> {
    await this.db.user.upsert({ where: { ref }, create: { ref, remindersOff: off }, update: { remindersOff: off } });
  }

  async setRole(ref: string, role: UserRecord['role']): Promise<void> {
    await this.db.user.upsert({ where: { ref }, create: { ref, role }, update: { role } });
  }
}
