import type { ChoiceRecord, DecisionRecord, InitiativeRecord, TransitionStore } from '../../core/transition/ports.js';
import type { Db } from '../prisma-client.js';

export class PrismaTransitionStore implements TransitionStore {
  constructor(private readonly db: Db) {}

  async recordChoice(platformId: string, path: string, by: string, at: Date): Promise<void> {
    await this.db.platformChoice.create({ data: { platformId, path, chosenBy: by, chosenAt: at } });
  }

  async currentChoices(): Promise<Map<string, ChoiceRecord>> {
    // A few choices per platform at most: read them all, newest first, keep the first per platform.
    const rows = await this.db.platformChoice.findMany({ orderBy: [{ chosenAt: 'desc' }, { id: 'desc' }] });
    const names = await this.namesOf(rows.map((r) => r.chosenBy));
    const current = new Map<string, ChoiceRecord>();
    for (const row of rows) if (!current.has(row.platformId)) current.set(row.platformId, toChoice(row, names));
    return current;
  }

  async choiceOf(platformId: string): Promise<ChoiceRecord | null> {
    const row = await this.db.platformChoice.findFirst({ where: { platformId }, orderBy: [{ chosenAt: 'desc' }, { id: 'desc' }] });
    return row ? toChoice(row, await this.namesOf([row.chosenBy])) : null;
  }

  async registerInitiative(input: { buurt: string; contact: string; at: Date }): Promise<InitiativeRecord> {
    const row = await this.db.initiative.create({ data: { buurt: input.buurt, contact: input.contact, createdAt: input.at } });
    return toInitiative(row, await this.namesOf([row.contact]));
  }

  async initiatives(): Promise<InitiativeRecord[]> {
    const rows = await this.db.initiative.findMany({ orderBy: { createdAt: 'asc' } });
    const names = await this.namesOf(rows.map((r) => r.contact));
    return rows.map((r) => toInitiative(r, names));
  }

  async recordDecision(platformId: string, input: { outcome: string; note: string | null; by: string; at: Date }): Promise<void> {
    await this.db.platformDecision.create({ data: { platformId, outcome: input.outcome, note: input.note, decidedBy: input.by, decidedAt: input.at } });
  }

  async currentDecisions(): Promise<Map<string, DecisionRecord>> {
    const rows = await this.db.platformDecision.findMany({ orderBy: [{ decidedAt: 'desc' }, { id: 'desc' }] });
    const names = await this.namesOf(rows.map((r) => r.decidedBy));
    const current = new Map<string, DecisionRecord>();
    for (const row of rows) {
      if (current.has(row.platformId)) continue;
      current.set(row.platformId, { platformId: row.platformId, outcome: row.outcome, note: row.note, by: row.decidedBy, byName: row.decidedBy ? (names.get(row.decidedBy) ?? null) : null, at: row.decidedAt });
    }
    return current;
  }

  /** Display names by ref, read at the moment of showing: a forgotten person's name is gone everywhere. */
  private async namesOf(refs: ReadonlyArray<string | null>): Promise<Map<string, string | null>> {
    const wanted = [...new Set(refs.filter((r): r is string => r !== null))];
    if (wanted.length === 0) return new Map();
    const users = await this.db.user.findMany({ where: { ref: { in: wanted } }, select: { ref: true, displayName: true } });
    return new Map(users.map((u) => [u.ref, u.displayName]));
  }
}

function toChoice(row: { platformId: string; path: string; chosenBy: string | null; chosenAt: Date }, names: Map<string, string | null>): ChoiceRecord {
  return { platformId: row.platformId, path: row.path, by: row.chosenBy, byName: row.chosenBy ? (names.get(row.chosenBy) ?? null) : null, at: row.chosenAt };
}

function toInitiative(row: { id: string; buurt: string; contact: string | null; createdAt: Date }, names: Map<string, string | null>): InitiativeRecord {
  return { id: row.id, buurt: row.buurt, contact: row.contact, contactName: row.contact ? (names.get(row.contact) ?? null) : null, createdAt: row.createdAt };
}
