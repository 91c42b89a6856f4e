/**
 * The domain thesaurus (content/kb/thesaurus.yaml): the words and idioms volunteers use, mapped to
 * the word the knowledge base uses. "budget", "centen" → "subsidie"; "de handdoek in de ring
 * gooien" → "stoppen". A question is rewritten before it is searched, so an entry is found in
 * people's own words without every entry listing every synonym. Replacing (not adding) keeps the
 * number of words in the question the same, so a synonym never dilutes how much of it is matched.
 * Content, not code: coordinators extend it, `kb validate` checks it, `kb herladen` loads it.
 */
import { LineCounter, isMap, isSeq, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Language } from '../language.js';
import type { KbProblem } from './types.js';
import { dutchInfinitive } from './text/verbs.js';

export const THESAURUS_FILE = 'thesaurus.yaml';

const groupSchema = z.strictObject({
  term: z.string().trim().min(1, 'term is empty'),
  also: z.array(z.string().trim().min(1, 'an empty word')).min(1, 'also needs at least one word or phrase'),
});
// Bare years (2017) are words too.
const wordsSchema = z.array(
  z
    .union([z.string(), z.number()])
    .transform((word) => String(word).trim())
    .pipe(z.string().min(1, 'an empty word')),
);
const fileSchema = z.strictObject({
  nl: z.array(groupSchema).default([]),
  en: z.array(groupSchema).default([]),
  chat: z.strictObject({ nl: z.array(groupSchema).default([]), en: z.array(groupSchema).default([]) }).optional(),
  domain: z.strictObject({ nl: wordsSchema.default([]), en: wordsSchema.default([]) }).optional(),
  elsewhere: z.strictObject({ nl: wordsSchema.default([]), en: wordsSchema.default([]) }).optional(),
});

type Groups = ReadonlyArray<{ term: string; also: readonly string[] }>;

export type Thesaurus = Record<Language, Groups> & {
  /**
   * Chat shorthand and Maastrichts ("wnr" → "wanneer", "veer" → "wij", "neet" → "niet"): how a
   * word is written, not what it means. Replaced in the message itself before anything reads it,
   * so the question words, negations and dates they spell count everywhere (see chatWords).
   */
  chat?: Record<Language, Groups> | undefined;
  /**
   * Words that make a message about this domain (buurtnetwerk, subsidie, plan, bestuur, …). A
   * message with none of them that matches nothing is off-topic: the bot says what it can help
   * with instead of offering to forward it. Without the list nothing counts as off-topic.
   */
  domain?: Record<Language, readonly string[]> | undefined;
  /**
   * Words of the municipality's other services (paspoort, parkeervergunning, vuilnisophaal, Wmo-hulp):
   * a message with one of them is about something buurtbot does not do, even when it names the
   * buurtnetwerk or the gemeente ("kan ik een paspoort aanvragen via het buurtnetwerk?").
   */
  elsewhere?: Record<Language, readonly string[]> | undefined;
};

export const EMPTY_THESAURUS: Thesaurus = { nl: [], en: [] };

/** Parses the file; problems name the file and line. An invalid file gives an empty thesaurus. */
export function parseThesaurus(text: string, shown: string): { thesaurus: Thesaurus; problems: KbProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  const yamlError = doc.errors[0];
  if (yamlError)
    return {
      thesaurus: EMPTY_THESAURUS,
      problems: [
        { file: shown, line: lineAt(yamlError.pos[0]), message: `not valid YAML: ${yamlError.message.split('\n')[0]}`, severity: 'error' },
      ],
    };
  const parsed = fileSchema.safeParse(doc.toJS() ?? {});
  if (parsed.success) return { thesaurus: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((issue): KbProblem => {
    // Walk the document along the issue's path to the node it is about, for its line.
    let node: unknown = doc.contents;
    for (const key of issue.path) {
      if (isMap(node)) node = node.get(key, true) ?? node;
      else if (isSeq(node) && typeof key === 'number') node = node.items[key] ?? node;
    }
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return {
      file: shown,
      line: lineAt(range?.[0]),
      message: `${issue.path.join('.') || 'thesaurus'}: ${issue.message}`,
      severity: 'error',
    };
  });
  return { thesaurus: EMPTY_THESAURUS, problems };
}

/** Lowercase, accents off, one space: how phrases are compared. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A word list of both languages (`domain`, `elsewhere`), folded like the messages it is matched in. */
function foldedWords(list: Record<Language, readonly string[]> | undefined): string[] {
  return [...(list?.nl ?? []), ...(list?.en ?? [])].map((word) => fold(word.trim())).filter(Boolean);
}

/**
 * Whether a message mentions the domain at all. Parts of words count ("subsidieaanvraag" has
 * "subsidie", "buurtnetwerken" has "buurtnetwerk"), in either language's list: a message in one
 * language often carries the other's terms. With no list, every message is on topic.
 */
export function domainMatcher(thesaurus: Thesaurus): (message: string) => boolean {
  const words = foldedWords(thesaurus.domain);
  if (words.length === 0) return () => true;
  return (message) => {
    const folded = fold(message);
    return words.some((word) => folded.includes(word));
  };
}

/**
 * Whether a message is about another service of the municipality (the `elsewhere` list), in
 * either language. A listed word counts as a whole word or its plural ("paspoorten"), not as
 * part of another word (the domain list's rule): "bin" is in "binnen".
 */
export function elsewhereMatcher(thesaurus: Thesaurus): (message: string) => boolean {
  const words = foldedWords(thesaurus.elsewhere);
  if (words.length === 0) return () => false;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})(?:s|en|'s)?(?![\\p{L}\\p{N}])`, 'u');
  return (message) => pattern.test(fold(message));
}

/** Like fold, one character at a time, keeping every character's place (for replacing in the original). */
function foldInPlace(text: string): string {
  let folded = '';
  for (const char of text) {
    const one = fold(char);
    folded += one.length === char.length ? one : char;
  }
  return folded;
}

/** A whole-word pattern of phrases, longest first, over folded text; and what each becomes. */
function phraseTable(groups: Groups): { pattern: RegExp; to: Map<string, string> } | undefined {
  const to = new Map<string, string>();
  for (const group of groups) for (const word of group.also) to.set(fold(word.trim()), group.term.trim());
  const phrases = [...to.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return phrases.length ? { pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.join('|')})(?![\\p{L}\\p{N}])`, 'gu'), to } : undefined;
}

/*
 * A message in chat shorthand or Maastrichts ("Wienie mótte veer 't plan inlevere?") is read in
 * standard spelling before anything else looks at it: the question words ("wienie" → "wanneer")
 * tell what kind of fact is asked, a negation ("neet") decides a yes/no answer, and a word the
 * entries never use would count against every one of them. Only the words are replaced; the
 * rest of the message (case, punctuation, emoji) stays, since the sentence analysis reads it.
 * The list of the message's own language applies: "us" is Maastrichts for "ons", and English.
 */
export function chatWords(thesaurus: Thesaurus): (message: string, language: Language) => string {
  const tables = { nl: phraseTable(thesaurus.chat?.nl ?? []), en: phraseTable(thesaurus.chat?.en ?? []) };
  return (message, language) => {
    const table = tables[language];
    if (!table) return message;
    const folded = foldInPlace(message);
    let result = '';
    let from = 0;
    for (const match of folded.matchAll(table.pattern)) {
      const to = table.to.get(match[0]);
      if (to === undefined) continue;
      result += message.slice(from, match.index) + to;
      from = match.index + match[0].length;
    }
    return from === 0 ? message : result + message.slice(from);
  };
}

/** Bound on the memo of verb forms (a long-running bot sees endless new words). */
const VERB_MEMO_LIMIT = 10_000;

/**
 * The Dutch verbs among the single words of the list, by infinitive: "indienen" → "inleveren".
 * A verb is listed once, as people name it, but written in many forms: "het plan is ingediend",
 * "hij kapt ermee". Each form whose infinitive is listed (as a term or under `also`) counts as
 * that word (verbs.ts).
 */
function verbTable(groups: Groups): Map<string, string> {
  const verbs = new Map<string, string>();
  // The term's own forms too: "organiseerde" and "georganiseerd" are "organiseren".
  for (const group of groups)
    for (const word of [group.term, ...group.also]) if (/^\p{L}+en$/u.test(word.trim())) verbs.set(fold(word.trim()), group.term.trim());
  return verbs;
}

/**
 * The question in the knowledge base's words, per language. Longer phrases first ("de handdoek in
 * de ring gooien" before "ring"), whole words only, and a word once replaced is not replaced again.
 */
export function thesaurusRewriter(thesaurus: Thesaurus): (question: string, language: Language) => string {
  const tables = { nl: phraseTable(thesaurus.nl), en: phraseTable(thesaurus.en) };
  const verbs = verbTable(thesaurus.nl);
  // Every word of every question and entry passes here; the same words recur, so remember them.
  const forms = new Map<string, string>();
  const verbForm = (word: string): string => {
    let form = forms.get(word);
    if (form === undefined) {
      const infinitive = dutchInfinitive(word);
      const to = infinitive === undefined ? undefined : verbs.get(infinitive);
      form = to === undefined ? word : fold(to);
      if (forms.size >= VERB_MEMO_LIMIT) forms.clear();
      forms.set(word, form);
    }
    return form;
  };
  return (question, language) => {
    const table = tables[language];
    if (!table) return question;
    const folded = fold(question);
    const parts = folded.split(table.pattern);
    const replaced = [...folded.matchAll(table.pattern)].map((match) => fold(table.to.get(match[0]) ?? match[0]));
    // Only the words between the listed phrases: a word once replaced is not replaced again.
    const between = language === 'nl' && verbs.size > 0 ? parts.map((part) => part.replace(/\p{L}+/gu, verbForm)) : parts;
    return between.reduce((text, part, i) => text + part + (replaced[i] ?? ''), '');
  };
}
