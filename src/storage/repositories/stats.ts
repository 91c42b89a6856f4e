import type { ActivityStats, StatsSource } from '../../core/digest/ports.js';
import type { ProgressEvents } from '../../core/digest/progress-history.js';
import type { Db } from '../prisma-client.js';

export class PrismaStatsSource implements StatsSource {
  constructor(private readonly db: Db) {}

  async progressEvents(): Promise<ProgressEvents> {
    // The first revision of a part is when it was first answered; the first choice of a platform is when it chose.
    const [parts, choices] = await Promise.all([
      this.db.planRevision.groupBy({ by: ['planId', 'sectionId'], _min: { createdAt: true } }),
      this.db.platformChoice.groupBy({ by: ['platformId'], _min: { chosenAt: true } }),
    ]);
    return {
      partsWritten: parts.flatMap((p) => (p._min.createdAt ? [p._min.createdAt] : [])),
      firstChoices: choices.flatMap((c) => (c._min.chosenAt ? [c._min.chosenAt] : [])),
    };
  }

  async activity(since: Date, until: Date): Promise<ActivityStats> {
    const period = { gte: since, lte: until };
    const [questions, waiting, negative, deliveries, failures, usage, submitted, revised] = await Promise.all([
      this.db.question.findMany({ where: { createdAt: period }, orderBy: { createdAt: 'asc' }, take: 5000 }),
      this.db.question.findMany({
        where: { forwarded: true, repliedAt: null },
        include: { user: true },
        orderBy: { createdAt: 'asc' },
        take: 50,
      }),
      this.db.feedback.findMany({
        where: { helpful: false, createdAt: period },
        include: { question: true },
        orderBy: { createdAt: 'asc' },
        take: 50,
      }),
      this.db.delivery.groupBy({ by: ['status'], where: { kind: 'reminder', updatedAt: period }, _count: { _all: true } }),
      this.db.delivery.findMany({ where: { kind: 'reminder', status: 'failed', updatedAt: period }, take: 10 }),
      this.db.modelUsage.findMany({ where: { createdAt: period } }),
      this.db.plan.findMany({ where: { submittedAt: period }, include: { platform: true } }),
      this.db.plan.findMany({ where: { revisedAt: period, status: 'revised' }, include: { platform: true } }),
    ]);
    const count = (status: string) => deliveries.find((d) => d.status === status)?._count._all ?? 0;
    return {
      questions: questions.map((q) => ({
        text: q.text,
        language: q.language === 'en' ? 'en' : 'nl',
        answered: q.answered,
        offTopic: q.offTopic,
        topics: q.topics ? q.topics.split(',') : [],
        forwarded: q.forwarded,
        createdAt: q.createdAt,
      })),
      waitingForCoordinator: waiting.map((q) => ({
        id: q.id,
        text: q.text,
        asker: q.user?.displayName ?? q.user?.ref ?? null,
        createdAt: q.createdAt,
      })),
      negativeFeedback: negative.map((f) => ({ question: f.question.text, reason: f.reason, createdAt: f.createdAt })),
      deliveries: {
        sent: count('sent'),
        failed: count('failed'),
        skipped: count('skipped'),
        failures: failures.map((f) => ({ target: f.target, error: f.lastError })),
      },
      modelUsage: usage.length
        ? {
            requests: usage.length,
            failures: usage.filter((u) => !u.ok).length,
            promptTokens: usage.reduce((a, u) => a + u.promptTokens, 0),
            completionTokens: usage.reduce((a, u) => a + u.completionTokens, 0),
          }
        : null,
      plansChanged: [
        ...submitted
          .filter((p) => p.submittedAt)
          .map((p) => ({ platform: p.platform.name, status: 'submitted' as const, at: p.submittedAt as Date })),
        ...revised
          .filter((p) => p.revisedAt)
          .map((p) => ({ platform: p.platform.name, status: 'revised' as const, at: p.revisedAt as Date })),
      ].sort((a, b) => a.at.getTime() - b.at.getTime()),
    };
  }
}
