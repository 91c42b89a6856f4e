import type { Language } from '../language.js';

/** What an entry is: a fact from the letter, a glossary term, or a question volunteers ask. */
export type KbKind = 'fact' | 'glossary' | 'faq';

/** One curated knowledge-base entry: a Markdown file with YAML front matter. */
export interface KbEntry {
  /** Unique, `<topic>-<lang>`. */
  id: string;
  /** Shared by the Dutch and English twin of the same entry. */
  topic: string;
  language: Language;
  kind: KbKind;
  title: string;
  tags: string[];
  /** Ways people ask for this entry, in their own words (optional; searched like the title and tags). */
  questions?: string[];
  /** Yes/no questions the entry answers with yes, and with no (searched like `questions`; the answer starts with "Ja."/"Nee."). */
  yes?: string[];
  no?: string[];
  /** Where the fact comes from (document and section); shown as the citation. */
  source: string;
  /** ISO date (YYYY-MM-DD) of the last content change. */
  updated: string;
  /** True when the entry documents a gap: the source does not say this, and the entry says whom to ask. */
  unknown: boolean;
  /** Markdown body without the front matter; the first paragraph answers directly. */
  body: string;
  /** Path relative to the content directory, with forward slashes. */
  file: string;
  /** Line of the first body line in the file (1-based), for pointing editors at it. */
  line?: number;
}

export interface Citation {
  id: string;
  title: string;
  source: string;
  /** The source as shown under an answer: the document and its first section, short enough for a phone. */
  label?: string;
}

/**
 * "Raadsinformatiebrief transitieproces buurtnetwerken (2016), § Wat gebeurde er tot nu, punt 2
 * (Ruimte voor maatwerk …); § Samenvattend" → "Raadsinformatiebrief transitieproces buurtnetwerken
 * (2016), § Wat gebeurde er tot nu, punt 2 …": the document once and where in it, without the long
 * paragraph titles or the English glosses of Dutch names ("(What has happened so far)"), which made
 * an English source line 300 characters, eight lines on a phone. A note after "—" (the letter's
 * misprinted date) stays: it tells a reader why the letter reads differently. The full source
 * stays in `source` (and in `buurtbot ask --json`).
 */
export function shortSource(source: string): string {
  const [first = source, ...more] = source.split(/;\s*(?=§)/);
  const [where = first, ...note] = first.split(' — ');
  // A year in brackets is part of the document's name; every other bracket is a title or a gloss.
  const short = where.replace(/\s*\((?!\d{4}\))[^()]*\)/g, '').trim();
  const label = [short, ...note].join(' — ');
  return more.length ? `${label} …` : label;
}

/**
 * The answer contract. `buurtbot ask --json` prints
 * `{answered, answer, citations: [{id, title, source}], confidence, language}`; keep those names.
 */
export interface Answer {
  answered: boolean;
  answer: string;
  citations: Citation[];
  /** Calibrated 0..1; see confidence.ts for the formula. */
  confidence: number;
  /** Language of the answer text (the asker's language). */
  language: Language;
  /** Topics the answer drew on, best first (empty when nothing matched). */
  topics: string[];
  /** Set when the best match is an entry that documents a gap in the sources. */
  unknownTopic?: boolean;
  /**
   * Not answered, but these topics came close: the chat asks "Bedoel je…?" with them as buttons
   * instead of giving up. Best first, at most three.
   */
  alternatives?: TopicChoice[];
  /**
   * Not answered, nothing came close, and the message names nothing of this domain (weather,
   * football): the text says what buurtbot can help with, and the chat offers no forward.
   */
  offTopic?: boolean;
  /** Answered; this topic was nearly as good ("Zie ook"), offered as a button. */
  related?: TopicChoice[];
}

/** A topic offered to choose, with a label short enough for a button. */
export interface TopicChoice {
  topic: string;
  label: string;
}

/** A content problem, always pointing at a file and a line so an editor can fix it. */
export interface KbProblem {
  /** Path as given to the loader's caller: the content dir joined with the relative file. */
  file: string;
  /** 1-based line in that file. */
  line: number;
  message: string;
  /**
   * `error` (the default when absent): the entry is left out.
   * `warning`: the entry is still loaded (e.g. a topic without its twin language).
   */
  severity?: 'error' | 'warning';
}
