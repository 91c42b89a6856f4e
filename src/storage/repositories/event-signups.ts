import type { Attendee, EventSignupStore } from '../../core/events/ports.js';
import type { Db } from '../prisma-client.js';
import { isUniqueViolation } from './unique-violation.js';

export class PrismaEventSignups implements EventSignupStore {
  constructor(private readonly db: Db) {}

  async signUp(eventId: string, userRef: string, at: Date): Promise<boolean> {
    try {
      await this.db.eventSignup.create({ data: { eventId, userRef, createdAt: at } });
      return true;
    } catch (error) {
      // Pressing the button twice (or on two devices) signs up once.
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async signOff(eventId: string, userRef: string): Promise<boolean> {
    return (await this.db.eventSignup.deleteMany({ where: { eventId, userRef } })).count > 0;
  }

  async eventsOf(userRef: string): Promise<string[]> {
    return (await this.db.eventSignup.findMany({ where: { userRef }, select: { eventId: true } })).map((r) => r.eventId);
  }

  async attendees(): Promise<Map<string, Attendee[]>> {
    const rows = await this.db.eventSignup.findMany({ orderBy: { createdAt: 'asc' } });
    const users = await this.db.user.findMany({ where: { ref: { in: [...new Set(rows.map((r) => r.userRef))] } } });
    const byRef = new Map(users.map((u) => [u.ref, u]));
    const out = new Map<string, Attendee[]>();
    for (const row of rows) {
      const user = byRef.get(row.userRef);
      const attendee: Attendee = {
        userRef: row.userRef,
        displayName: user?.displayName ?? null,
        language: user?.language === 'en' ? 'en' : 'nl',
        remindersOff: user?.remindersOff ?? false,
      };
      out.set(row.eventId, [...(out.get(row.eventId) ?? []), attendee]);
    }
    return out;
  }
}
