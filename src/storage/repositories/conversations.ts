import type { Language } from '../../core/language.js';
import type { TurnReceipt } from '../../core/inbox.js';
import type { ConversationOpening, ConversationRecord, ConversationStore, TranscriptLine } from '../../core/ports.js';
import { encodeAbout } from './about.js';
import type { Db } from '../prisma-client.js';
import { isUniqueViolation } from './unique-violation.js';

export class PrismaConversationStore implements ConversationStore {
  constructor(private readonly db: Db) {}

  async open<S extends object>(input: ConversationOpening<S>): Promise<ConversationRecord<S>> {
    // Read first: almost every turn continues a conversation, and one SELECT is far cheaper than
    // an upsert (which Prisma runs as a transaction of several statements).
    const row =
      (await this.db.conversation.findUnique({ where: { key: input.key } })) ??
      (await this.create(input).catch(async (error: unknown) => {
        // Two first messages at once: the other one created it.
        if (!isUniqueViolation(error)) throw error;
        return this.db.conversation.findUniqueOrThrow({ where: { key: input.key } });
      }));
    return toConversationRecord(row, input.initial);
  }

  async find<S extends object>(key: string, initial: S): Promise<ConversationRecord<S> | null> {
    const row = await this.db.conversation.findUnique({ where: { key } });
    return row ? toConversationRecord(row, initial) : null;
  }

  private create(input: ConversationOpening<object>) {
    return this.db.conversation.create({
      data: {
        key: input.key,
        userId: input.userId,
        surface: input.surface,
        channelId: input.channelId,
        threadId: input.threadId ?? null,
        state: JSON.stringify(input.initial),
      },
    });
  }

  async finishTurn<S extends object>(
    record: ConversationRecord<S>,
    transcript: readonly TranscriptLine[],
    receipt?: TurnReceipt,
  ): Promise<boolean> {
    // Compare-and-set on version: a concurrent writer (another instance) is detected, not overwritten.
    // createMany gives all lines one createdAt; separate creates keep them in order.
    const results = await this.db.$transaction([
      ...transcript.map(({ direction, text, about }) =>
        this.db.message.create({ data: { conversationId: record.id, direction, text, about: encodeAbout(about) }, select: { id: true } }),
      ),
      // The inbox row's answer commits with the state: a crash never leaves a turn half done.
      ...(receipt
        ? [
            this.db.inboxEvent.updateMany({
              where: { key: receipt.key, state: 'received' },
              data: { state: receipt.state, replies: receipt.replies, updatedAt: new Date() },
            }),
          ]
        : []),
      this.db.conversation.updateMany({
        where: { id: record.id, version: record.version },
        data: { state: JSON.stringify(record.state), language: record.language, version: { increment: 1 } },
      }),
    ]);
    const saved = (results.at(-1) as { count: number } | undefined)?.count === 1;
    if (receipt) receipt.written = true;
    if (saved) record.version += 1;
    return saved;
  }

  async appendMessage(conversationId: string, direction: 'in' | 'out', text: string): Promise<void> {
    await this.db.message.create({ data: { conversationId, direction, text } });
  }

  async recentMessages(conversationId: string, limit: number) {
    const rows = await this.db.message.findMany({
      where: { conversationId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
    });
    return rows
      .reverse()
      .map((r) => ({ direction: r.direction === 'out' ? ('out' as const) : ('in' as const), text: r.text, createdAt: r.createdAt }));
  }
}

/** A stored conversation row as the core sees it (both storage paths read the same columns). */
export function toConversationRecord<S>(
  row: { id: string; key: string; language: string; state: string; version: number },
  initial: S,
): ConversationRecord<S> {
  return {
    id: row.id,
    key: row.key,
    language: (row.language === 'en' ? 'en' : 'nl') satisfies Language,
    state: parseState(row.state, initial),
    version: row.version,
  };
}

function parseState<S>(json: string, fallback: S): S {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' ? (value as S) : fallback;
  } catch {
    return fallback;
  }
}
