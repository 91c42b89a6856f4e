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
import { conversationKey } from './core/conversation-key.js';
import { FailureLimiter } from './adapters/web/guards.js';
import { WebIdentity } from './adapters/web/identity.js';
import { registerLoginRoutes } from './adapters/web/login.js';
import { CALENDAR_PATH, registerCalendarRoute } from './adapters/web/calendar.js';

/** How much of the transcript the web page shows after a reload. */
const HISTORY_LINES = 40;

export interface Surface {
  name: string;
  stop(): Promise<void>;
}

export interface Running {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** How long a shutdown waits for running turns before handing them back. */
const DRAIN_MS = 10_000;

export async function serve(app: App): Promise<Running> {
  const { config, logger } = app;
  const web = new WebServer(logger);
  const identity = new WebIdentity(app.webSessions, config.PUBLIC_URL?.startsWith('https:') ?? false);
  // One count of failed sign-ins per address, for coordinator passwords and login codes alike.
  const limiter = new FailureLimiter(() => app.clock.now().getTime());
  registerChatRoutes(web, {
    dispatcher: app.turns,
    notices: app.notices,
    identity,
    // Opening the chat only reads: it is not a turn and goes nowhere near the inbox.
    open: (message) => app.engine.open(message),
    history: async (userRef) => {
      const conversation = await app.conversations.find(conversationKey({ surface: 'web', channelId: userRef, userRef }), {});
      return conversation ? app.conversations.recentMessages(conversation.id, HISTORY_LINES) : [];
    },
    health: () => health(app),
  });
  const address = await web.listen(config.PORT, config.HOST);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.info({ url }, `web chat listening on ${url}`);
  const baseUrl = config.PUBLIC_URL?.replace(/\/$/, '') ?? url;
  await registerAdminRoutes(web, app, baseUrl, limiter);
  registerCalendarRoute(web, app.deadlines);
  app.calendarUrl = `${baseUrl}${CALENDAR_PATH}`;
  if (config.COORDINATOR_TOKEN) app.coordinatorPageUrl = `${baseUrl}/coordinator`;
  registerLoginRoutes(web, { identity, sessions: app.webSessions, limiter, logger, publicUrl: config.PUBLIC_URL });

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
  // Recovery of accepted-but-unanswered turns (a crash, another instance that died) starts once every
  // surface registered how it delivers, so a recovered Slack answer finds its way out.
  app.turns.start();
  let stopped = false;
  return {
    url,
    port: address.port,
    async stop() {
      if (stopped) return;
      stopped = true;
      // First stop taking messages (503 to Slack and web, which retry elsewhere), then let the running
      // turns finish and answer, then close the connections they answer through.
      const drained = await app.turns.drain(DRAIN_MS);
      logger.info(drained, drained.finished ? 'in-flight turns finished' : 'in-flight turns handed back to the inbox');
      for (const s of surfaces.reverse()) {
        await s.stop().catch((error: unknown) => logger.warn({ err: error, surface: s.name }, 'surface did not stop cleanly'));
      }
      await web.close();
      await app.close();
    },
  };
}

/**
 * Healthy means the database takes a write (a read can succeed on a full disk or a read-only
 * file), so a load balancer stops sending messages this instance could not store. Turns waiting
 * longer than a minute are reported (they are recovered, but someone should look).
 */
async function health(app: App): Promise<Record<string, unknown>> {
  const database = app.database.target.kind;
  try {
    await app.leases.probeWrite(app.turns.owner, new Date());
    const waitingTurns = await app.inbox.waiting(new Date(Date.now() - 60_000));
    return { ok: true, database, waitingTurns, recoveredTurns: app.turns.recovered };
  } catch (error) {
    return { ok: false, database, error: 'the database does not take writes', reason: (error as Error).message };
  }
}
