import type { Command } from 'commander';
import { loginLinkMaker } from '../adapters/web/login.js';
import { checkUserRef } from './platform-command.js';
import { printJson, UsageError, withApp } from './context.js';

/** A coordinator's link may have to travel by mail or phone: longer than a device code, still short. */
const LOGIN_LINK_MINUTES = 60;

export function registerUser(program: Command): void {
  const user = program.command('user').description('people: roles, personal data and web sign-in');
  user
    .command('login-link')
    .description('print a one-time link that signs a browser in to the web chat as this person (works once, expires)')
    .argument('<user-ref>', 'e.g. web:ID, or cli:ID for a coordinator who uses the terminal')
    .option('--minutes <n>', `how long the link works (default ${LOGIN_LINK_MINUTES}, at most 1440)`)
    .action(async (ref: string, opts: { minutes?: string }) => {
      checkUserRef(ref);
      const minutes = opts.minutes === undefined ? LOGIN_LINK_MINUTES : Number(opts.minutes);
      if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440)
        throw new UsageError('--minutes must be a whole number from 1 to 1440');
      await withApp(async (app) => {
        const base =
          app.config.PUBLIC_URL?.replace(/\/$/, '') ??
          `http://${app.config.HOST === '0.0.0.0' ? '127.0.0.1' : app.config.HOST}:${app.config.PORT}`;
        const link = await loginLinkMaker(app.webSessions, base)(ref, minutes * 60_000);
        process.stdout.write(
          `${link.url}\n(code ${link.code}, works once, until ${link.expiresAt.toISOString()}; whoever opens it is ${ref} in the web chat)\n`,
        );
      });
    });
  user
    .command('role')
    .description('set a global role (coordinators receive digests and may use coordinator commands)')
    .argument('<user-ref>')
    .argument('<role>', 'volunteer, coordinator or admin')
    .action(async (ref: string, role: string) => {
      checkUserRef(ref);
      if (role !== 'volunteer' && role !== 'coordinator' && role !== 'admin')
        throw new UsageError('role must be volunteer, coordinator or admin');
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
        process.stdout.write(
          result.deleted
            ? `forgot ${ref} (${result.planSectionsAnonymised} plan section(s) anonymised)\n`
            : `nothing stored about ${ref}\n`,
        );
      });
    });
}
