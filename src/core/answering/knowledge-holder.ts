/**
 * Holds the current knowledge base and swaps it on reload, so content changes (a coordinator
 * editing Markdown, a new entry from chat) take effect without a restart. A reload that finds
 * problems keeps the valid entries and reports the rest; it never leaves the bot without answers.
 */
import { createKnowledge, readKnowledgeBase, type Knowledge, type KbProblem, type KnowledgeFiles } from '../knowledge/index.js';
import type { Language } from '../language.js';
import type { KnowledgeAdmin } from '../features/ask/coordinator-inbox.js';
import { slugify } from '../platforms/slug.js';

export class KnowledgeHolder implements KnowledgeAdmin {
  private current: Knowledge = createKnowledge([]);
  private lastProblems: KbProblem[] = [];
  private readonly copies: Array<() => Promise<unknown>> = [];

  /** `prepare: false`: reloads leave the search index to its first use (a thread that answers no questions). */
  constructor(
    private readonly files: KnowledgeFiles,
    private readonly defaults: { prepare?: boolean } = {},
  ) {}

  get knowledge(): Knowledge {
    return this.current;
  }

  get problems(): readonly KbProblem[] {
    return this.lastProblems;
  }

  /**
   * Another copy of this knowledge base that must reload with this one (the turn worker's, in
   * another thread): every reload of this one, from wherever it is asked, reloads it too.
   */
  alsoReload(copy: () => Promise<unknown>): void {
    this.copies.push(copy);
  }

  /**
   * Reads and validates the content and, unless told not to, builds the search index before the
   * swap, so a running bot never meets a question with a cold index. One-off CLI commands pass
   * `prepare: false` and leave it to the first question (most of them ask none). `onlyHere` is for
   * a reload that another copy asked for: it already reloaded itself.
   */
  async reload(options: { prepare?: boolean; onlyHere?: boolean } = {}): Promise<{ entries: number; problems: number }> {
    const { entries, problems, thesaurus } = await readKnowledgeBase(this.files);
    const next = createKnowledge(entries, {}, thesaurus);
    if ((options.prepare ?? this.defaults.prepare) !== false) next.prepare();
    this.current = next;
    this.lastProblems = problems;
    if (!options.onlyHere) await Promise.all(this.copies.map((copy) => copy()));
    return { entries: entries.length, problems: problems.length };
  }

  async addEntry(input: { question: string; answer: string; language: Language; by: string; at: Date }): Promise<{ file: string }> {
    const topic = `coordinator-${slugify(input.question).slice(0, 40)}-${input.at.getTime().toString(36)}`;
    const day = input.at.toISOString().slice(0, 10);
    const other: Language = input.language === 'nl' ? 'en' : 'nl';
    const note: Record<Language, string> = {
      nl: '(Dit antwoord is door een coördinator in het Engels gegeven.)',
      en: '(A coordinator gave this answer in Dutch.)',
    };
    // The loader wants both languages of a topic; the twin carries the same answer and says so.
    for (const language of [input.language, other]) {
      const body = language === input.language ? input.answer : `${input.answer}\n\n${note[language]}`;
      const front = [
        '---',
        `id: ${topic}-${language}`,
        `topic: ${topic}`,
        `language: ${language}`,
        'kind: faq',
        `title: ${JSON.stringify(input.question.slice(0, 150))}`,
        `tags: [${language === 'nl' ? 'coördinator' : 'coordinator'}, antwoord]`,
        `source: ${JSON.stringify(`${language === 'nl' ? 'Antwoord van coördinator' : 'Answer by coordinator'} ${input.by}, ${day}`)}`,
        `updated: ${day}`,
        '---',
      ].join('\n');
      await this.files.write(`community/${topic}.${language}.md`, `${front}\n${body}\n`);
    }
    return { file: `community/${topic}.${input.language}.md` };
  }
}
