/**
 * The embedded web server: the chat page a newcomer meets first, its JSON API, a health check, and
 * room for other routes (Slack HTTP events, the coordinator page, printable plans). Binds to
 * 127.0.0.1 unless HOST says otherwise.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../core/ports.js';
import { HttpError, sendJson } from './http.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

interface Route {
  method: string;
  /** Exact path, or a prefix ending in '/'. */
  path: string;
  handler: RouteHandler;
}

export class WebServer {
  private readonly routes: Route[] = [];
  private server: http.Server | undefined;

  constructor(private readonly logger: Logger) {}

  route(method: string, path: string, handler: RouteHandler): this {
    this.routes.push({ method, path, handler });
    return this;
  }

  async listen(port: number, host: string): Promise<AddressInfo> {
    const server = http.createServer((req, res) => void this.dispatch(req, res));
    // Slow clients must not hold sockets forever.
    server.requestTimeout = 30_000;
    server.headersTimeout = 15_000;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EADDRINUSE')
          reject(new Error(`port ${port} on ${host} is already in use: stop the other program or set PORT to a free port`));
        else if (error.code === 'EACCES') reject(new Error(`no permission to listen on ${host}:${port}: choose a PORT above 1024`));
        else if (error.code === 'EADDRNOTAVAIL') reject(new Error(`HOST ${host} is not an address of this machine`));
        else reject(error);
      });
      server.listen(port, host, () => resolve());
    });
    return server.address() as AddressInfo;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = this.routes.find(
      (r) =>
        (r.method === req.method || (r.method === 'GET' && req.method === 'HEAD')) &&
        (r.path === url.pathname || (r.path.endsWith('/') && r.path !== '/' && url.pathname.startsWith(r.path))),
    );
    try {
      // A path that is not valid percent-encoding (`/%E0%A4%A`) is the client's mistake, not ours.
      try {
        decodeURIComponent(url.pathname);
      } catch {
        throw new HttpError(400, 'malformed URL');
      }
      if (!route) {
        const allowed = this.routes.some((r) => r.path === url.pathname);
        throw new HttpError(allowed ? 405 : 404, allowed ? 'method not allowed' : 'not found');
      }
      await route.handler(req, res, url);
    } catch (error) {
      if (clientWentAway(req, error)) {
        // Closing the tab mid-request is normal: worth a line, not an error with a stack.
        this.logger.info({ path: url.pathname }, 'client closed the connection before the answer');
        if (!res.writableEnded) res.end();
        return;
      }
      const status = error instanceof HttpError ? error.status : 500;
      // 503 is "not stored, send it again" (storage or shutdown): expected trouble, said plainly.
      if (status >= 500) this.logger[status === 503 ? 'warn' : 'error']({ err: error, path: url.pathname }, 'web request failed');
      if (!res.headersSent)
        sendJson(
          res,
          status,
          status === 503
            ? { error: (error as Error).message, stored: false }
            : { error: status >= 500 ? 'internal error' : (error as Error).message },
        );
      else res.end();
    }
  }
}

function clientWentAway(req: IncomingMessage, error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (
    code === 'ECONNRESET' ||
    code === 'ECONNABORTED' ||
    code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    (error as Error | undefined)?.message === 'aborted' ||
    (req.destroyed && !req.complete)
  );
}
