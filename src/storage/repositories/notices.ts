import type { NoticeStore } from '../../core/ports.js';
import type { Db } from '../prisma-client.js';
import { encodeAbout } from './about.js';

export class PrismaNoticeStore implements NoticeStore {
  constructor(private readonly db: Db) {}

  async post(channel: string, text: string, about?: readonly string[]): Promise<void> {
    await this.db.notice.create({ data: { channel, text, about: encodeAbout(about) } });
  }

  async since(channel: string, after: Date | undefined, limit: number) {
    const rows = await this.db.notice.findMany({
      where: { channel, ...(after ? { createdAt: { gt: after } } : {}) },
      orderBy: { createdAt: after ? 'asc' : 'desc' },
      take: limit,
    });
    const ordered = after ? rows : rows.reverse();
    return ordered.map((r) => ({ text: r.text, createdAt: r.createdAt }));
  }
}
