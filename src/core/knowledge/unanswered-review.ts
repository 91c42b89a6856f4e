import type { Language } from '../language.js';
import type { Knowledge } from './answerer.js';
import { tokenize } from './text/normalize.js';

/*
 * The coordinator's loop that teaches buurtbot volunteers' own words (content/kb/README.md): the
 * questions it did not answer, each asked again of the knowledge base as it is now. A question a
 * coordinator has since added to an entry's `questions` shows as answered, so the list shrinks as
 * the work is done; one still not answered shows the topics that came closest and their files,
 * where the question can be added.
 */

/** One question as it was recorded: unanswered and about the domain. */
export interface AskedQuestion {
  text: string;
  language: Language;
  createdAt: Date;
}

/** Where a topic lives: what a coordinator opens to add a question to it. */
interface TopicFile {
  topic: string;
  title: string;
  /** Relative to the knowledge-base folder ("facts/x.nl.md"). */
  file: string;
}

export interface UnansweredReview {
  /** The question as first asked. */
  question: string;
  language: Language;
  /** How often it was asked in the same words (case, accents, spacing and punctuation aside). */
  times: number;
  lastAsked: Date;
  /**
   * What the knowledge base does with it now: `answered` by a topic; `gap` when a gap entry now
   * says honestly that the letter does not say; `open` when it is still not answered.
   */
  now: 'answered' | 'gap' | 'open';
  /** The topic that answers it now (answered, gap). */
  topic?: TopicFile;
  /** Still open: the topics that came closest, best first (at most three). */
  closest: TopicFile[];
}

const CLOSEST = 3;

/** Questions asked in the same words (case, accents, spacing and punctuation aside, in one language), once each, in the order first asked. */
export function onceEach<T extends AskedQuestion>(questions: readonly T[]): Array<{ first: T; times: number; lastAsked: Date }> {
  const byWords = new Map<string, { first: T; times: number; lastAsked: Date }>();
  for (const asked of questions) {
    const key = `${asked.language}\u0000${tokenize(asked.text).join(' ')}`;
    const seen = byWords.get(key);
    if (!seen) byWords.set(key, { first: asked, times: 1, lastAsked: asked.createdAt });
    else {
      seen.times += 1;
      if (asked.createdAt > seen.lastAsked) seen.lastAsked = asked.createdAt;
    }
  }
  return [...byWords.values()];
}

/** The questions in the same words once, most asked first, each with what the knowledge base does with it now. */
export function reviewUnanswered(questions: readonly AskedQuestion[], knowledge: Knowledge): UnansweredReview[] {
  const fileOf = (topic: string, language: Language): TopicFile | undefined => {
    const entry = knowledge.entryFor(topic, language) ?? knowledge.entryFor(topic, language === 'nl' ? 'en' : 'nl');
    return entry && { topic, title: entry.title, file: entry.file };
  };
  const rows = onceEach(questions).map(({ first, times, lastAsked }): UnansweredReview => {
    const reply = knowledge.answer(first.text, { language: first.language });
    const base = { question: first.text, language: first.language, times, lastAsked };
    const topic = reply.topics[0] === undefined ? undefined : fileOf(reply.topics[0], first.language);
    if ((reply.answered || reply.unknownTopic) && topic) return { ...base, now: reply.answered ? 'answered' : 'gap', topic, closest: [] };
    const closest = knowledge
      .search(first.text, { language: first.language, limit: CLOSEST })
      .flatMap((ranked) => fileOf(ranked.topic, first.language) ?? []);
    return { ...base, now: 'open', closest };
  });
  // Still open first, then by how often and how lately it was asked.
  const order = { open: 0, gap: 1, answered: 2 } as const;
  return rows.sort((a, b) => order[a.now] - order[b.now] || b.times - a.times || b.lastAsked.getTime() - a.lastAsked.getTime());
}
