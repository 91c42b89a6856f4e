import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { AnsweredQuestion } from '../core/answering/ports.js';
import type { Language } from '../core/language.js';
import { loadConfig } from '../config/load.js';
import { printJson, withApp } from './context.js';
import { registerKbUnanswered } from './kb-unanswered-command.js';

export function registerKb(program: Command): void {
  const kb = program.command('kb').description('the curated knowledge base (content/kb)');
  kb.command('validate')
    .description(
      'check every knowledge-base file (also a question listed under two topics), the plan templates, the deadlines and the transition paths; prints each problem with file and line',
    )
    .option('--json', 'print the problems as JSON')
    .action(async (opts: { json?: boolean }) => {
      const config = loadConfig();
      // Loaded on use: the knowledge code is heavy and `buurtbot --help` never needs it.
      const [
        { formatProblem },
        { loadTemplatesOrFail, loadDeadlinesOrFail, loadTransitionOrFail },
        { loadKnowledgeBase },
        { listedTwice },
      ] = await Promise.all([
        import('../core/knowledge/index.js'),
        import('../content.js'),
        import('../content-files.js'),
        import('../core/knowledge/listed-questions.js'),
      ]);
      const kbDir = path.join(config.contentDir, 'kb');
      const { entries, problems, thesaurus } = await loadKnowledgeBase(kbDir);
      // A question listed under two topics is answered by neither for sure (the search decides).
      for (const twice of listedTwice(entries, thesaurus)) {
        const file = path.join(kbDir, twice.entry.file);
        const others = twice.others.map((other) => `${other.topic} (${other.file})`).join(', ');
        problems.push({
          file,
          line: lineOf(file, twice.question),
          message: `"${twice.question}" is also listed under ${others}: list a question under one topic only`,
          severity: 'warning',
        });
      }
      const other: string[] = [];
      for (const check of [loadTemplatesOrFail, loadDeadlinesOrFail, loadTransitionOrFail]) {
        try {
          check(config.contentDir);
        } catch (error) {
          other.push((error as Error).message);
        }
      }
      if (opts.json) printJson({ entries: entries.length, problems, other });
      else {
        for (const p of problems) process.stdout.write(formatProblem(p) + '\n');
        for (const o of other) process.stdout.write(o + '\n');
        process.stdout.write(`${entries.length} entries, ${problems.length + other.length} problem(s)\n`);
      }
      if (problems.length || other.length) process.exitCode = 1;
    });
  registerKbUnanswered(kb);
  kb.command('reload')
    .description('tell the running bot to reload the knowledge base now (it also reloads by itself when files change)')
    .action(async () => {
      const config = loadConfig();
      const url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${config.PORT}/api/admin/reload-kb`;
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: config.COORDINATOR_TOKEN ? { authorization: `Bearer ${config.COORDINATOR_TOKEN}` } : {},
        });
      } catch {
        process.stdout.write(`no bot is running at ${url}; it loads the knowledge base when it starts\n`);
        return;
      }
      const body = (await res.json()) as { entries?: number; problems?: number; error?: string };
      if (!res.ok) {
        process.stderr.write(`buurtbot: reload refused (${res.status}): ${body.error ?? ''}\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`reloaded: ${body.entries} entries, ${body.problems} problem(s)\n`);
    });
}

/** The line of a file on which a text first appears (1 when it cannot be found). */
function lineOf(file: string, text: string): number {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const at = lines.findIndex((line) => line.includes(text));
  return at < 0 ? 1 : at + 1;
}

export function registerAsk(program: Command): void {
  program
    .command('ask')
    .description('ask the knowledge base a question (uses the model when one is configured)')
    .argument('<question...>', 'the question')
    .option('--json', 'print {"answered","answer","citations","confidence","language"}')
    .option('--language <language>', 'answer in nl or en (default: the question’s language)')
    .action(async (words: string[], opts: { json?: boolean; language?: string }) => {
      const question = words.join(' ');
      const language = opts.language === 'en' || opts.language === 'nl' ? opts.language : undefined;
      const config = loadConfig();
      // Without a model the answer comes from the knowledge base alone: no database, no app.
      if (!config.model) {
        const [{ KnowledgeHolder }, { OfflineAnswererAdapter }, { knowledgeFolder }] = await Promise.all([
          import('../core/answering/knowledge-holder.js'),
          import('../core/answering/offline.js'),
          import('../content-files.js'),
        ]);
        const knowledge = new KnowledgeHolder(knowledgeFolder(path.join(config.contentDir, 'kb')));
        await knowledge.reload();
        print(await new OfflineAnswererAdapter(() => knowledge.knowledge).answer({ question, language }), opts.json);
        return;
      }
      await withApp(async (app) => {
        print(await app.answerer.answer({ question, language }), opts.json);
      });
    });
}

function print(result: AnsweredQuestion, json: boolean | undefined): void {
  if (json) {
    printJson({
      answered: result.answered,
      answer: result.answer,
      citations: result.citations,
      confidence: Math.round(result.confidence * 1000) / 1000,
      language: result.language,
    });
  } else {
    process.stdout.write(result.answer + '\n');
    for (const c of result.citations) process.stdout.write(`  — ${c.title} (${c.source})\n`);
    // "Bedoel je…?" offers topics; one question on the command line cannot pick one, so list them
    // and say where picking works.
    const choices = result.alternatives ?? [];
    choices.forEach((choice, i) => process.stdout.write(`  ${i + 1}. ${choice.label}\n`));
    if (choices.length) process.stdout.write(`${PICK_HINT[result.language]}\n`);
  }
}

const PICK_HINT: Record<Language, string> = {
  nl: '(Kiezen kan in `buurtbot chat`; of stel je vraag opnieuw in de woorden van een van deze onderwerpen.)',
  en: '(You can pick one in `buurtbot chat`, or ask again in the words of one of these topics.)',
};
