/**
 * The content folder on disk, for the core (which does no file I/O): the plan templates and the
 * deadlines read for its parsers, and the knowledge base's folder as a KnowledgeFiles port. A file
 * that cannot be read is a problem with its name, like any other content problem.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readKnowledgeBase, type KnowledgeFiles } from './core/knowledge/index.js';
import { parsePlanTemplate, type TemplateLoad } from './core/plan/index.js';
import { parseDeadlines, type LoadedDeadlines } from './core/reminders/index.js';

/** A content file's text, or why it cannot be read (for a problem that names the file). */
export function readText(file: string): { text: string } | { reason: string } {
  try {
    return { text: readFileSync(file, 'utf8') };
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error) };
  }
}

export function loadPlanTemplate(file: string): TemplateLoad {
  const read = readText(file);
  if ('reason' in read) return { problems: [{ file, line: 0, message: `cannot read the plan template: ${read.reason}` }] };
  return parsePlanTemplate(read.text, file);
}

/** Reads and validates a deadlines YAML file. Never throws for bad content: it reports problems. */
export function loadDeadlines(file: string): LoadedDeadlines {
  const read = readText(file);
  if ('reason' in read) return { deadlines: [], problems: [{ file, line: 1, column: 1, message: `cannot read the file: ${read.reason}` }] };
  return parseDeadlines(read.text, file);
}

/** The knowledge base's folder (content/kb): entries in any subfolder, new entries written into it. */
export function knowledgeFolder(dir: string): KnowledgeFiles {
  return {
    async entryFiles() {
      const names = await readdir(dir, { recursive: true });
      return names
        .map((name) => name.split(path.sep).join('/'))
        .filter((name) => name.toLowerCase().endsWith('.md'))
        .filter((name) => (name.split('/').pop() ?? '').toLowerCase() !== 'readme.md')
        .sort();
    },
    async read(relative) {
      try {
        return await readFile(path.join(dir, relative), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async write(relative, text) {
      const file = path.join(dir, relative);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text, 'utf8');
    },
    shown: (relative) => path.join(dir, relative),
  };
}

/** Reads and checks the knowledge base in `dir` (see readKnowledgeBase). */
export function loadKnowledgeBase(dir: string): ReturnType<typeof readKnowledgeBase> {
  return readKnowledgeBase(knowledgeFolder(dir));
}
