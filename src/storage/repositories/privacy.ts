import type { PersonalData, PrivacyStore } from '../../core/privacy/ports.js';
import type { Db } from '../prisma-client.js';

export class PrismaPrivacyStore implements PrivacyStore {
  constructor(private readonly db: Db) {}

  async export(userRef: string): Promise<PersonalData | null> {
    const user = await this.db.user.findUnique({
      where: { ref: userRef },
      include: { memberships: { include: { platform: true } }, questions: { orderBy: { createdAt: 'desc' }, take: 100 }, _count: { select: { feedback: true } } },
    });
    if (!user) return null;
    const messages = await this.db.message.count({ where: { conversation: { userId: user.id } } });
    const sections = await this.db.planSection.findMany({ where: { author: userRef }, include: { plan: { include: { platform: true } } } });
    const joins = await this.db.joinRequest.findMany({ where: { userRef }, include: { platform: true } });
    return {
      user: { ref: user.ref, displayName: user.displayName, language: user.language, role: user.role, remindersOff: user.remindersOff, createdAt: user.createdAt.toISOString() },
      memberships: user.memberships.map((m) => ({ platform: m.platform.name, role: m.role })),
      messages,
      questions: user.questions.map((q) => ({ text: q.text, createdAt: q.createdAt.toISOString() })),
      feedback: user._count.feedback,
      planSections: sections.map((s) => ({ platform: s.plan.platform.name, section: s.sectionId, updatedAt: s.updatedAt.toISOString() })),
      joinRequests: joins.map((j) => ({ platform: j.platform.name, status: j.status })),
    };
  }

  async forget(userRef: string) {
    const user = await this.db.user.findUnique({ where: { ref: userRef } });
    if (!user) return { deleted: false, planSectionsAnonymised: 0 };
    return this.db.$transaction(async (tx) => {
      // Plans belong to the platform: the text stays as written (restorable history), only the
      // authorship of the person's own rows goes. Nothing is matched by name.
      const sections = await tx.planSection.findMany({ where: { author: userRef }, select: { id: true, updatedAt: true } });
      // Row by row, keeping updatedAt: dropping a name is not an edit of the plan ("last edited" stays true).
      for (const s of sections) await tx.planSection.update({ where: { id: s.id }, data: { author: null, authorName: null, updatedAt: s.updatedAt } });
      await tx.planRevision.updateMany({ where: { author: userRef }, data: { author: null, authorName: null } });
      await tx.planDraft.deleteMany({ where: { userRef } });
      await tx.joinRequest.deleteMany({ where: { userRef } });
      await tx.plan.updateMany({ where: { submittedBy: userRef }, data: { submittedBy: null } });
      await tx.question.deleteMany({ where: { userId: user.id } });
      // Conversations, messages, memberships and feedback go with the user (cascade).
      await tx.user.delete({ where: { id: user.id } });
      return { deleted: true, planSectionsAnonymised: sections.length };
    });
  }

  async pruneMessages(before: Date): Promise<number> {
    const result = await this.db.message.deleteMany({ where: { createdAt: { lt: before } } });
    return result.count;
  }
}
