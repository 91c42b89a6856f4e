import type { Command } from 'commander';
import { checkUserRef } from './platform-command.js';
import { printJson, UsageError, withApp } from './context.js';

export function registerUser(program: Command): void {
  const user = program.command('user').description('people: roles and personal data');
  user
    .command('role')
    .description('set a global role (coordinators receive digests and may use coordinator commands)')
    .argument('<user-ref>')
    .argument('<role>', 'volunteer, coordinator or admin')
    .action(async (ref: string, role: string) => {
      checkUserRef(ref);
      if (role !== 'volunteer' && role !== 'coordinator' && role !== 'admin') throw new UsageError('role must be volunteer, coordinator or admin');
      await withApp(async (app) => {
        await app.users.setRole(ref, role);
        process.stdout.write(`${ref} is now ${role}\n`);
      });
    });
  user
    .command('export')
    .description('print everything stored about a person (JSON)')
    .argument('<user-ref>')
    .action(async (ref: string) => {
      await withApp(async (app) => {
        const data = await app.privacy.export(ref);
        if (!data) throw new UsageError(`nothing is stored about ${ref}`);
        printJson(data);
      });
    });
  user
    .command('forget')
    .description('delete a person; plan texts they wrote stay with their platform, without their authorship')
    .argument('<user-ref>')
    .option('--yes', 'do it (without this flag nothing is deleted)')
    .action(async (ref: string, opts: { yes?: boolean }) => {
      if (!opts.yes) throw new UsageError('add --yes to really delete this person');
      await withApp(async (app) => {
        const result = await app.privacy.forget(ref);
        process.stdout.write(result.deleted ? `forgot ${ref} (${result.planSectionsAnonymised} plan section(s) anonymised)\n` : `nothing stored about ${ref}\n`);
      });
    });
}
