import type { JoinRequestRecord, MemberRecord, MemberRole, PlatformRecord, PlatformStore } from '../../core/platforms/ports.js';
import { slugify } from '../../core/platforms/slug.js';
import type { Db } from '../prisma-client.js';
import { isUniqueViolation } from './unique-violation.js';

type PlatformRow = { id: string; slug: string; name: string; buurt: string | null };
const toPlatform = (r: PlatformRow): PlatformRecord => ({ id: r.id, slug: r.slug, name: r.name, buurt: r.buurt });
const toRole = (role: string): MemberRole => (role === 'coordinator' ? 'coordinator' : 'board');

export class PrismaPlatformStore implements PlatformStore {
  constructor(private readonly db: Db) {}

  async create(input: { name: string; buurt?: string | undefined }): Promise<PlatformRecord> {
    const name = input.name.trim();
    if (!name) throw new Error('a platform needs a name');
    const base = slugify(name);
    // Two platforms may share a name; their slugs must not.
    for (let n = 1; n < 100; n++) {
      const slug = n === 1 ? base : `${base}-${n}`;
      try {
        return toPlatform(await this.db.platform.create({ data: { slug, name, buurt: input.buurt?.trim() || null } }));
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    throw new Error(`no free slug for ${name}`);
  }

  async list() {
    const rows = await this.db.platform.findMany({ orderBy: { name: 'asc' }, include: { _count: { select: { memberships: true } } } });
    return rows.map((r) => ({ ...toPlatform(r), members: r._count.memberships }));
  }

  async bySlug(slug: string): Promise<PlatformRecord | null> {
    const row = await this.db.platform.findUnique({ where: { slug } });
    return row ? toPlatform(row) : null;
  }

  async find(query: string): Promise<PlatformRecord | null> {
    const wanted = slugify(query);
    const exact = await this.bySlug(wanted);
    if (exact) return exact;
    const all = await this.db.platform.findMany();
    const matches = all.filter(
      (p) => slugify(p.name) === wanted || p.slug.startsWith(wanted) || (p.buurt !== null && slugify(p.buurt) === wanted),
    );
    return matches.length === 1 && matches[0] ? toPlatform(matches[0]) : null;
  }

  async addMember(platformId: string, userRef: string, role: MemberRole): Promise<void> {
    const user = await this.db.user.upsert({ where: { ref: userRef }, create: { ref: userRef }, update: {} });
    await this.db.membership.upsert({
      where: { platformId_userId: { platformId, userId: user.id } },
      create: { platformId, userId: user.id, role },
      update: { role },
    });
  }

  async removeMember(platformId: string, userRef: string): Promise<boolean> {
    const user = await this.db.user.findUnique({ where: { ref: userRef } });
    if (!user) return false;
    const result = await this.db.membership.deleteMany({ where: { platformId, userId: user.id } });
    return result.count > 0;
  }

  async membershipsOf(userRef: string) {
    const rows = await this.db.membership.findMany({
      where: { user: { ref: userRef } },
      include: { platform: true },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((r) => ({ platform: toPlatform(r.platform), role: toRole(r.role) }));
  }

  async members(platformId: string): Promise<MemberRecord[]> {
    const rows = await this.db.membership.findMany({ where: { platformId }, include: { user: true }, orderBy: { createdAt: 'asc' } });
    return rows.map((r) => ({
      userRef: r.user.ref,
      displayName: r.user.displayName,
      role: toRole(r.role),
      remindersOff: r.user.remindersOff,
      language: r.user.language === 'en' ? 'en' : r.user.language === 'nl' ? 'nl' : null,
    }));
  }

  async requestJoin(platformId: string, userRef: string): Promise<JoinRequestRecord> {
    const existing = await this.db.joinRequest.findFirst({
      where: { platformId, userRef, status: 'pending' },
      include: { platform: true },
    });
    const row = existing ?? (await this.db.joinRequest.create({ data: { platformId, userRef }, include: { platform: true } }));
    return this.toJoin(row);
  }

  async joinRequest(id: string): Promise<JoinRequestRecord | null> {
    const row = await this.db.joinRequest.findUnique({ where: { id }, include: { platform: true } });
    return row ? this.toJoin(row) : null;
  }

  async pendingJoinRequests(): Promise<JoinRequestRecord[]> {
    const rows = await this.db.joinRequest.findMany({
      where: { status: 'pending' },
      include: { platform: true },
      orderBy: { createdAt: 'asc' },
    });
    return Promise.all(rows.map((r) => this.toJoin(r)));
  }

  async decideJoin(id: string, approve: boolean, by: string): Promise<JoinRequestRecord | null> {
    const request = await this.db.joinRequest.findUnique({ where: { id } });
    if (!request || request.status !== 'pending') return null;
    // Only the first decision counts, even when two coordinators click at once.
    const updated = await this.db.joinRequest.updateMany({
      where: { id, status: 'pending' },
      data: { status: approve ? 'approved' : 'rejected', decidedBy: by, decidedAt: new Date() },
    });
    if (updated.count === 0) return null;
    if (approve) await this.addMember(request.platformId, request.userRef, 'board');
    return this.joinRequest(id);
  }

  private async toJoin(row: {
    id: string;
    userRef: string;
    status: string;
    createdAt: Date;
    platform: PlatformRow;
  }): Promise<JoinRequestRecord> {
    const user = await this.db.user.findUnique({ where: { ref: row.userRef } });
    return {
      id: row.id,
      platform: toPlatform(row.platform),
      userRef: row.userRef,
      displayName: user?.displayName ?? null,
      status: row.status === 'approved' ? 'approved' : row.status === 'rejected' ? 'rejected' : 'pending',
      createdAt: row.createdAt,
    };
  }
}
