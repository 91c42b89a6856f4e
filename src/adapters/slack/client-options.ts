/**
 * Web API client settings shared by our calls, Bolt's and the Socket Mode client's. The library
 * default retries a failed call for about thirty minutes, which with Slack unreachable would keep
 * startup (and every answer) hanging; here a call gives up after a few tries so the failure can be
 * reported and retried by the connection loop. Rate limits are rejected to our per-channel queue.
 */
import type { Logger as BoltLogger, webApi } from '@slack/bolt';

export interface SlackTuning {
  /** Retries after the first try of a failed Web API call (network errors, 5xx). */
  retries: number;
  minRetryDelayMs: number;
  maxRetryDelayMs: number;
  /** Abort one HTTP request after this long (a black-holed network otherwise waits minutes). */
  requestTimeoutMs: number;
}

export const DEFAULT_TUNING: SlackTuning = { retries: 2, minRetryDelayMs: 500, maxRetryDelayMs: 5000, requestTimeoutMs: 10_000 };

export const SLACK_API_DEFAULT = 'https://slack.com/api/';

export function webClientOptions(apiUrl: string | undefined, logger: BoltLogger, tuning: SlackTuning): webApi.WebClientOptions {
  return {
    slackApiUrl: apiUrl ? (apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`) : SLACK_API_DEFAULT,
    logger,
    retryConfig: {
      retries: tuning.retries,
      factor: 2,
      minTimeout: tuning.minRetryDelayMs,
      maxTimeout: tuning.maxRetryDelayMs,
      randomize: true,
    },
    timeout: tuning.requestTimeoutMs,
    rejectRateLimitedCalls: true,
  };
}
