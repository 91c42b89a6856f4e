import type { Language } from '../../core/language.js';
import type { QuestionRecord, QuestionStore } from '../../core/answering/ports.js';
import type { Db } from '../prisma-client.js';

type Row = {
  id: string;
  text: string;
  language: string;
  answered: boolean;
  confidence: number;
  answer: string;
  topics: string;
  forwarded: boolean;
  reply: string | null;
  createdAt: Date;
  user: { ref: string; displayName: string | null } | null;
};

const toRecord = (r: Row): QuestionRecord => ({
  id: r.id,
  userRef: r.user?.ref ?? null,
  askerName: r.user?.displayName ?? null,
  text: r.text,
  language: (r.language === 'en' ? 'en' : 'nl') satisfies Language,
  answered: r.answered,
  confidence: r.confidence,
  answer: r.answer,
  topics: r.topics ? r.topics.split(',') : [],
  forwarded: r.forwarded,
  reply: r.reply,
  createdAt: r.createdAt,
});

const withUser = { user: { select: { ref: true, displayName: true } } } as const;

export class PrismaQuestionStore implements QuestionStore {
  constructor(private readonly db: Db) {}

  async record(input: Parameters<QuestionStore['record']>[0]): Promise<string> {
    const row = await this.db.question.create({
      data: {
        userId: input.userId,
        conversationId: input.conversationId,
        text: input.text,
        language: input.language,
        answered: input.answered,
        confidence: input.confidence,
        answer: input.answer,
        topics: input.topics.join(','),
        via: input.via,
        offTopic: input.offTopic === true,
        createdAt: input.at,
      },
    });
    return row.id;
  }

  async get(id: string): Promise<QuestionRecord | null> {
    const row = await this.db.question.findUnique({ where: { id }, include: withUser });
    return row ? toRecord(row) : null;
  }

  async feedback(questionId: string, userRef: string, helpful: boolean, at: Date): Promise<string> {
    const user = await this.db.user.findUnique({ where: { ref: userRef } });
    const row = await this.db.feedback.create({ data: { questionId, userId: user?.id ?? null, helpful, createdAt: at } });
    return row.id;
  }

  async feedbackReason(feedbackId: string, reason: string): Promise<void> {
    await this.db.feedback.update({ where: { id: feedbackId }, data: { reason: reason.slice(0, 1000) } });
  }

  async forward(questionId: string, at: Date): Promise<boolean> {
    const result = await this.db.question.updateMany({
      where: { id: questionId, forwarded: false },
      data: { forwarded: true, forwardedAt: at },
    });
    return result.count === 1;
  }

  async waitingForCoordinator(limit: number): Promise<QuestionRecord[]> {
    const rows = await this.db.question.findMany({
      where: { forwarded: true, repliedAt: null },
      include: withUser,
      orderBy: { createdAt: 'asc' },
      take: limit,
    });
    return rows.map(toRecord);
  }

  async reply(questionId: string, text: string, by: string, at: Date): Promise<QuestionRecord | null> {
    const result = await this.db.question.updateMany({ where: { id: questionId }, data: { reply: text, repliedBy: by, repliedAt: at } });
    return result.count ? this.get(questionId) : null;
  }

  async findForwardedByShortId(short: string): Promise<QuestionRecord | null> {
    if (!/^[a-z0-9]{4,}$/.test(short)) return null;
    const rows = await this.db.question.findMany({ where: { forwarded: true, id: { endsWith: short } }, include: withUser, take: 2 });
    return rows.length === 1 && rows[0] ? toRecord(rows[0]) : null;
  }
}
