import { EMPTY_THESAURUS, parseThesaurus, THESAURUS_FILE, type Thesaurus } from './thesaurus.js';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { FRONT_MATTER_KEYS, frontMatterSchema } from './schema.js';
import type { KbEntry, KbProblem } from './types.js';
import type { KnowledgeFiles } from './files.js';

export interface LoadResult {
  entries: KbEntry[];
  problems: KbProblem[];
  /** From `thesaurus.yaml` in the same folder (empty when there is none, or it is broken). */
  thesaurus: Thesaurus;
}

/** Files named `<topic>.<lang>.md`. */
const FILE_NAME = /^(?<topic>[^/]+)\.(?<language>[a-z]{2})\.md$/;

/** Problems are sorted by file then line, so `kb validate` output reads top to bottom. */
function byPosition(a: KbProblem, b: KbProblem): number {
  return a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1;
}

interface Split {
  /** YAML text between the fences. */
  yaml: string;
  /** 1-based file line of the first YAML line (the line after the opening `---`). */
  yamlLine: number;
  body: string;
  /** 1-based file line where the body starts (after the closing `---`). */
  bodyLine: number;
}

/** Split a file into front matter and body; undefined when there is no (closed) front matter. */
function splitFrontMatter(text: string): Split | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return undefined;
  const close = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (close === -1) return undefined;
  return {
    yaml: lines.slice(1, close).join('\n'),
    yamlLine: 2,
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
  };
}

/** File line of a top-level front-matter key, or undefined when the key is absent. */
function keyLine(doc: Document, key: string, counter: LineCounter, yamlLine: number): number | undefined {
  if (!isMap(doc.contents)) return undefined;
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && pair.key.value === key && pair.key.range) {
      return counter.linePos(pair.key.range[0]).line + yamlLine - 1;
    }
  }
  return undefined;
}

/** "Map keys must be unique at line 6, column 1:\n..." → "Map keys must be unique". */
function yamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, '').trim();
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

interface Parsed {
  entry?: KbEntry;
  problems: KbProblem[];
  /** File line of the `id:` and `topic:` keys, for problems found across files. */
  idLine: number;
  topicLine: number;
}

function parseFile(text: string, relative: string, shown: string): Parsed {
  const problems: KbProblem[] = [];
  const error = (line: number, message: string): void => {
    problems.push({ file: shown, line, message, severity: 'error' });
  };
  const warning = (line: number, message: string): void => {
    problems.push({ file: shown, line, message, severity: 'warning' });
  };

  const split = splitFrontMatter(text);
  if (!split) {
    error(1, 'front matter is missing: the file must start with a line "---", the YAML keys, and a closing "---"');
    return { problems, idLine: 1, topicLine: 1 };
  }

  const counter = new LineCounter();
  const doc = parseDocument(split.yaml, { lineCounter: counter, prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const yamlError of doc.errors) {
      const line = (yamlError.linePos?.[0].line ?? 1) + split.yamlLine - 1;
      error(line, `YAML error: ${yamlMessage(yamlError.message)}`);
    }
    return { problems, idLine: 1, topicLine: 1 };
  }

  const raw: unknown = doc.toJS();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    error(1, 'front matter must be YAML keys (id, topic, language, kind, title, tags, source, updated)');
    return { problems, idLine: 1, topicLine: 1 };
  }
  const fields = raw as Record<string, unknown>;
  const lineOf = (key: string): number => keyLine(doc, key, counter, split.yamlLine) ?? 1;

  for (const key of Object.keys(fields)) {
    if (!FRONT_MATTER_KEYS.has(key)) warning(lineOf(key), `unknown key "${key}" (ignored)`);
  }

  const result = frontMatterSchema.safeParse(fields);
  const idLine = lineOf('id');
  const topicLine = lineOf('topic');
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (key && !(key in fields)) {
        error(1, `${key} is missing`);
      } else if (key) {
        error(lineOf(key), `${key} ${issue.message} (got ${describe(fields[key])})`);
      } else {
        error(1, issue.message);
      }
    }
  }

  const body = split.body.trim();
  if (!body) error(split.bodyLine - 1, 'the body is empty: write the answer below the closing "---"');

  if (!result.success || !body) return { problems, idLine, topicLine };
  const meta = result.data;

  // Conventions that keep twins findable; the entry still works, so these only warn.
  if (meta.id !== `${meta.topic}-${meta.language}`) {
    warning(idLine, `id should be "${meta.topic}-${meta.language}" (topic-language)`);
  }
  const name = FILE_NAME.exec(relative.split('/').pop() ?? '');
  if (!name?.groups) {
    warning(1, `file name should be <topic>.<language>.md, e.g. ${meta.topic}.${meta.language}.md`);
  } else {
    if (name.groups['language'] !== meta.language) {
      warning(lineOf('language'), `language is ${meta.language} but the file name says ${name.groups['language']}`);
    }
    if (name.groups['topic'] !== meta.topic) {
      warning(topicLine, `topic is ${meta.topic} but the file name says ${name.groups['topic']}`);
    }
  }

  const leading = split.body.match(/^\s*\n/)?.[0] ?? '';
  const entry: KbEntry = {
    ...meta,
    body,
    file: relative,
    line: split.bodyLine + (leading.match(/\n/g)?.length ?? 0),
  };
  return { entry, problems, idLine, topicLine };
}

/**
 * Read every knowledge-base file (`files`: a folder on disk in production, see
 * src/content-files.ts). Never throws on content: each problem names the file and line. Entries
 * with errors are left out; warnings (an entry without its twin in the other language, naming
 * conventions) keep the entry, because a missing translation should not take a correct answer
 * away from the asker. Throws only when the files cannot be listed.
 */
export async function readKnowledgeBase(files: KnowledgeFiles): Promise<LoadResult> {
  const problems: KbProblem[] = [];
  const parsed: Array<Parsed & { shown: string }> = [];

  // All files are read at once and parsed in order: one after the other, each read's round trips
  // through the file system added up to a quarter of a second for 162 entries (`buurtbot ask`).
  const names = await files.entryFiles();
  const reads = await Promise.all(
    names.map((relative) =>
      files.read(relative).then(
        (text) => ({ text }),
        (cause: unknown) => ({ cause }),
      ),
    ),
  );
  for (const [i, relative] of names.entries()) {
    const shown = files.shown(relative);
    const read = reads[i];
    if (!read) continue;
    if ('cause' in read) {
      problems.push({ file: shown, line: 1, message: `cannot read file: ${String(read.cause)}`, severity: 'error' });
      continue;
    }
    const text = read.text;
    if (text === undefined) continue;
    const result = parseFile(text, relative, shown);
    problems.push(...result.problems);
    parsed.push({ ...result, shown });
  }

  const thesaurus = await readThesaurus(files, problems);
  return { ...crossCheck(parsed, problems), thesaurus, problems: problems.sort(byPosition) };
}

async function readThesaurus(files: KnowledgeFiles, problems: KbProblem[]): Promise<Thesaurus> {
  const text = await files.read(THESAURUS_FILE).catch(() => undefined);
  if (text === undefined) return EMPTY_THESAURUS; // optional
  const result = parseThesaurus(text, files.shown(THESAURUS_FILE));
  problems.push(...result.problems);
  return result.thesaurus;
}

/** Checks that need all files: unique ids, one entry per topic and language, twins. */
function crossCheck(parsed: Array<Parsed & { shown: string }>, problems: KbProblem[]): { entries: KbEntry[] } {
  const entries: KbEntry[] = [];
  const ids = new Map<string, string>();
  const topicLanguages = new Map<string, string>();
  const kept: Array<Parsed & { shown: string; entry: KbEntry }> = [];

  for (const item of parsed) {
    const entry = item.entry;
    if (!entry) continue;
    const firstWithId = ids.get(entry.id);
    if (firstWithId) {
      problems.push({
        file: item.shown,
        line: item.idLine,
        message: `duplicate id "${entry.id}" (also in ${firstWithId})`,
        severity: 'error',
      });
      continue;
    }
    const key = `${entry.topic}\u0000${entry.language}`;
    const firstWithTopic = topicLanguages.get(key);
    if (firstWithTopic) {
      problems.push({
        file: item.shown,
        line: item.topicLine,
        message: `topic "${entry.topic}" already has a ${entry.language} entry in ${firstWithTopic}`,
        severity: 'error',
      });
      continue;
    }
    ids.set(entry.id, item.shown);
    topicLanguages.set(key, item.shown);
    kept.push({ ...item, entry });
  }

  for (const item of kept) {
    const { topic, language } = item.entry;
    const other = language === 'nl' ? 'en' : 'nl';
    if (!topicLanguages.has(`${topic}\u0000${other}`)) {
      problems.push({
        file: item.shown,
        line: item.topicLine,
        message: `topic "${topic}" has no ${other} twin (expected ${topic}.${other}.md)`,
        severity: 'warning',
      });
    }
    entries.push(item.entry);
  }
  return { entries };
}

/** `content/kb/x.nl.md:3: title is missing` (warnings say so). */
export function formatProblem(problem: KbProblem): string {
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  return `${problem.file}:${problem.line}: ${prefix}${problem.message}`;
}

/** True when any problem is an error (warnings alone do not fail validation). */
export function hasErrors(problems: readonly KbProblem[]): boolean {
  return problems.some((problem) => problem.severity !== 'warning');
}
