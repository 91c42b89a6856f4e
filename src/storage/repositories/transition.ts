import type { ChoiceRecord, DecisionRecord, InitiativeRecord, TransitionStore } from '../../core/transition/ports.js';
import type { Db } from '../prisma-client.js';
import { displayNamesOf } from './display-names.js';

export class PrismaTransitionStore implements TransitionStore {
  constructor(private readonly db: Db) {}

  async recordChoice(platformId: string, path: string, by: string, at: Date): Promise<void> {
    await this.db.platformChoice.create({ data: { platformId, path, chosenBy: by, chosenAt: at } });
  }

  async currentChoices(): Promise<Map<string, ChoiceRecord>> {
    // A few choices per platform at most: read them all, newest first, keep the first per platform.
    const rows = await this.db.platformChoice.findMany({ orderBy: [{ chosenAt: 'desc' }, { id: 'desc' }] });
    const names = await displayNamesOf(
      this.db,
      rows.map((r) => r.chosenBy),
    );
    const current = new Map<string, ChoiceRecord>();
    for (const row of rows) if (!current.has(row.platformId)) current.set(row.platformId, toChoice(row, names));
    return current;
  }

  async choiceOf(platformId: string): Promise<ChoiceRecord | null> {
    const row = await this.db.platformChoice.findFirst({ where: { platformId }, orderBy: [{ chosenAt: 'desc' }, { id: 'desc' }] });
    return row ? toChoice(row, await displayNamesOf(this.db, [row.chosenBy])) : null;
  }

  async registerInitiative(input: { buurt: string; contact: string; at: Date }): Promise<InitiativeRecord> {
    const row = await this.db.initiative.create({ data: { buurt: input.buurt, contact: input.contact, createdAt: input.at } });
    return toInitiative(row, await displayNamesOf(this.db, [row.contact]));
  }

  async initiatives(): Promise<InitiativeRecord[]> {
    const rows = await this.db.initiative.findMany({ orderBy: { createdAt: 'asc' } });
    const names = await displayNamesOf(
      this.db,
      rows.map((r) => r.contact),
    );
    return rows.map((r) => toInitiative(r, names));
  }

  async recordDecision(platformId: string, input: { outcome: string; note: string | null; by: string; at: Date }): Promise<void> {
    await this.db.platformDecision.create({
      data: { platformId, outcome: input.outcome, note: input.note, decidedBy: input.by, decidedAt: input.at },
    });
  }

  async currentDecisions(): Promise<Map<string, DecisionRecord>> {
    const rows = await this.db.platformDecision.findMany({ orderBy: [{ decidedAt: 'desc' }, { id: 'desc' }] });
    const names = await displayNamesOf(
      this.db,
      rows.map((r) => r.decidedBy),
    );
    const current = new Map<string, DecisionRecord>();
    for (const row of rows) if (!current.has(row.platformId)) current.set(row.platformId, toDecision(row, names));
    return current;
  }

  async decisionOf(platformId: string): Promise<DecisionRecord | null> {
    const row = await this.db.platformDecision.findFirst({ where: { platformId }, orderBy: [{ decidedAt: 'desc' }, { id: 'desc' }] });
    return row ? toDecision(row, await displayNamesOf(this.db, [row.decidedBy])) : null;
  }
}

function toDecision(
  row: { platformId: string; outcome: string; note: string | null; decidedBy: string | null; decidedAt: Date },
  names: Map<string, string | null>,
): DecisionRecord {
  return {
    platformId: row.platformId,
    outcome: row.outcome,
    note: row.note,
    by: row.decidedBy,
    byName: row.decidedBy ? (names.get(row.decidedBy) ?? null) : null,
    at: row.decidedAt,
  };
}

function toChoice(
  row: { platformId: string; path: string; chosenBy: string | null; chosenAt: Date },
  names: Map<string, string | null>,
): ChoiceRecord {
  return {
    platformId: row.platformId,
    path: row.path,
    by: row.chosenBy,
    byName: row.chosenBy ? (names.get(row.chosenBy) ?? null) : null,
    at: row.chosenAt,
  };
}

function toInitiative(
  row: { id: string; buurt: string; contact: string | null; createdAt: Date },
  names: Map<string, string | null>,
): InitiativeRecord {
  return {
    id: row.id,
    buurt: row.buurt,
    contact: row.contact,
    contactName: row.contact ? (names.get(row.contact) ?? null) : null,
    createdAt: row.createdAt,
  };
}
