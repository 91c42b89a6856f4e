/**
 * Moving through the plan in chat: what to ask next, going back, and jumping to a section by
 * number or name ("3", "bestuur", "the board", "geld").
 */
import type { Language } from '../language.js';
import { isAnswered, isSkipped, type PlanState } from './plan-state.js';
import type { PlanSection, PlanTemplate } from './template-schema.js';
import { editDistance, foldedWords } from './text-fold.js';

/**
 * The next section to ask: the first required section that is neither answered nor skipped,
 * else the first such optional one. The search starts after `afterId` and wraps around to the
 * start (ending with `afterId` itself), so answering section 4 moves on to 5 while an open
 * section 2 still comes back later. Skipped sections are never returned: the chat flow should
 * clear `skipped` when someone returns to one; `overview().missing` still lists skipped required
 * sections. Undefined when nothing is left to ask.
 */
export function nextOpenSection(template: PlanTemplate, state: PlanState, afterId?: string): PlanSection | undefined {
  const { sections } = template;
  const start = afterId === undefined ? 0 : sections.findIndex((section) => section.id === afterId) + 1;
  const order = [...sections.slice(start), ...sections.slice(0, start)];
  const open = order.filter((section) => !isAnswered(section, state) && !isSkipped(section, state));
  return open.find((section) => section.required) ?? open[0];
}

/** The section before `currentId` in template order; undefined at the first or for an unknown id. */
export function previousSection(template: PlanTemplate, currentId: string): PlanSection | undefined {
  const index = template.sections.findIndex((section) => section.id === currentId);
  return index > 0 ? template.sections[index - 1] : undefined;
}

/** 1-based position, the number people type ("3"); 0 for an unknown id. */
export function sectionNumber(template: PlanTemplate, id: string): number {
  return template.sections.findIndex((section) => section.id === id) + 1;
}

// Words people put around a section name: "ga naar sectie 3", "go to the board".
const LEAD_WORDS = new Set([
  'ga',
  'naar',
  'go',
  'to',
  'sectie',
  'section',
  'onderdeel',
  'deel',
  'vraag',
  'stap',
  'step',
  'question',
  'part',
  'nummer',
  'number',
  'nr',
  'no',
  'hoofdstuk',
  'chapter',
  'de',
  'het',
  'een',
  'the',
  'a',
  'an',
  'jullie',
  'your',
  'ons',
  'onze',
  'our',
]);

// Words that carry no meaning when matching titles.
const STOP_WORDS = new Set([
  'de',
  'het',
  'een',
  'en',
  'van',
  'voor',
  'met',
  'over',
  'op',
  'naar',
  'the',
  'a',
  'an',
  'and',
  'of',
  'for',
  'with',
  'about',
  'to',
  'your',
  'jullie',
  'our',
  'onze',
]);

const ORDINALS: Record<string, number> = {
  eerste: 1,
  tweede: 2,
  derde: 3,
  vierde: 4,
  vijfde: 5,
  zesde: 6,
  zevende: 7,
  achtste: 8,
  negende: 9,
  tiende: 10,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  een: 1,
  twee: 2,
  drie: 3,
  vier: 4,
  vijf: 5,
  zes: 6,
  zeven: 7,
  acht: 8,
  negen: 9,
  tien: 10,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

function stripLeadWords(words: string[]): string[] {
  let index = 0;
  while (index < words.length - 1 && LEAD_WORDS.has(words[index] ?? '')) index++;
  return words.slice(index);
}

function contentWords(words: readonly string[]): string[] {
  return words.filter((word) => !STOP_WORDS.has(word));
}

/** How well one query word fits one title word: 3 exact, 2 prefix, 1 a typo away, 0 not. */
function wordFit(query: string, word: string): number {
  if (query === word) return 3;
  const [short, long] = query.length <= word.length ? [query, word] : [word, query];
  // "bestuur" finds "bestuursleden" and the other way round; "ge" is too short to mean anything.
  if (short.length >= 3 && long.startsWith(short) && (short === query || short.length >= 5)) return 2;
  const allowed = query.length >= 7 ? 2 : query.length >= 4 ? 1 : 0;
  return allowed > 0 && editDistance(query, word, allowed + 1) <= allowed ? 1 : 0;
}

interface Scored {
  section: PlanSection;
  score: number;
}

function scoreSection(section: PlanSection, queryWords: string[], language: Language): number {
  const phrase = queryWords.join(' ');
  const idWords = section.id.split('-');
  let best = 0;
  for (const lang of ['nl', 'en'] as const) {
    const titleWords = stripLeadWords(foldedWords(section.title[lang]));
    const title = titleWords.join(' ');
    const bonus = lang === language ? 1 : 0;
    if (phrase === title) best = Math.max(best, 100 + bonus);
    else if (phrase.length >= 3 && title.startsWith(phrase)) best = Math.max(best, 80 + bonus);
    const wanted = contentWords(queryWords);
    const available = contentWords([...titleWords, ...idWords]);
    if (wanted.length === 0 || available.length === 0) continue;
    const fits = wanted.map((query) => Math.max(0, ...available.map((word) => wordFit(query, word))));
    const matched = fits.filter((fit) => fit > 0).length;
    if (matched === wanted.length) {
      const strength = Math.min(...fits); // 3, 2 or 1
      best = Math.max(best, 30 + strength * 10 + bonus);
    } else if (matched * 2 >= wanted.length && matched >= 1) {
      best = Math.max(best, 20 + bonus);
    }
  }
  return best;
}

/**
 * Find a section from what someone typed: its number ("3", "sectie 3", "derde"), its id, or
 * (the start of) its title in either language, ignoring case, accents and a typo. When two
 * sections fit equally, the one whose title in the user's language fits wins, then template order.
 */
export function findSection(template: PlanTemplate, query: string, language: Language): PlanSection | undefined {
  const trimmed = query.trim().toLowerCase();
  const byId = template.sections.find((section) => section.id === trimmed);
  if (byId !== undefined) return byId;

  const words = stripLeadWords(foldedWords(query));
  if (words.length === 0) return undefined;
  if (words.length === 1) {
    const only = words[0] ?? '';
    const number = /^\d+$/.test(only) ? Number(only) : ORDINALS[only];
    // Out of range ("2017") falls through to the titles, where "2017-2018" may match.
    const byNumber = number === undefined ? undefined : template.sections[number - 1];
    if (byNumber !== undefined) return byNumber;
  }

  const scored: Scored[] = template.sections.map((section) => ({ section, score: scoreSection(section, words, language) }));
  const best = scored.reduce<Scored | undefined>((top, item) => (top === undefined || item.score > top.score ? item : top), undefined);
  // Below 20 nothing fitted; a half match (20-21) counts only when it is the sole candidate.
  if (best === undefined || best.score < 20) return undefined;
  if (best.score < 30 && scored.filter((item) => item.score >= 20).length > 1) return undefined;
  return best.section;
}
