/**
 * Socket Mode with the same promise as HTTP events (receiver.ts): an envelope is acknowledged only
 * once the listeners stored the message in the inbox. Bolt's SocketModeReceiver acknowledges an
 * Events API envelope before its listeners run (Bolt acks events right away), so its event handler
 * is replaced by one that holds that ack back. An envelope that could not be stored is not
 * acknowledged at all, and Slack delivers it again.
 */
import { SocketModeReceiver, type App, type Logger as BoltLogger, type ReceiverEvent } from '@slack/bolt';
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';

interface SocketEnvelope {
  body: Record<string, unknown>;
  ack: (response?: Record<string, unknown>) => Promise<void>;
  retry_num?: number;
  retry_reason?: string;
}

export function createSocketReceiver(options: {
  appToken: string;
  boltLogger: BoltLogger;
  logger: Logger;
  clientOptions: webApi.WebClientOptions;
}): SocketModeReceiver {
  const receiver = new SocketModeReceiver({
    appToken: options.appToken,
    logger: options.boltLogger,
    logLevel: options.boltLogger.getLevel(),
    installerOptions: { clientOptions: options.clientOptions },
  });
  let bolt: App | undefined;
  const init = receiver.init.bind(receiver);
  receiver.init = (app: App) => {
    bolt = app;
    init(app);
  };
  receiver.client.removeAllListeners('slack_event');
  // Every failure is caught inside (a warning; Slack delivers the envelope again), so the emitter
  // never sees a rejected promise.
  const onEnvelope = async (envelope: SocketEnvelope): Promise<void> => {
    const holdBack = envelope.body.type === 'event_callback';
    let acked = false;
    const ack = async (response?: unknown) => {
      if (acked) return;
      acked = true;
      await envelope.ack(response && typeof response === 'object' ? (response as Record<string, unknown>) : undefined);
    };
    const event: ReceiverEvent = {
      body: envelope.body,
      ack: async (response?: unknown) => (holdBack ? undefined : ack(response)),
      ...(envelope.retry_num !== undefined ? { retryNum: envelope.retry_num } : {}),
      ...(envelope.retry_reason !== undefined ? { retryReason: envelope.retry_reason } : {}),
    };
    try {
      await bolt?.processEvent(event);
      // Stored (or ignored by every listener): acknowledge now.
      await ack();
    } catch (error) {
      options.logger.warn(
        { type: envelope.body.type, err: error instanceof Error ? error.message : String(error) },
        'Slack envelope not stored; Slack will deliver it again',
      );
    }
  };
  receiver.client.on('slack_event', (envelope: SocketEnvelope) => void onEnvelope(envelope));
  return receiver;
}
