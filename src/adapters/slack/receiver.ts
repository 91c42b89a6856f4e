/**
 * Bolt receiver for HTTP events on our own web server (POST /slack/events), instead of Bolt's
 * HTTPReceiver, which insists on its own server and port. Transport only: verify the signature
 * (HMAC-SHA256 of "v0:ts:body" with the signing secret, at most five minutes old), parse, answer
 * Slack's URL check, and hand the event to Bolt.
 *
 * Nothing acknowledged is lost: Bolt acknowledges an Events API request before its listeners run;
 * here that early ack is held back until the listeners returned, which they do once the message is
 * stored in the inbox (turns.ts). A listener that could not store it makes the request fail, and
 * Slack retries it. Interactivity (buttons, modals, commands) is acknowledged by the listeners
 * themselves, after storing. The turn runs after the response either way.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifySlackRequest, type App, type Receiver, type ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';
import { HttpError, readBody, sendJson } from '../web/http.js';

export interface WebServerReceiverOptions {
  signingSecret: string;
  logger: Logger;
  /** Wall clock for the freshness check (not the app's business clock, which may be set to 2016). */
  now?: () => number;
  bodyLimitBytes?: number;
  /** Answer Slack anyway when no listener acknowledged in time, so it does not retry. */
  ackTimeoutMs?: number;
}

const MAX_SKEW_SECONDS = 5 * 60;

export class WebServerReceiver implements Receiver {
  private bolt: App | undefined;
  private accepting = false;

  constructor(private readonly options: WebServerReceiverOptions) {}

  init(app: App): void {
    this.bolt = app;
  }

  /** Called through App#start once auth.test succeeded; until then Slack hears 503 and retries later. */
  async start(): Promise<void> {
    this.accepting = true;
  }

  async stop(): Promise<void> {
    this.accepting = false;
  }

  /** The route handler for WebServer.route('POST', '/slack/events', …). */
  readonly handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { logger } = this.options;
    const raw = await readBody(req, this.options.bodyLimitBytes ?? 1024 * 1024);
    if (!this.verify(req, raw)) {
      res.writeHead(401).end();
      return;
    }
    const body = parseBody(raw, header(req, 'content-type'));
    if (body.ssl_check === '1') {
      res.writeHead(200).end();
      return;
    }
    if (body.type === 'url_verification') {
      sendJson(res, 200, { challenge: body.challenge });
      return;
    }
    const bolt = this.bolt;
    if (!this.accepting || !bolt) {
      res.writeHead(503, { 'retry-after': '30' }).end();
      return;
    }
    let acked = false;
    const respond = (response?: unknown) => {
      if (acked || res.headersSent) return;
      acked = true;
      clearTimeout(timer);
      if (response === undefined || response === '') res.writeHead(200).end();
      else if (typeof response === 'string') res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(response);
      else sendJson(res, 200, response);
    };
    // Slack gives up after three seconds. An event not stored by then (storage that hangs) gets a 503,
    // so Slack retries it (the inbox drops the repeat if it was stored after all); an interaction no
    // listener acknowledged is answered empty.
    const timer = setTimeout(() => {
      if (acked) return;
      logger.warn({ type: body.type }, 'a Slack request was not handled in time');
      if (body.type !== 'event_callback') return respond();
      acked = true;
      res.writeHead(503, { 'retry-after': '1' }).end();
    }, this.options.ackTimeoutMs ?? 2500);
    // Events: Bolt's own early ack is held back until the listeners stored the message.
    const holdBack = body.type === 'event_callback';
    const event: ReceiverEvent = {
      body,
      ack: async (response?: unknown) => (holdBack ? undefined : respond(response)),
      ...retryInfo(req),
    };
    try {
      await bolt.processEvent(event);
      respond();
    } catch (error) {
      clearTimeout(timer);
      logger.warn({ type: body.type, err: errorText(error) }, 'Slack request not stored; Slack will retry it');
      if (!acked && !res.headersSent) {
        acked = true;
        res.writeHead(503, { 'retry-after': '1' }).end();
      }
    }
  };

  private verify(req: IncomingMessage, raw: string): boolean {
    const signature = header(req, 'x-slack-signature');
    const timestamp = Number(header(req, 'x-slack-request-timestamp'));
    const nowMs = (this.options.now ?? Date.now)();
    if (!signature || !Number.isInteger(timestamp)) {
      this.options.logger.warn({}, 'Slack request without signature headers rejected');
      return false;
    }
    // Bolt only rejects old timestamps; one from the future is just as much a replay risk.
    if (timestamp > nowMs / 1000 + MAX_SKEW_SECONDS) {
      this.options.logger.warn({}, 'Slack request with a timestamp in the future rejected');
      return false;
    }
    try {
      verifySlackRequest({
        signingSecret: this.options.signingSecret,
        body: raw,
        headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
        nowMilliseconds: nowMs,
      });
      return true;
    } catch (error) {
      // The message names the rule that failed (stale, mismatch), never the secret.
      this.options.logger.warn({ reason: (error as Error).message }, 'Slack request signature rejected');
      return false;
    }
  }
}

function header(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** Events come as JSON; commands as a form; interactivity as a form with a JSON `payload`. */
export function parseBody(raw: string, contentType: string): Record<string, unknown> {
  try {
    if (contentType.includes('application/json')) return asRecord(JSON.parse(raw));
    const form = Object.fromEntries(new URLSearchParams(raw));
    if (typeof form.payload === 'string') return asRecord(JSON.parse(form.payload));
    return form;
  } catch (error) {
    throw new HttpError(400, `malformed Slack request body: ${(error as Error).message}`);
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('expected an object');
  return value as Record<string, unknown>;
}

function retryInfo(req: IncomingMessage): Pick<ReceiverEvent, 'retryNum' | 'retryReason'> {
  const num = Number(header(req, 'x-slack-retry-num'));
  const reason = header(req, 'x-slack-retry-reason');
  return {
    ...(header(req, 'x-slack-retry-num') && Number.isInteger(num) ? { retryNum: num } : {}),
    ...(reason ? { retryReason: reason } : {}),
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
