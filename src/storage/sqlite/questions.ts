import type { QuestionStore } from '../../core/answering/ports.js';
import type { Db } from '../prisma-client.js';
import { PrismaQuestionStore } from '../repositories/questions.js';
import type { SqliteTurnConnection } from './connection.js';
import { newId, sqliteBool, sqliteDate } from './values.js';

/**
 * The question log with its one per-turn write (every question asked) on the direct SQLite
 * connection (see connection.ts); the rest (feedback, forwarding, coordinator replies: rare) on Prisma.
 */
export class SqliteQuestionStore extends PrismaQuestionStore {
  private readonly insert;

  constructor(
    db: Db,
    private readonly sql: SqliteTurnConnection,
  ) {
    super(db);
    this.insert = sql.db.prepare<[string, string, string, string, string, number, number, string, string, string, number, string]>(
      `INSERT INTO "Question" (id, userId, conversationId, text, language, answered, confidence, answer, topics, via, offTopic, createdAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  override async record(input: Parameters<QuestionStore['record']>[0]): Promise<string> {
    const id = newId();
    await this.sql.run(() =>
      this.insert.run(
        id,
        input.userId,
        input.conversationId,
        input.text,
        input.language,
        sqliteBool(input.answered),
        input.confidence,
        input.answer,
        input.topics.join(','),
        input.via,
        sqliteBool(input.offTopic === true),
        sqliteDate(input.at),
      ),
    );
    return id;
  }
}
