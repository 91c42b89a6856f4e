import type { Command } from 'commander';
import { renderDigestMarkdown } from '../core/digest/digest-render.js';
import { clockAt, printJson, UsageError, withApp } from './context.js';

/** `reminders due|send --at` and `digest --at`: the scheduled work, run by hand for a chosen moment. */
export function registerSchedule(program: Command): void {
  const reminders = program.command('reminders').description('deadline reminders');
  reminders
    .command('due')
    .description('list the reminders due at a moment (nothing is sent)')
    .option('--at <iso>', 'the moment, e.g. 2016-12-24T10:00:00+01:00 (default: now)')
    .option('--json', 'one JSON item per message to send')
    .action(async (opts: { at?: string; json?: boolean }) => {
      const clock = clockAt(opts.at);
      await withApp(
        async (app) => {
          const due = await app.reminders.due(app.clock.now());
          const items = due.map((d) => ({
            key: d.key,
            deadline: d.deadlineId,
            leadDays: d.leadDays,
            target: d.target,
            language: d.language,
            moment: d.moment.toISOString(),
            text: d.text,
          }));
          if (opts.json) printJson(items);
          else if (items.length === 0) process.stdout.write('nothing due\n');
          else for (const i of items) process.stdout.write(`${i.key}\n  ${i.text.replace(/\n/g, '\n  ')}\n`);
        },
        clock ? { clock } : {},
      );
    });
  reminders
    .command('send')
    .description('send the reminders due at a moment; a second run for the same moment sends nothing')
    .option('--at <iso>', 'the moment (default: now)')
    .option('--json', 'print {"sent":N,"skipped":M}')
    .action(async (opts: { at?: string; json?: boolean }) => {
      const clock = clockAt(opts.at);
      await withApp(
        async (app) => {
          const result = await app.reminders.send(app.clock.now());
          if (opts.json) printJson({ sent: result.sent, skipped: result.skipped, ...(result.failed ? { failed: result.failed } : {}) });
          else process.stdout.write(`sent ${result.sent}, skipped ${result.skipped}, failed ${result.failed}\n`);
          if (result.failed) process.exitCode = 1;
        },
        clock ? { clock } : {},
      );
    });

  program
    .command('digest')
    .description('the coordinator digest at a moment: plan progress, questions, feedback, deadlines')
    .option('--at <iso>', 'the moment (default: now)')
    .option('--since <iso>', 'start of the period (default: 7 days before --at)')
    .option('--format <format>', 'md or json', 'md')
    .option('--language <language>', 'nl or en', 'nl')
    .option('--send', 'also post it to the coordinator channels (once per day per channel)')
    .action(async (opts: { at?: string; since?: string; format: string; language: string; send?: boolean }) => {
      if (opts.format !== 'md' && opts.format !== 'json') throw new UsageError('--format must be md or json');
      const clock = clockAt(opts.at);
      const since = opts.since ? clockAt(opts.since)?.now() : undefined;
      await withApp(
        async (app) => {
          const digest = await app.digests.build(app.clock.now(), since);
          if (opts.format === 'json') printJson(digest);
          else process.stdout.write(renderDigestMarkdown(digest, opts.language === 'en' ? 'en' : 'nl'));
          if (opts.send) {
            const r = await app.digests.send(app.clock.now());
            process.stderr.write(`digest posted to ${r.sent} channel(s), ${r.skipped} already had it\n`);
          }
        },
        clock ? { clock } : {},
      );
    });
}
