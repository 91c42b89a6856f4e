import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config/load.js';
import type { UnansweredReview } from '../core/knowledge/unanswered-review.js';
import { printJson, UsageError, withApp } from './context.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `buurtbot kb unanswered`: the digest's unanswered questions, asked again of the knowledge base as it is now. */
export function registerKbUnanswered(kb: Command): void {
  kb.command('unanswered')
    .description(
      'the questions buurtbot did not answer, asked again of the knowledge base as it is now: which are still open, with the closest topics and their files (add a question to one to teach it)',
    )
    .option('--days <days>', 'how far back to look', '30')
    .option('--json', 'print the list as JSON')
    .action(async (opts: { days: string; json?: boolean }) => {
      const days = Number(opts.days);
      if (!Number.isInteger(days) || days < 1) throw new UsageError(`--days: a whole number of days of at least 1, got "${opts.days}"`);
      const kbDir = path.join(loadConfig().contentDir, 'kb');
      // Loaded on use, like the other knowledge commands: `buurtbot --help` never needs them.
      const [{ reviewUnanswered }, { PrismaStatsSource }] = await Promise.all([
        import('../core/knowledge/unanswered-review.js'),
        import('../storage/repositories/stats.js'),
      ]);
      await withApp(async (app) => {
        const until = app.clock.now();
        const { questions } = await new PrismaStatsSource(app.database.db).activity(new Date(until.getTime() - days * DAY_MS), until);
        const unanswered = questions.filter((q) => !q.answered && !q.offTopic);
        const review = reviewUnanswered(unanswered, app.knowledge.knowledge);
        if (opts.json) printJson(review);
        else process.stdout.write(render(review, days, kbDir));
      });
    });
}

function render(review: readonly UnansweredReview[], days: number, kbDir: string): string {
  if (review.length === 0) return `No unanswered questions in the last ${days} days.\n`;
  const where = (file: string): string => path.join(kbDir, file);
  const lines = [`Questions buurtbot did not answer in the last ${days} days, asked again of the knowledge base as it is now:`, ''];
  for (const row of review) {
    const head = `${row.times}× "${row.question}" (${row.language}, last ${row.lastAsked.toISOString().slice(0, 10)})`;
    if (row.now === 'answered' && row.topic)
      lines.push(`answered now  ${head}`, `              by ${row.topic.topic}: ${where(row.topic.file)}`);
    else if (row.now === 'gap' && row.topic)
      lines.push(`not in letter ${head}`, `              ${row.topic.topic} says so: ${where(row.topic.file)}`);
    else {
      lines.push(`open          ${head}`);
      for (const close of row.closest) lines.push(`              close: ${close.topic}: ${where(close.file)}`);
    }
  }
  lines.push(
    '',
    'To teach buurtbot an open question: add it, in these words, to `questions:` in the file of the topic that answers it',
    '(and a translation to its twin in the other language), then run `buurtbot kb reload`. See content/kb/README.md.',
    '',
  );
  return lines.join('\n');
}
