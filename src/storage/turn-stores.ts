/**
 * The stores every chat turn touches, picked per database: on the embedded SQLite default the
 * per-turn statements go through a direct connection (sqlite/connection.ts explains the cost);
 * on PostgreSQL through Prisma, as everything else. Both pass the same storage tests.
 */
import type { Inbox } from '../core/inbox.js';
import type { ConversationStore, UserStore } from '../core/ports.js';
import type { Database } from './database.js';
import { PrismaConversationStore } from './repositories/conversations.js';
import { PrismaInbox } from './repositories/inbox.js';
import { PrismaQuestionStore } from './repositories/questions.js';
import { PrismaUserStore } from './repositories/users.js';
import { SqliteConversationStore } from './sqlite/conversations.js';
import { SqliteInbox } from './sqlite/inbox.js';
import { SqliteQuestionStore } from './sqlite/questions.js';
import { SqliteUserStore } from './sqlite/users.js';

export interface TurnStores {
  users: UserStore;
  conversations: ConversationStore;
  inbox: Inbox;
  questions: PrismaQuestionStore;
}

export function createTurnStores(database: Database): TurnStores {
  const { db, sqlite } = database;
  if (sqlite) {
    return {
      users: new SqliteUserStore(sqlite),
      conversations: new SqliteConversationStore(sqlite),
      inbox: new SqliteInbox(sqlite),
      questions: new SqliteQuestionStore(db, sqlite),
    };
  }
  return {
    users: new PrismaUserStore(db),
    conversations: new PrismaConversationStore(db),
    inbox: new PrismaInbox(db),
    questions: new PrismaQuestionStore(db),
  };
}
