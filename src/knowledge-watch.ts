import fs from 'node:fs';
import path from 'node:path';
import type { App } from './app.js';

/**
 * Reloads the knowledge base when a coordinator edits its Markdown files, so changes are live
 * without a restart. Changes come in bursts (an editor saves several files); wait for quiet.
 */
export function watchKnowledge(app: App, quietMs = 500): { name: string; stop(): Promise<void> } | undefined {
  const dir = path.join(app.config.contentDir, 'kb');
  let timer: NodeJS.Timeout | undefined;
  let watcher: fs.FSWatcher;
  try {
    watcher = fs.watch(dir, { recursive: true }, (_event, file) => {
      if (file && !String(file).endsWith('.md')) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        app.knowledge.reload().then(
          (r) => app.logger.info({ entries: r.entries, problems: r.problems }, 'knowledge base reloaded'),
          (error: unknown) => app.logger.error({ err: error }, 'knowledge base reload failed; keeping the previous content'),
        );
      }, quietMs);
    });
  } catch (error) {
    app.logger.warn({ err: error, dir }, 'cannot watch the knowledge base; use `kb herladen` or `buurtbot kb reload` after changes');
    return undefined;
  }
  watcher.on('error', (error) => app.logger.warn({ err: error }, 'knowledge base watcher stopped'));
  return {
    name: 'knowledge-watch',
    stop: async () => {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
