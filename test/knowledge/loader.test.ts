import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatProblem, hasErrors, readKnowledgeBase } from '../../src/core/knowledge/loader.js';
import type { KnowledgeFiles } from '../../src/core/knowledge/files.js';
import { KnowledgeHolder } from '../../src/core/answering/knowledge-holder.js';
import { loadKnowledgeBase } from '../../src/content-files.js';
import type { KbProblem } from '../../src/core/knowledge/types.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'buurtbot-kb-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(relative: string, text: string): Promise<void> {
  const path = join(dir, relative);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, text);
}

function entry(topic: string, language: string, extra: Record<string, string> = {}, body = 'Het antwoord staat hier.'): string {
  const fields: Record<string, string> = {
    id: `${topic}-${language}`,
    topic,
    language,
    kind: 'fact',
    title: `Titel van ${topic}`,
    tags: '[plan, deadline]',
    source: '"Raadsinformatiebrief (2016)"',
    updated: '2026-11-28',
    ...extra,
  };
  const lines = Object.entries(fields)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n${body}\n`;
}

async function twin(topic: string, folder = 'facts'): Promise<void> {
  await write(`${folder}/${topic}.nl.md`, entry(topic, 'nl'));
  await write(`${folder}/${topic}.en.md`, entry(topic, 'en', {}, 'The answer is here.'));
}

function only(problems: KbProblem[], file: string): KbProblem[] {
  return problems.filter((problem) => problem.file.endsWith(file));
}

describe('loadKnowledgeBase', () => {
  it('loads valid twins recursively, skipping README.md', async () => {
    await twin('plan-deadline');
    await twin('glossary-term', 'glossary/sub');
    await write('README.md', '# Not an entry\n');
    const { entries, problems } = await loadKnowledgeBase(dir);
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.id).sort()).toEqual(['glossary-term-en', 'glossary-term-nl', 'plan-deadline-en', 'plan-deadline-nl']);
    const nl = entries.find((e) => e.id === 'plan-deadline-nl');
    expect(nl).toMatchObject({ topic: 'plan-deadline', language: 'nl', kind: 'fact', unknown: false, tags: ['plan', 'deadline'] });
    expect(nl?.file).toBe('facts/plan-deadline.nl.md');
    expect(nl?.body).toBe('Het antwoord staat hier.');
    expect(nl?.line).toBe(11);
  });

  it('reports a YAML syntax error at its line in the file', async () => {
    await twin('good');
    await write('facts/broken.nl.md', '---\nid: broken-nl\ntopic: broken\ntags: [plan, deadline\nlanguage: nl\n---\nTekst.\n');
    const { entries, problems } = await loadKnowledgeBase(dir);
    const found = only(problems, 'broken.nl.md');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/^YAML error/);
    // The unclosed "[" on line 4 is detected where the next key starts.
    expect(found[0]?.line).toBe(5);
    expect(entries.some((e) => e.topic === 'broken')).toBe(false);
    expect(entries).toHaveLength(2);
  });

  it('reports a missing title at line 1 and leaves the entry out', async () => {
    await write('facts/notitle.nl.md', entry('notitle', 'nl', { title: '' }));
    await write('facts/notitle.en.md', entry('notitle', 'en'));
    const { entries, problems } = await loadKnowledgeBase(dir);
    expect(only(problems, 'notitle.nl.md')).toContainEqual(
      expect.objectContaining({ line: 1, message: 'title is missing', severity: 'error' }),
    );
    expect(entries.map((e) => e.id)).toEqual(['notitle-en']);
  });

  it('reports an unknown language at the line of the language key', async () => {
    await write('facts/lang.de.md', entry('lang', 'de'));
    const { entries, problems } = await loadKnowledgeBase(dir);
    const problem = only(problems, 'lang.de.md').find((p) => p.message.startsWith('language'));
    expect(problem).toMatchObject({ line: 4, severity: 'error' });
    expect(problem?.message).toContain('must be nl or en');
    expect(entries).toEqual([]);
  });

  it('reports a duplicate id at the id line of the second file', async () => {
    await twin('first');
    await write('facts/second.nl.md', entry('second', 'nl', { id: 'first-nl' }));
    await write('facts/second.en.md', entry('second', 'en'));
    const { entries, problems } = await loadKnowledgeBase(dir);
    const duplicate = problems.find((p) => p.message.startsWith('duplicate id'));
    expect(duplicate).toMatchObject({ file: join(dir, 'facts/second.nl.md'), line: 2, severity: 'error' });
    expect(duplicate?.message).toContain('first.nl.md');
    expect(entries.filter((e) => e.id === 'first-nl')).toHaveLength(1);
  });

  it('warns about a topic without its twin but keeps the entry', async () => {
    await write('faq/alone.nl.md', entry('alone', 'nl'));
    const { entries, problems } = await loadKnowledgeBase(dir);
    expect(problems).toEqual([expect.objectContaining({ line: 3, severity: 'warning', message: expect.stringContaining('no en twin') })]);
    expect(hasErrors(problems)).toBe(false);
    expect(entries.map((e) => e.id)).toEqual(['alone-nl']);
  });

  it('reports an empty body and missing front matter', async () => {
    await write('facts/empty.nl.md', entry('empty', 'nl', {}, '   '));
    await write('facts/empty.en.md', entry('empty', 'en'));
    await write('facts/bare.nl.md', 'Alleen tekst, geen front matter.\n');
    const { problems } = await loadKnowledgeBase(dir);
    expect(only(problems, 'empty.nl.md')).toContainEqual(
      expect.objectContaining({ line: 10, message: expect.stringContaining('body is empty') }),
    );
    expect(only(problems, 'bare.nl.md')).toContainEqual(
      expect.objectContaining({ line: 1, message: expect.stringContaining('front matter is missing') }),
    );
    expect(hasErrors(problems)).toBe(true);
  });

  it('reports invalid values at their own line', async () => {
    await write('facts/bad.nl.md', entry('bad', 'nl', { kind: 'rumour', updated: 'gisteren' }));
    await write('facts/bad.en.md', entry('bad', 'en'));
    const { problems } = await loadKnowledgeBase(dir);
    const bad = only(problems, 'bad.nl.md');
    expect(bad).toContainEqual(
      expect.objectContaining({ line: 5, message: expect.stringContaining('kind must be fact, glossary or faq') }),
    );
    expect(bad).toContainEqual(expect.objectContaining({ line: 9, message: expect.stringContaining('updated must be a date') }));
  });
});

describe('formatProblem', () => {
  it('prints file:line: message, marking warnings', () => {
    expect(formatProblem({ file: 'content/kb/x.nl.md', line: 3, message: 'title is missing', severity: 'error' })).toBe(
      'content/kb/x.nl.md:3: title is missing',
    );
    expect(formatProblem({ file: 'content/kb/x.nl.md', line: 2, message: 'no twin', severity: 'warning' })).toBe(
      'content/kb/x.nl.md:2: warning: no twin',
    );
  });
});

describe('the knowledge base through its port (no files)', () => {
  /** A KnowledgeFiles held in memory: what the core needs from a content store, nothing more. */
  function memoryFiles(initial: Record<string, string>): KnowledgeFiles & { files: Map<string, string> } {
    const files = new Map(Object.entries(initial));
    return {
      files,
      entryFiles: async () => [...files.keys()].filter((f) => f.endsWith('.md')).sort(),
      read: async (relative) => files.get(relative),
      write: async (relative, text) => void files.set(relative, text),
      shown: (relative) => `memory:${relative}`,
    };
  }

  it('reads entries and the thesaurus, naming files as the store shows them', async () => {
    const store = memoryFiles({
      'facts/a.nl.md': entry('a', 'nl'),
      'facts/a.en.md': entry('a', 'en', {}, 'The answer is here.'),
      'facts/b.nl.md': entry('b', 'nl', { title: '' }),
      'thesaurus.yaml': 'nl:\n  - term: geld\n    also: [centen]\n',
    });
    const { entries, problems, thesaurus } = await readKnowledgeBase(store);
    expect(entries.map((e) => e.id).sort()).toEqual(['a-en', 'a-nl']);
    expect(problems.map(formatProblem).join('\n')).toMatch(/^memory:facts\/b\.nl\.md:\d+: /m);
    expect(thesaurus.nl).toEqual([{ term: 'geld', also: ['centen'] }]);
  });

  it('a coordinator’s answer becomes an entry through the same port, and answers after a reload', async () => {
    const store = memoryFiles({ 'facts/a.nl.md': entry('a', 'nl'), 'facts/a.en.md': entry('a', 'en', {}, 'The answer is here.') });
    const holder = new KnowledgeHolder(store, { prepare: false });
    await holder.reload();
    const { file } = await holder.addEntry({
      question: 'Mag de vergadering in het buurthuis?',
      answer: 'Ja, het buurthuis mag.',
      language: 'nl',
      by: 'Coördinator Ans',
      at: new Date('2016-11-20T10:00:00Z'),
    });
    expect(store.files.has(file)).toBe(true);
    expect([...store.files.keys()].filter((f) => f.startsWith('community/'))).toHaveLength(2);
    await holder.reload();
    expect(holder.knowledge.answer('Mag de vergadering in het buurthuis?').answer).toContain('het buurthuis mag');
  });
});
