import type { Language } from '../language.js';
import type { AnalyzedTerm } from './text/analyzer.js';
import { termsForToken } from './text/analyzer.js';
import { tokenize } from './text/normalize.js';
import { isWeakWord } from './text/stopwords.js';

/** Longest first paragraph we show before cutting at a sentence end: chat replies stay short. */
export const MAX_ANSWER_CHARS = 500;
/** Room for one more paragraph when it answers a part of the question the first one does not. */
export const MAX_EXTRA_CHARS = 400;

/*
 * Entry bodies and their paragraphs are few and fixed between reloads, but every answer splits
 * and analyses them again: remembered here (bounded, so a huge knowledge base only costs the
 * analysis again, never unbounded memory).
 */
const MEMO_LIMIT = 20_000;
const paragraphMemo = new Map<string, readonly string[]>();
const stemMemo = new Map<string, ReadonlySet<string>>();

function remembered<T>(memo: Map<string, T>, key: string, make: () => T): T {
  let value = memo.get(key);
  if (value === undefined) {
    value = make();
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, value);
  }
  return value;
}

function paragraphsOf(body: string): readonly string[] {
  return remembered(paragraphMemo, body, () => splitParagraphs(body));
}

function splitParagraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p && !p.startsWith('#'))
    .map(joinLines);
}

/** A Markdown list item ("- ", "* ", "1. "): it keeps its own line, or a list reads as one run-on sentence. */
const LIST_ITEM = /^(?:[-*•]|\d{1,2}[.)])\s/;

/*
 * A paragraph's lines as one text: a list item starts a line, and so does the sentence after a
 * list ("- 21 november: …\nToen de brief …"). An indented line continues the item above it.
 */
function joinLines(paragraph: string): string {
  const lines = paragraph.split('\n');
  let text = lines[0]?.trim() ?? '';
  let inList = LIST_ITEM.test(text);
  for (const line of lines.slice(1)) {
    const item = LIST_ITEM.test(line.trim());
    const afterList = inList && !/^\s/.test(line);
    text += (item || afterList ? '\n' : ' ') + line.trim();
    inList = item || (inList && !afterList);
  }
  return text;
}

/**
 * The first paragraph of a Markdown body (the content rule: it answers directly). Headings are
 * skipped; line breaks inside the paragraph become spaces, except before a list item.
 */
export function firstParagraph(body: string): string {
  return paragraphsOf(body)[0] ?? body.trim();
}

/** Cut text at the last sentence end within `max` characters (or at a word, with "…"). */
export function trimAtSentence(text: string, max = MAX_ANSWER_CHARS): string {
  if (text.length <= max) return text;
  const window = text.slice(0, max);
  let cut = -1;
  // A sentence end, or the end of a list item's line.
  for (const match of window.matchAll(/[.!?](?=\s|$)|[;:,]?(?=\n)/g)) cut = match.index + match[0].length;
  // A sentence end very early would drop most of the answer; cut at a word instead.
  // Cut inside a list: "…" says there are more items, rather than passing the rest off as all.
  if (cut >= max * 0.4) return text[cut] === '\n' ? `${window.slice(0, cut)} …` : window.slice(0, cut);
  const space = window.lastIndexOf(' ');
  return `${window.slice(0, space > 0 ? space : max).trimEnd()}…`;
}

/** Which of the question's content terms (by whole stem) a paragraph contains. */
function termsIn(paragraph: string, question: readonly AnalyzedTerm[], language: Language): Set<string> {
  const present = remembered(
    stemMemo,
    `${language}\u0000${paragraph}`,
    () => new Set(tokenize(paragraph).flatMap((token) => termsForToken(token, language))),
  );
  const found = new Set<string>();
  for (const term of question) {
    if (present.has(term.whole) || (term.parts.length > 0 && term.parts.every((part) => present.has(part)))) {
      found.add(term.whole);
    }
  }
  return found;
}

/**
 * The answer text for an entry: its first paragraph, plus the one later paragraph that
 * answers a part of the question the first paragraph does not mention ("timeline of the
 * transition?" finds the definition first and the timeline in the second paragraph). Only
 * content words count (not weak words), so the extra paragraph is there for a reason.
 */
export function answerText(body: string, question: readonly AnalyzedTerm[], language: Language): string {
  const paragraphs = paragraphsOf(body);
  const first = paragraphs[0];
  if (!first) return body.trim();
  const head = trimAtSentence(first);
  const strong = question.filter((term) => !isWeakWord(term.token, language) && !/^[0-9]+$/.test(term.token));
  if (strong.length === 0 || paragraphs.length < 2) return head;
  const covered = termsIn(first, strong, language);
  let best: { text: string; adds: number } | undefined;
  for (const paragraph of paragraphs.slice(1)) {
    const adds = [...termsIn(paragraph, strong, language)].filter((term) => !covered.has(term)).length;
    if (adds > 0 && (!best || adds > best.adds)) best = { text: paragraph, adds };
  }
  return best ? `${head}\n\n${trimAtSentence(best.text, MAX_EXTRA_CHARS)}` : head;
}

/**
 * The text of an `unknown: true` entry: its first paragraph (what the sources do not say) and,
 * when there is more, its last paragraph (whom to ask, and that buurtbot can forward).
 */
export function gapText(body: string): string {
  const paragraphs = paragraphsOf(body);
  const first = paragraphs[0];
  if (!first) return body.trim();
  const last = paragraphs.length > 1 ? paragraphs[paragraphs.length - 1] : undefined;
  const head = trimAtSentence(first);
  return last ? `${head}\n\n${trimAtSentence(last, MAX_EXTRA_CHARS)}` : head;
}

/** A sentence that leans on the one before it ("Ze kunnen dan …", "This is …") cannot go first. */
const LEANS_BACK =
  /^(?:ze|zij|hij|het|dit|dat|deze|die|daar\w*|daarna|dan|ook|zo|toen|hun|they|it|this|that|these|those|he|she|there|then|also|so|their|its)\b/i;

/**
 * The answer's first paragraph with the sentence that holds the kind of fact asked for (a date
 * for "wanneer", a number for "hoeveel") moved to the front, when the first sentence lacks it
 * and that sentence can stand alone. `holds` tests a sentence for the fact.
 */
export function factFirst(text: string, holds: (sentence: string) => boolean): string {
  const [first, ...rest] = text.split('\n\n');
  if (first === undefined) return text;
  const sentences = first.split(/(?<=[.!?])\s+(?=\p{Lu}|\d)/u);
  if (sentences.length < 2 || holds(sentences[0] ?? '')) return text;
  const at = sentences.findIndex((sentence, i) => i > 0 && holds(sentence));
  const lead = sentences[at];
  if (at < 0 || lead === undefined || LEANS_BACK.test(lead)) return text;
  const reordered = [lead, ...sentences.filter((_, i) => i !== at)].join(' ');
  return [reordered, ...rest].join('\n\n');
}
