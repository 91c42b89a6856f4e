/**
 * Turns the openai client's errors into the core's ModelError, with the wait a 429 asks for and a
 * message that can be logged: the API key is cut out wherever an error echoes it.
 */
import OpenAI from 'openai';
import { ModelError } from '../../core/answering/model-ports.js';

export type Scrub = (text: string) => string;

export function scrubberFor(secrets: ReadonlyArray<string | undefined>): Scrub {
  const known = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4);
  return (text) => known.reduce((acc, secret) => acc.split(secret).join('[redacted]'), text);
}

export function toModelError(error: unknown, scrub: Scrub): ModelError {
  if (error instanceof ModelError) return error;
  if (error instanceof OpenAI.APIUserAbortError) return new ModelError('aborted', 'the request was aborted');
  if (error instanceof OpenAI.APIConnectionTimeoutError) return new ModelError('timeout', 'the model server did not answer in time');
  if (error instanceof OpenAI.APIConnectionError)
    return new ModelError('network', scrub(`cannot reach the model server: ${error.message}`));
  if (error instanceof OpenAI.APIError) {
    const status = typeof error.status === 'number' ? error.status : undefined;
    const message = scrub(error.message);
    const headers = error.headers as Headers | undefined;
    if (status === 429) return new ModelError('rate-limit', message, { status, retryAfterMs: retryAfterMs(headers) });
    if (status !== undefined && (status >= 500 || status === 408 || status === 409))
      return new ModelError('server', message, { status, retryAfterMs: retryAfterMs(headers) });
    return new ModelError('client', message, { status });
  }
  if (error instanceof Error && error.name === 'AbortError') return new ModelError('aborted', 'the request was aborted');
  return new ModelError('unknown', scrub(error instanceof Error ? error.message : String(error)));
}

/** `retry-after-ms` (OpenAI's), else `retry-after` in seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers | undefined, now: number = Date.now()): number | undefined {
  const ms = headers?.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const after = headers?.get('retry-after');
  if (!after) return undefined;
  if (Number.isFinite(Number(after))) return Math.max(0, Number(after) * 1000);
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
