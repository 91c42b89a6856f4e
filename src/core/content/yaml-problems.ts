/**
 * Reading a content YAML file against a zod schema, with every problem pointing an editor at the
 * exact place (file, 1-based line and column). Pure: callers read the file, this reads the text.
 */
import { LineCounter, isMap, isNode, isScalar, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';

export interface ContentProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export function formatContentProblem(problem: ContentProblem): string {
  return `${problem.file}:${problem.line}:${problem.column} ${problem.message}`;
}

/** A parsed YAML document and how to turn a path in it into a problem at the right line. */
export interface YamlSource {
  doc: Document;
  /** A problem at an offset in the text. */
  at(offset: number, message: string): ContentProblem;
  /** A problem at the node `path` points to (or its nearest existing ancestor). */
  atPath(path: readonly PropertyKey[], message: string, issue?: z.core.$ZodIssue): ContentProblem;
  lineOf(path: readonly PropertyKey[]): number;
  /** YAML syntax errors; when there are any, nothing else about the file is reliable. */
  syntaxProblems: ContentProblem[];
}

export function readYaml(source: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  const at = (offset: number, message: string): ContentProblem => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col, message };
  };
  return {
    doc,
    at,
    atPath: (path, message, issue) => at(offsetOf(doc, [...path], issue), message),
    lineOf: (path) => lineCounter.linePos(offsetOf(doc, [...path])).line,
    syntaxProblems: doc.errors.map((error) => at(error.pos[0], `YAML: ${firstLine(error.message)}`)),
  };
}

/** The whole file validated by one schema: the data, or every problem with its line. */
export function parseYamlContent<S extends z.ZodType>(source: string, file: string, schema: S): { data?: z.output<S>; problems: ContentProblem[] } {
  const yaml = readYaml(source, file);
  if (yaml.syntaxProblems.length) return { problems: yaml.syntaxProblems };
  const parsed = schema.safeParse(yaml.doc.toJS() ?? {});
  if (parsed.success) return { data: parsed.data, problems: [] };
  return { problems: parsed.error.issues.map((issue) => yaml.atPath(issue.path, zodMessage(issue), issue)) };
}

/** The yaml package's first line, without its own position (we give ours). */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/** zod's message, with unknown keys named (a misspelt field is the most common mistake). */
export function zodMessage(issue: z.core.$ZodIssue): string {
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
