import { readFileSync } from 'node:fs';
import { LineCounter, isMap, isNode, isScalar, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { deadlineSchema, deadlinesFileSchema, type Deadline } from './schema.js';

/** A content problem that points an editor at the exact place: file and 1-based line and column. */
export interface DeadlineProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface LoadedDeadlines {
  /** The entries that passed validation; an entry with any problem is left out entirely. */
  readonly deadlines: Deadline[];
  readonly problems: DeadlineProblem[];
}

export function formatProblem(problem: DeadlineProblem): string {
  return `${problem.file}:${problem.line}:${problem.column} ${problem.message}`;
}

/** Reads and validates a deadlines YAML file. Never throws for bad content: it reports problems. */
export function loadDeadlines(file: string): LoadedDeadlines {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { deadlines: [], problems: [{ file, line: 1, column: 1, message: `cannot read the file: ${reason}` }] };
  }
  return parseDeadlines(source, file);
}

/** Pure: validates YAML text; `file` only labels the problems. */
export function parseDeadlines(source: string, file: string): LoadedDeadlines {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  const at = (offset: number, message: string): DeadlineProblem => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col, message };
  };

  if (doc.errors.length > 0) {
    // Syntax errors make the rest unreliable: report them alone.
    return { deadlines: [], problems: doc.errors.map((error) => at(error.pos[0], `YAML: ${firstLine(error.message)}`)) };
  }

  const top = deadlinesFileSchema.safeParse(doc.toJS() ?? {});
  if (!top.success) {
    return { deadlines: [], problems: top.error.issues.map((issue) => at(offsetOf(doc, [...issue.path], issue), messageOf(issue))) };
  }

  const deadlines: Deadline[] = [];
  const problems: DeadlineProblem[] = [];
  const firstById = new Map<string, number>();
  top.data.deadlines.forEach((item, index) => {
    const base = ['deadlines', index];
    const label = describe(item, index);
    const parsed = deadlineSchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(at(offsetOf(doc, [...base, ...issue.path], issue), `${label}: ${messageOf(issue)}`));
      }
      return;
    }
    const seen = firstById.get(parsed.data.id);
    if (seen !== undefined) {
      const firstLine = lineCounter.linePos(offsetOf(doc, ['deadlines', seen, 'id'])).line;
      problems.push(at(offsetOf(doc, [...base, 'id']), `${label}: id is already used on line ${firstLine}; ids must be unique`));
      return;
    }
    firstById.set(parsed.data.id, index);
    deadlines.push(parsed.data);
  });
  return { deadlines, problems };
}

function describe(item: unknown, index: number): string {
  const id = typeof item === 'object' && item !== null ? (item as Record<string, unknown>)['id'] : undefined;
  return typeof id === 'string' && id !== '' ? `deadline "${id}"` : `deadline #${index + 1}`;
}

/** The yaml package's first line, without its own position (we give ours). */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown field ${issue.keys.map((key) => `"${key}"`).join(', ')} (check the spelling)`;
  }
  return issue.message;
}

/**
 * Start offset of the node at `path`, or of its nearest existing ancestor when the value is missing
 * (a missing `en:` points at the `title:` map). Unknown keys point at the key itself.
 */
function offsetOf(doc: Document, path: PropertyKey[], issue?: z.core.$ZodIssue): number {
  if (issue?.code === 'unrecognized_keys') {
    const map: unknown = path.length === 0 ? doc.contents : doc.getIn(path, true);
    if (isMap(map)) {
      const pair = map.items.find((item) => isScalar(item.key) && issue.keys.includes(String(item.key.value)));
      if (pair !== undefined && isNode(pair.key) && pair.key.range) return pair.key.range[0];
    }
  }
  for (let depth = path.length; depth > 0; depth -= 1) {
    const node: unknown = doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return isNode(doc.contents) && doc.contents.range ? doc.contents.range[0] : 0;
}
