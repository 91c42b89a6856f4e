import type { PersonalData, PrivacyStore } from '../../core/privacy/ports.js';
import { personalChannel } from '../../outbox.js';
import type { Db } from '../prisma-client.js';
import { aboutFilter } from './about.js';

export class PrismaPrivacyStore implements PrivacyStore {
  constructor(private readonly db: Db) {}

  async export(userRef: string): Promise<PersonalData | null> {
    const user = await this.db.user.findUnique({
      where: { ref: userRef },
      include: {
        memberships: { include: { platform: true } },
        questions: { orderBy: { createdAt: 'desc' }, take: 100 },
        _count: { select: { feedback: true } },
      },
    });
    if (!user) return null;
    const own = { conversation: { userId: user.id } };
    const [
      messages,
      oldest,
      sections,
      drafts,
      joins,
      notices,
      sessions,
      recentInbox,
      choices,
      initiatives,
      signups,
      decisions,
      reviewEvents,
    ] = await Promise.all([
      this.db.message.count({ where: own }),
      this.db.message.findFirst({ where: own, orderBy: { createdAt: 'asc' }, select: { createdAt: true } }),
      this.db.planSection.findMany({ where: { author: userRef }, include: { plan: { include: { platform: true } } } }),
      this.db.planDraft.findMany({ where: { userRef } }),
      this.db.joinRequest.findMany({ where: { userRef }, include: { platform: true } }),
      this.db.notice.findMany({
        where: { OR: [aboutFilter(userRef), { channel: personalChannel(userRef) }] },
        orderBy: { createdAt: 'desc' },
        take: 100,
      }),
      this.db.webSession.findMany({ where: { userRef }, orderBy: { lastSeenAt: 'desc' } }),
      this.db.inboxEvent.count({ where: { userRef } }),
      this.db.platformChoice.findMany({ where: { chosenBy: userRef }, include: { platform: true }, orderBy: { chosenAt: 'asc' } }),
      this.db.initiative.findMany({ where: { contact: userRef }, orderBy: { createdAt: 'asc' } }),
      this.db.eventSignup.findMany({ where: { userRef }, orderBy: { createdAt: 'asc' } }),
      this.db.platformDecision.findMany({ where: { decidedBy: userRef }, include: { platform: true }, orderBy: { decidedAt: 'asc' } }),
      this.db.planReview.findMany({
        where: { by: userRef, kind: { not: 'submitted' } },
        include: { plan: { include: { platform: true } } },
        orderBy: { createdAt: 'asc' },
      }),
    ]);
    // Drafts point at their plan by id only (no relation): name the platforms in one query.
    const draftPlans = await this.db.plan.findMany({
      where: { id: { in: [...new Set(drafts.map((d) => d.planId))] } },
      include: { platform: true },
    });
    const platformOf = new Map(draftPlans.map((p) => [p.id, p.platform.name]));
    return {
      user: {
        ref: user.ref,
        displayName: user.displayName,
        language: user.language,
        role: user.role,
        remindersOff: user.remindersOff,
        createdAt: user.createdAt.toISOString(),
      },
      memberships: user.memberships.map((m) => ({ platform: m.platform.name, role: m.role })),
      messages: { count: messages, oldest: oldest?.createdAt.toISOString() ?? null },
      questions: user.questions.map((q) => ({ text: q.text, createdAt: q.createdAt.toISOString() })),
      feedback: user._count.feedback,
      planSections: sections.map((s) => ({ platform: s.plan.platform.name, section: s.sectionId, updatedAt: s.updatedAt.toISOString() })),
      planDrafts: drafts.map((d) => ({
        platform: platformOf.get(d.planId) ?? '?',
        section: d.sectionId,
        updatedAt: d.updatedAt.toISOString(),
      })),
      joinRequests: joins.map((j) => ({ platform: j.platform.name, status: j.status })),
      notices: notices.map((n) => ({ text: n.text, createdAt: n.createdAt.toISOString() })),
      webSessions: sessions.map((s) => ({ createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString() })),
      recentInbox,
      choices: choices.map((c) => ({ platform: c.platform.name, path: c.path, at: c.chosenAt.toISOString() })),
      initiatives: initiatives.map((i) => ({ buurt: i.buurt, createdAt: i.createdAt.toISOString() })),
      eventSignups: signups.map((s) => ({ event: s.eventId, createdAt: s.createdAt.toISOString() })),
      decisions: decisions.map((d) => ({ platform: d.platform.name, outcome: d.outcome, at: d.decidedAt.toISOString() })),
      reviews: reviewEvents.map((r) => ({ platform: r.plan.platform.name, kind: r.kind, at: r.createdAt.toISOString() })),
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
      for (const s of sections)
        await tx.planSection.update({ where: { id: s.id }, data: { author: null, authorName: null, updatedAt: s.updatedAt } });
      await tx.planRevision.updateMany({ where: { author: userRef }, data: { author: null, authorName: null } });
      await tx.planDraft.deleteMany({ where: { userRef } });
      await tx.joinRequest.deleteMany({ where: { userRef } });
      await tx.eventSignup.deleteMany({ where: { userRef } });
      await tx.plan.updateMany({ where: { submittedBy: userRef }, data: { submittedBy: null } });
      await tx.question.deleteMany({ where: { userId: user.id } });
      // What others hold about the person: lines in coordinators' transcripts and notices that name
      // them (marked by the feature that wrote them: `about`), their own notices, and records that
      // keep their id (inbox rows, sign-in sessions and codes, reminder delivery keys). Where others
      // need the record (a join request they decided, a question they answered) only the id goes.
      await tx.message.deleteMany({ where: aboutFilter(userRef) });
      await tx.notice.deleteMany({ where: { OR: [aboutFilter(userRef), { channel: personalChannel(userRef) }] } });
      // This turn's own inbox row goes too: its answer is on its way, it is not redelivered after a crash.
      await tx.inboxEvent.deleteMany({ where: { userRef } });
      await tx.webSession.deleteMany({ where: { userRef } });
      await tx.webLoginCode.deleteMany({ where: { userRef } });
      await tx.delivery.deleteMany({ where: { key: { endsWith: `:user:${userRef}` } } });
      await tx.joinRequest.updateMany({ where: { decidedBy: userRef }, data: { decidedBy: null } });
      await tx.question.updateMany({ where: { repliedBy: userRef }, data: { repliedBy: null } });
      // A keuze and an initiative are the platform's and the buurt's: they stay, without who.
      await tx.platformChoice.updateMany({ where: { chosenBy: userRef }, data: { chosenBy: null } });
      await tx.initiative.updateMany({ where: { contact: userRef }, data: { contact: null } });
      await tx.platformDecision.updateMany({ where: { decidedBy: userRef }, data: { decidedBy: null } });
      // Review comments are the plan's record: they stay, without who wrote them.
      await tx.planReview.updateMany({ where: { by: userRef }, data: { by: null } });
      // Conversations, messages, memberships and feedback go with the user (cascade).
      await tx.user.delete({ where: { id: user.id } });
      return { deleted: true, planSectionsAnonymised: sections.length };
    });
  }

  async pruneOlderThan(before: Date, now: Date) {
    const messages = await this.db.message.deleteMany({ where: { createdAt: { lt: before } } });
    const notices = await this.db.notice.deleteMany({ where: { createdAt: { lt: before } } });
    const sessions = await this.db.webSession.deleteMany({ where: { lastSeenAt: { lt: before } } });
    await this.db.webLoginCode.deleteMany({ where: { expiresAt: { lt: now } } });
    return { messages: messages.count, notices: notices.count, sessions: sessions.count };
  }
}
