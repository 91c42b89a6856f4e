/**
 * The letter's "Indicatie omslag" made live: how many platforms are on each path now, next to what
 * the letter expected in autumn 2016. Platforms that have not answered are counted apart from those
 * that answered "no choice yet": the first is a question to ask them, the second an answer.
 */
import type { Bilingual, Language } from '../language.js';
import { fill } from '../texts.js';
import type { ChoiceRecord, DecisionRecord } from './ports.js';
import type { TransitionContent } from './schema.js';

export interface Omslag {
  paths: Array<{ id: string; label: Bilingual; now: number; estimate: number }>;
  /** Platforms that have not recorded any choice. */
  notAnswered: number;
  initiatives: { now: number; estimate: number };
  platforms: number;
  /** The January 2017 decision: platforms per outcome, and how many have none yet. */
  decisions: { outcomes: Array<{ id: string; label: Bilingual; now: number }>; open: number };
}

export function countOmslag(
  content: TransitionContent,
  platformIds: readonly string[],
  records: { choices: ReadonlyMap<string, ChoiceRecord>; decisions: ReadonlyMap<string, DecisionRecord>; initiatives: number },
): Omslag {
  const { choices, decisions, initiatives } = records;
  const counts = new Map<string, number>();
  let notAnswered = 0;
  for (const id of platformIds) {
    const path = choices.get(id)?.path;
    if (path === undefined) notAnswered++;
    else counts.set(path, (counts.get(path) ?? 0) + 1);
  }
  return {
    paths: content.paths.map((p) => ({ id: p.id, label: p.label, now: counts.get(p.id) ?? 0, estimate: p.estimate })),
    notAnswered,
    initiatives: { now: initiatives, estimate: content.initiatives.estimate },
    platforms: platformIds.length,
    decisions: {
      outcomes: content.decision.outcomes.map((o) => ({
        id: o.id,
        label: o.label,
        now: platformIds.filter((id) => decisions.get(id)?.outcome === o.id).length,
      })),
      open: platformIds.filter((id) => !decisions.has(id)).length,
    },
  };
}

const L = {
  nl: {
    decision: 'Besluit januari 2017: {outcomes}; nog geen besluit: {open}',
    line: '{label}: **{now}** (brief: {estimate})',
    notAnswered: 'Nog niets doorgegeven: **{n}** van {total}',
    initiatives: 'Initiatieven in buurten zonder buurtplatform: **{now}** (brief: {estimate})',
  },
  en: {
    decision: 'Decision January 2017: {outcomes}; no decision yet: {open}',
    line: '{label}: **{now}** (letter: {estimate})',
    notAnswered: 'Nothing recorded yet: **{n}** of {total}',
    initiatives: 'Initiatives in buurten without a buurtplatform: **{now}** (letter: {estimate})',
  },
} satisfies Record<Language, Record<string, string>>;

/**
 * The omslag as bullet lines of light Markdown, the same in chat, the digest and its native
 * renderings: each path with its count now and the letter's estimate beside it.
 */
export function omslagLines(omslag: Omslag, language: Language): string[] {
  const t = L[language];
  return [
    ...omslag.paths.map((p) => `- ${fill(t.line, { label: p.label[language], now: p.now, estimate: p.estimate })}`),
    `- ${fill(t.notAnswered, { n: omslag.notAnswered, total: omslag.platforms })}`,
    `- ${fill(t.initiatives, { now: omslag.initiatives.now, estimate: omslag.initiatives.estimate })}`,
    `- ${fill(t.decision, { outcomes: omslag.decisions.outcomes.map((o) => `${o.label[language]} **${o.now}**`).join(', '), open: omslag.decisions.open })}`,
  ];
}
