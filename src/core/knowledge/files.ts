/**
 * Where the knowledge base's files come from and where new entries go: a folder on disk in
 * production (src/content-files.ts), anything in a test. The core reads and writes content only
 * through this port, so it does no file I/O of its own.
 */
export interface KnowledgeFiles {
  /** Every entry file (`.md`, not README.md), relative with forward slashes, sorted the same on every machine. */
  entryFiles(): Promise<string[]>;
  /** A file's text; undefined when it does not exist. Rejects when it exists but cannot be read. */
  read(relative: string): Promise<string | undefined>;
  /** Writes a file (creating its folder). */
  write(relative: string, text: string): Promise<void>;
  /** How a file is named in problems and messages (the path an editor opens). */
  shown(relative: string): string;
}
