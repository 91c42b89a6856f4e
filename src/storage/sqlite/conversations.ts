import type { TurnReceipt } from '../../core/inbox.js';
import type { ConversationOpening, ConversationRecord, ConversationStore, TranscriptLine } from '../../core/ports.js';
import { encodeAbout } from '../repositories/about.js';
import { toConversationRecord } from '../repositories/conversations.js';
import type { SqliteTurnConnection } from './connection.js';
import { newId, readDate, sqliteDate } from './values.js';

interface ConversationRow {
  id: string;
  key: string;
  language: string;
  state: string;
  version: number;
}

/** Conversations and their transcript on the direct SQLite connection (see connection.ts for why). */
export class SqliteConversationStore implements ConversationStore {
  private readonly byKey;
  private readonly insert;
  private readonly update;
  private readonly insertMessage;
  private readonly recent;
  private readonly finish;
  private readonly answer;

  constructor(
    private readonly sql: SqliteTurnConnection,
    private readonly now: () => Date = () => new Date(),
  ) {
    const db = sql.db;
    this.byKey = db.prepare<[string], ConversationRow>(`SELECT id, key, language, state, version FROM "Conversation" WHERE key = ?`);
    this.insert = db.prepare<[string, string, string, string, string, string | null, string, string, string]>(
      `INSERT INTO "Conversation" (id, key, userId, surface, channelId, threadId, state, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING`,
    );
    // Compare-and-set on version: a concurrent writer (another instance) is detected, not overwritten.
    this.update = db.prepare<[string, string, string, string, number]>(
      `UPDATE "Conversation" SET state = ?, language = ?, version = version + 1, updatedAt = ? WHERE id = ? AND version = ?`,
    );
    this.insertMessage = db.prepare<[string, string, string, string, string | null, string]>(
      `INSERT INTO "Message" (id, conversationId, direction, text, about, createdAt) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.answer = db.prepare<[string, string, string, string]>(
      `UPDATE "InboxEvent" SET state = ?, replies = ?, updatedAt = ? WHERE key = ? AND state = 'received'`,
    );
    // One transaction for the end of a turn: one commit instead of one per line, one for the state
    // and one for the inbox's answer.
    this.finish = db.transaction(
      (record: ConversationRecord<object>, transcript: readonly TranscriptLine[], receipt: TurnReceipt | undefined): boolean => {
        const now = this.now();
        const at = sqliteDate(now);
        for (const line of transcript)
          this.insertMessage.run(newId(now.getTime()), record.id, line.direction, line.text, encodeAbout(line.about), at);
        if (receipt) this.answer.run(receipt.state, receipt.replies, at, receipt.key);
        return this.update.run(JSON.stringify(record.state), record.language, at, record.id, record.version).changes === 1;
      },
    );
    this.recent = db.prepare<[string, number], { direction: string; text: string; createdAt: unknown }>(
      `SELECT direction, text, createdAt FROM "Message" WHERE conversationId = ? ORDER BY createdAt DESC, id DESC LIMIT ?`,
    );
  }

  open<S extends object>(input: ConversationOpening<S>): Promise<ConversationRecord<S>> {
    return this.sql.run(() => {
      let row = this.byKey.get(input.key);
      if (!row) {
        const at = sqliteDate(this.now());
        // DO NOTHING: another process may have created it a moment ago; then we read theirs.
        this.insert.run(
          newId(),
          input.key,
          input.userId,
          input.surface,
          input.channelId,
          input.threadId ?? null,
          JSON.stringify(input.initial),
          at,
          at,
        );
        row = this.byKey.get(input.key);
        if (!row) throw new Error(`conversation ${input.key} vanished while being created`);
      }
      return toConversationRecord(row, input.initial);
    });
  }

  find<S extends object>(key: string, initial: S): Promise<ConversationRecord<S> | null> {
    return this.sql.run(() => {
      const row = this.byKey.get(key);
      return row ? toConversationRecord(row, initial) : null;
    });
  }

  async finishTurn<S extends object>(
    record: ConversationRecord<S>,
    transcript: readonly TranscriptLine[],
    receipt?: TurnReceipt,
  ): Promise<boolean> {
    // IMMEDIATE: take the write lock at the start, so a busy file fails before any work (and is retried).
    const saved = await this.sql.run(() => this.finish.immediate(record, transcript, receipt));
    if (receipt) receipt.written = true;
    if (saved) record.version += 1;
    return saved;
  }

  async appendMessage(conversationId: string, direction: 'in' | 'out', text: string): Promise<void> {
    const now = this.now();
    await this.sql.run(() => this.insertMessage.run(newId(now.getTime()), conversationId, direction, text, null, sqliteDate(now)));
  }

  async recentMessages(conversationId: string, limit: number) {
    const rows = await this.sql.run(() => this.recent.all(conversationId, limit));
    return rows.reverse().map((r) => ({
      direction: r.direction === 'out' ? ('out' as const) : ('in' as const),
      text: r.text,
      createdAt: readDate(r.createdAt),
    }));
  }
}
