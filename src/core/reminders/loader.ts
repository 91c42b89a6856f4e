import { formatContentProblem, readYaml, zodMessage, type ContentProblem } from '../content/yaml-problems.js';
import { deadlineSchema, deadlinesFileSchema, type Deadline } from './schema.js';

/** A content problem that points an editor at the exact place: file and 1-based line and column. */
export type DeadlineProblem = ContentProblem;

export interface LoadedDeadlines {
  /** The entries that passed validation; an entry with any problem is left out entirely. */
  readonly deadlines: Deadline[];
  readonly problems: DeadlineProblem[];
}

export const formatProblem = formatContentProblem;

/** Pure: validates YAML text; `file` only labels the problems. */
export function parseDeadlines(source: string, file: string): LoadedDeadlines {
  const yaml = readYaml(source, file);
  // Syntax errors make the rest unreliable: report them alone.
  if (yaml.syntaxProblems.length > 0) return { deadlines: [], problems: yaml.syntaxProblems };

  const top = deadlinesFileSchema.safeParse(yaml.doc.toJS() ?? {});
  if (!top.success) {
    return { deadlines: [], problems: top.error.issues.map((issue) => yaml.atPath(issue.path, zodMessage(issue), issue)) };
  }

  const deadlines: Deadline[] = [];
  const problems: DeadlineProblem[] = [];
  const firstById = new Map<string, number>();
  top.data.deadlines.forEach((item, index) => {
    const base = ['deadlines', index];
    const label = describe(item, index);
    const parsed = deadlineSchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push(yaml.atPath([...base, ...issue.path], `${label}: ${zodMessage(issue)}`, issue));
      return;
    }
    const seen = firstById.get(parsed.data.id);
    if (seen !== undefined) {
      problems.push(
        yaml.atPath([...base, 'id'], `${label}: id is already used on line ${yaml.lineOf(['deadlines', seen, 'id'])}; ids must be unique`),
      );
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
