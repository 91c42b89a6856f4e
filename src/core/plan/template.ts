/**
 * Parses a plan template (content/*-template.yaml; src/content-files.ts reads the file). Every
 * problem names the file and the line, because the people who fix it are coordinators with a text
 * editor, not developers with a stack trace.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { planTemplateSchema, toPlanTemplate, type PlanTemplate } from './template-schema.js';

export interface TemplateProblem {
  file: string;
  /** 1-based; 0 only when the file itself could not be read. */
  line: number;
  message: string;
}

export interface TemplateLoad {
  template?: PlanTemplate;
  problems: TemplateProblem[];
}

/** The pure half of loading: `file` is only used to label problems. */
export function parsePlanTemplate(text: string, file: string): TemplateLoad {
  const lineCounter = new LineCounter();
  // prettyErrors off: we add file and line ourselves and want one-line messages.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line;

  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => ({ file, line: lineOf(error.pos[0]), message: `YAML: ${error.message}` })),
    };
  }

  const data: unknown = doc.toJS();
  const result = planTemplateSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.flatMap((issue) => issueProblems(issue, doc, data, file, lineOf));
    problems.sort((a, b) => a.line - b.line);
    return { problems };
  }
  return { template: toPlanTemplate(result.data), problems: [] };
}

type Issue = z.core.$ZodIssue;

function issueProblems(issue: Issue, doc: Document, data: unknown, file: string, lineOf: (offset: number) => number): TemplateProblem[] {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    // Point at each unknown key itself, not at the object holding it.
    return issue.keys.map((key) => ({
      file,
      line: lineOf(offsetOf(doc, [...path, key])),
      message: `${describePath([...path, key], data)}: unknown field "${key}" (check the spelling)`,
    }));
  }
  return [{ file, line: lineOf(offsetOf(doc, path)), message: `${describePath(path, data)}: ${issue.message}` }];
}

/**
 * Where the deepest existing part of `path` starts: the key of a map entry (so a bad value is
 * reported on its key's line) or the item of a list. A missing key reports its parent's key.
 */
function offsetOf(doc: Document, path: ReadonlyArray<string | number>): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair === undefined) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  if (typeof node === 'object' && node !== null && 'range' in node) {
    const range = (node as { range?: readonly number[] | null }).range;
    return range?.[0];
  }
  return undefined;
}

/**
 * `sections[2] (visie-en-doelen).title.en`: the index as counted from 0 plus the section id, so
 * a coordinator recognises the section without counting.
 */
function describePath(path: ReadonlyArray<string | number>, data: unknown): string {
  if (path.length === 0) return '(top of file)';
  const sectionId = (index: number): string | undefined => {
    const sections = (data as { sections?: unknown } | null)?.sections;
    const id = Array.isArray(sections) ? (sections[index] as { id?: unknown } | undefined)?.id : undefined;
    return typeof id === 'string' ? id : undefined;
  };
  return path
    .map((segment, index) => {
      if (typeof segment === 'string') return index === 0 ? segment : `.${segment}`;
      const id = index === 1 && path[0] === 'sections' ? sectionId(segment) : undefined;
      return id === undefined ? `[${segment}]` : `[${segment}] (${id})`;
    })
    .join('');
}
