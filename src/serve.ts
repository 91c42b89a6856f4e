/**
 * `buurtbot serve`: starts every configured surface in one process. The web chat always runs;
 * Slack, Discord and the scheduler join when configured. A surface that cannot start (no network,
 * wrong token) is logged clearly and the others keep running.
 */
import type { App } from './app.js';
import { registerChatRoutes } from './adapters/web/chat-routes.js';
import { WebServer } from './adapters/web/server.js';
import { startJobs } from './jobs.js';
import { registerAdminRoutes } from './adapters/web/admin-routes.js';
import { watchKnowledge } from './knowledge-watch.js';

export interface Surface {
  name: string;
  stop(): Promise<void>;
}

export interface Running {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function serve(app: App): Promise<Running> {
  const { config, logger } = app;
  const web = new WebServer(logger);
  registerChatRoutes(web, {
    dispatcher: app.dispatcher,
    notices: app.notices,
    health: async () => {
      try {
        await app.database.db.$queryRawUnsafe('SELECT 1');
        return { ok: true, database: app.database.target.kind };
      } catch (error) {
        return { ok: false, database: app.database.target.kind, error: (error as Error).message };
      }
    },
  });
  const address = await web.listen(config.PORT, config.HOST);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.info({ url }, `web chat listening on ${url}`);
  await registerAdminRoutes(web, app, config.PUBLIC_URL?.replace(/\/$/, '') ?? url);

  const surfaces: Surface[] = [];
  // Chat SDKs are imported only when configured: a web-only bot and every CLI command start faster.
  // Connects in the background: an unreachable Discord is logged and never blocks the other surfaces.
  if (config.discord) surfaces.push((await import('./adapters/discord/surface.js')).startDiscord(app));
  // Same for Slack; HTTP events mount on this web server at POST /slack/events.
  if (config.slack) surfaces.push((await import('./adapters/slack/index.js')).startSlack(app, web));
  const jobs = config.SCHEDULER_ENABLED ? startJobs(app) : undefined;
  if (jobs) surfaces.push({ name: 'scheduler', stop: () => jobs.stop() });
  const watcher = watchKnowledge(app);
  if (watcher) surfaces.push(watcher);
  let stopped = false;
  return {
    url,
    port: address.port,
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const s of surfaces.reverse()) {
        await s.stop().catch((error: unknown) => logger.warn({ err: error, surface: s.name }, 'surface did not stop cleanly'));
      }
      await web.close();
      await app.close();
    },
  };
}
