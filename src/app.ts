/**
 * The composition root: the one place that builds the parts and wires them together. Nothing is
 * created at import time anywhere else; tests build an App the same way with their own clock and
 * database.
 */
import type { Clock } from './core/clock.js';
import { systemClock } from './core/clock.js';
import { Dispatcher } from './core/dispatcher.js';
import { ConversationEngine } from './core/engine.js';
import { HelpFeature } from './core/features/help.js';
import { LanguageFeature } from './core/features/language.js';
import type { Feature } from './core/turn.js';
import type { Logger } from './core/ports.js';
import type { Config } from './config/load.js';
import { openDatabase, type Database } from './storage/database.js';
import { PrismaConversationStore } from './storage/repositories/conversations.js';
import { PrismaEventLedger } from './storage/repositories/event-ledger.js';
import { PrismaNoticeStore } from './storage/repositories/notices.js';
import { PrismaUserStore } from './storage/repositories/users.js';
import { simpleLanguageGuess } from './core/simple-language.js';

export interface App {
  config: Config;
  logger: Logger;
  clock: Clock;
  database: Database;
  users: PrismaUserStore;
  conversations: PrismaConversationStore;
  notices: PrismaNoticeStore;
  ledger: PrismaEventLedger;
  engine: ConversationEngine;
  dispatcher: Dispatcher;
  close(): Promise<void>;
}

export interface AppOptions {
  clock?: Clock;
  logger: Logger;
  /** Apply pending migrations (PostgreSQL); embedded SQLite always migrates. */
  migrate?: boolean;
}

export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger;
  const database = await openDatabase({ url: config.DATABASE_URL, rootDir: config.rootDir, migrate: options.migrate ?? config.BUURTBOT_AUTO_MIGRATE });
  if (database.migrations?.applied.length) logger.info({ applied: database.migrations.applied }, 'database migrated');
  const db = database.db;
  const users = new PrismaUserStore(db);
  const conversations = new PrismaConversationStore(db);
  const notices = new PrismaNoticeStore(db);
  const ledger = new PrismaEventLedger(db);

  const features: Feature[] = [];
  const help = new HelpFeature(() => features);
  features.push(new LanguageFeature(users), help);

  const engine = new ConversationEngine({
    users,
    conversations,
    features,
    clock,
    logger,
    detectLanguage: simpleLanguageGuess,
    maxMessageLength: config.MAX_MESSAGE_LENGTH,
  });
  const dispatcher = new Dispatcher({ handler: (m) => engine.handle(m), logger, ledger });

  return {
    config,
    logger,
    clock,
    database,
    users,
    conversations,
    notices,
    ledger,
    engine,
    dispatcher,
    async close() {
      await dispatcher.idle();
      await database.close();
    },
  };
}
