import type { Language } from '../../core/language.js';
import type { UserRecord, UserStore } from '../../core/ports.js';
import { toUserRecord } from '../repositories/users.js';
import type { SqliteTurnConnection } from './connection.js';
import { newId, sqliteBool, sqliteDate } from './values.js';

interface UserRow {
  id: string;
  ref: string;
  displayName: string | null;
  language: string | null;
  role: string;
  remindersOff: number;
}

const COLUMNS = 'id, ref, displayName, language, role, remindersOff';
const toRecord = (row: UserRow): UserRecord => toUserRecord({ ...row, remindersOff: row.remindersOff === 1 });

/** The people store on the direct SQLite connection (see connection.ts for why). */
export class SqliteUserStore implements UserStore {
  private readonly byRef;
  private readonly insertOrRename;
  private readonly insertIfMissing;
  private readonly updateLanguage;
  private readonly upsertRemindersOff;
  private readonly upsertRole;

  constructor(
    private readonly sql: SqliteTurnConnection,
    private readonly now: () => Date = () => new Date(),
  ) {
    const db = sql.db;
    this.byRef = db.prepare<[string], UserRow>(`SELECT ${COLUMNS} FROM "User" WHERE ref = ?`);
    this.insertOrRename = db.prepare<[string, string, string, string, string, string], UserRow>(
      `INSERT INTO "User" (id, ref, displayName, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(ref) DO UPDATE SET displayName = excluded.displayName, updatedAt = ? RETURNING ${COLUMNS}`,
    );
    this.insertIfMissing = db.prepare<[string, string, string, string]>(
      `INSERT INTO "User" (id, ref, createdAt, updatedAt) VALUES (?, ?, ?, ?) ON CONFLICT(ref) DO NOTHING`,
    );
    this.updateLanguage = db.prepare<[string, string, string]>(`UPDATE "User" SET language = ?, updatedAt = ? WHERE ref = ?`);
    this.upsertRemindersOff = db.prepare<[string, string, number, string, string, number, string]>(
      `INSERT INTO "User" (id, ref, remindersOff, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(ref) DO UPDATE SET remindersOff = ?, updatedAt = ?`,
    );
    this.upsertRole = db.prepare<[string, string, string, string, string, string, string]>(
      `INSERT INTO "User" (id, ref, role, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(ref) DO UPDATE SET role = ?, updatedAt = ?`,
    );
  }

  touch(ref: string, displayName?: string): Promise<UserRecord> {
    const name = displayName?.trim().slice(0, 80) || undefined;
    return this.sql.run(() => {
      const existing = this.byRef.get(ref);
      if (existing && (!name || existing.displayName === name)) return toRecord(existing);
      const at = sqliteDate(this.now());
      if (name) {
        const row = this.insertOrRename.get(newId(), ref, name, at, at, at);
        if (row) return toRecord(row);
      } else {
        this.insertIfMissing.run(newId(), ref, at, at);
      }
      const row = this.byRef.get(ref);
      if (!row) throw new Error(`user ${ref} vanished while being created`);
      return toRecord(row);
    });
  }

  get(ref: string): Promise<UserRecord | null> {
    return this.sql.run(() => {
      const row = this.byRef.get(ref);
      return row ? toRecord(row) : null;
    });
  }

  async setLanguage(ref: string, language: Language): Promise<void> {
    const changed = await this.sql.run(() => this.updateLanguage.run(language, sqliteDate(this.now()), ref).changes);
    // Same contract as Prisma's update: the person must exist.
    if (changed !== 1) throw new Error(`no user ${ref} to set the language of`);
  }

  async setRemindersOff(ref: string, off: boolean): Promise<void> {
    const at = sqliteDate(this.now());
    await this.sql.run(() => this.upsertRemindersOff.run(newId(), ref, sqliteBool(off), at, at, sqliteBool(off), at));
  }

  async setRole(ref: string, role: UserRecord['role']): Promise<void> {
    const at = sqliteDate(this.now());
    await this.sql.run(() => this.upsertRole.run(newId(), ref, role, at, at, role, at));
  }
}
