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

  async forget(userRef: string, redact: (text: string, names: string[]) => string) {
    const user = await this.db.user.findUnique({ where: { ref: userRef } });
    if (!user) return { deleted: false, planSectionsAnonymised: 0 };
    const names = user.displayName ? [user.displayName] : [];
    return this.db.$transaction(async (tx) => {
      // Plans belong to the platform: keep the text, drop who wrote it, and remove the person's name.
      const sections = await tx.planSection.findMany({ where: { OR: [{ author: userRef }, ...names.map((name) => ({ text: { contains: name } }))] } });
      for (const s of sections) {
        await tx.planSection.update({
          where: { id: s.id },
          data: {
            ...(s.author === userRef ? { author: null, authorName: null } : {}),
            text: redact(s.text, names),
            value: s.value ? redactValue(s.value, names, redact) : null,
          },
        });
      }
      const revisions = await tx.planRevision.findMany({ where: { OR: [{ author: userRef }, ...names.map((name) => ({ text: { contains: name } }))] } });
      for (const r of revisions) {
        await tx.planRevision.update({ where: { id: r.id }, data: { ...(r.author === userRef ? { author: null, authorName: null } : {}), text: redact(r.text, names) } });
      }
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

function redactValue(json: string, names: string[], redact: (text: string, names: string[]) => string): string {
  try {
    const value = JSON.parse(json) as { text?: string; members?: Array<{ name: string; role: string }> };
    if (typeof value.text === 'string') value.text = redact(value.text, names);
    if (Array.isArray(value.members)) value.members = value.members.map((m) => ({ ...m, name: redact(m.name, names) }));
    return JSON.stringify(value);
  } catch {
    return json;
  }
}
