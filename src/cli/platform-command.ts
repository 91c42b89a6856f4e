import type { Command } from 'commander';
import { planToJson, renderPlanMarkdown } from '../core/plan/index.js';
import type { MemberRole } from '../core/platforms/ports.js';
import { storedPlanForExport } from '../plan-export.js';
import { printJson, UsageError, withApp } from './context.js';

const USER_REF = /^(web|cli|discord):[A-Za-z0-9_.-]+$|^slack:[A-Z0-9]+:[A-Z0-9]+$/;

export function checkUserRef(ref: string): string {
  if (!USER_REF.test(ref)) throw new UsageError(`not a user ref: "${ref}" (use cli:ID, web:ID, slack:TEAM:USER or discord:ID)`);
  return ref;
}

export function registerPlatform(program: Command): void {
  const platform = program.command('platform').description('buurtplatforms');
  platform
    .command('add')
    .description('add a buurtplatform; prints its slug')
    .argument('<name>', 'the platform’s name, e.g. "Buurtplatform Wyck"')
    .option('--buurt <buurt>', 'the buurt (neighbourhood) it serves')
    .option('--json', 'print {"slug":"..."}')
    .action(async (name: string, opts: { buurt?: string; json?: boolean }) => {
      if (!name.trim()) throw new UsageError('the platform needs a name');
      await withApp(async (app) => {
        const created = await app.platforms.create({ name, buurt: opts.buurt });
        if (opts.json) printJson({ slug: created.slug });
        else process.stdout.write(`added ${created.name} as ${created.slug}\n`);
      });
    });
  platform
    .command('list')
    .description('list the platforms')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withApp(async (app) => {
        const all = await app.platforms.list();
        const choices = await app.keuze.store.currentChoices();
        // `choice`: the keuze's path id (content/transition.yaml), null while none is recorded.
        const choiceOf = (id: string) => choices.get(id)?.path ?? null;
        if (opts.json)
          printJson(all.map((p) => ({ slug: p.slug, name: p.name, buurt: p.buurt, members: p.members, choice: choiceOf(p.id) })));
        else if (all.length === 0) process.stdout.write('no platforms yet: buurtbot platform add "<name>"\n');
        else
          for (const p of all)
            process.stdout.write(
              `${p.slug.padEnd(24)} ${p.name}${p.buurt ? ` (${p.buurt})` : ''} — ${p.members} member(s), keuze: ${choiceOf(p.id) ?? '—'}\n`,
            );
      });
    });

  const member = program.command('member').description('members of a platform (board members and coordinators)');
  member
    .command('add')
    .description('add a member to a platform')
    .argument('<slug>', 'platform slug (see platform list)')
    .argument('<user-ref>', 'cli:ID, web:ID, slack:TEAM:USER or discord:ID')
    .option('--role <role>', 'board or coordinator', 'board')
    .option('--json', 'print JSON')
    .action(async (slug: string, ref: string, opts: { role: string; json?: boolean }) => {
      if (opts.role !== 'board' && opts.role !== 'coordinator') throw new UsageError('--role must be board or coordinator');
      checkUserRef(ref);
      await withApp(async (app) => {
        const found = await app.platforms.bySlug(slug);
        if (!found) throw new UsageError(`no platform with slug "${slug}" (see buurtbot platform list)`);
        await app.platforms.addMember(found.id, ref, opts.role as MemberRole);
        if (opts.json) printJson({ slug, userRef: ref, role: opts.role });
        else process.stdout.write(`${ref} is now ${opts.role} of ${found.name}\n`);
      });
    });
  member
    .command('remove')
    .description('remove a member from a platform')
    .argument('<slug>')
    .argument('<user-ref>')
    .action(async (slug: string, ref: string) => {
      await withApp(async (app) => {
        const found = await app.platforms.bySlug(slug);
        if (!found) throw new UsageError(`no platform with slug "${slug}"`);
        const removed = await app.platforms.removeMember(found.id, ref);
        process.stdout.write(removed ? `removed ${ref} from ${found.name}\n` : `${ref} was not a member of ${found.name}\n`);
      });
    });
  member
    .command('list')
    .description('list the members of a platform')
    .argument('<slug>')
    .option('--json', 'print JSON')
    .action(async (slug: string, opts: { json?: boolean }) => {
      await withApp(async (app) => {
        const found = await app.platforms.bySlug(slug);
        if (!found) throw new UsageError(`no platform with slug "${slug}"`);
        const members = await app.platforms.members(found.id);
        if (opts.json) printJson(members.map((m) => ({ userRef: m.userRef, name: m.displayName, role: m.role })));
        else for (const m of members) process.stdout.write(`${m.userRef.padEnd(28)} ${m.role.padEnd(12)} ${m.displayName ?? ''}\n`);
      });
    });

  const plan = program.command('plan').description('Plan van Aanpak');
  plan
    .command('show')
    .description('print a platform’s plan')
    .argument('<slug>')
    .option('--format <format>', 'md or json', 'md')
    .option('--language <language>', 'nl or en (Markdown only)', 'nl')
    .option('--document <id>', 'which document: a plan template id (see content/*-template.yaml); the default is the Plan van Aanpak')
    .action(async (slug: string, opts: { format: string; language: string; document?: string }) => {
      if (opts.format !== 'md' && opts.format !== 'json') throw new UsageError('--format must be md or json');
      const language = opts.language === 'en' ? 'en' : 'nl';
      await withApp(async (app) => {
        const found = await app.platforms.bySlug(slug);
        if (!found) throw new UsageError(`no platform with slug "${slug}"`);
        const templates = app.templates();
        const template = opts.document ? templates.find((t) => t.id === opts.document) : app.template();
        if (!template) throw new UsageError(`no document "${opts.document ?? ''}": use one of ${templates.map((t) => t.id).join(', ')}`);
        const stored = await app.plans.load(found, template.id);
        const forExport = storedPlanForExport(stored);
        process.stdout.write(
          opts.format === 'json' ? planToJson(forExport, template) + '\n' : renderPlanMarkdown(forExport, template, language),
        );
      });
    });
}
