import { describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/core/dispatcher.js';
import type { InboundMessage, Reply } from '../../src/core/messages.js';
import type { Logger } from '../../src/core/ports.js';

function msg(id: string, text: string, user = 'u1'): InboundMessage {
  return { id, surface: 'cli', userRef: `cli:${user}`, channelId: `cli:${user}`, text, direct: true };
}

function recordingLogger(): Logger & { errors: unknown[] } {
  const errors: unknown[] = [];
  return { debug() {}, info() {}, warn() {}, error: (o: unknown) => void errors.push(o), errors };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Dispatcher', () => {
  it('handles the messages of one conversation strictly in order, even when earlier ones are slower', async () => {
    const done: string[] = [];
    const dispatcher = new Dispatcher({
      logger: recordingLogger(),
      handler: async (m) => {
        await sleep(m.text === 'slow' ? 40 : 1);
        done.push(m.text);
        return [{ text: m.text }];
      },
    });
    await Promise.all([dispatcher.dispatch(msg('1', 'slow')), dispatcher.dispatch(msg('2', 'fast')), dispatcher.dispatch(msg('3', 'last'))]);
    expect(done).toEqual(['slow', 'fast', 'last']);
  });

  it('runs different conversations in parallel', async () => {
    const done: string[] = [];
    const dispatcher = new Dispatcher({
      logger: recordingLogger(),
      handler: async (m) => {
        await sleep(m.text === 'slow' ? 40 : 1);
        done.push(m.userRef);
        return [];
      },
    });
    await Promise.all([dispatcher.dispatch(msg('1', 'slow', 'a')), dispatcher.dispatch(msg('2', 'fast', 'b'))]);
    expect(done).toEqual(['cli:b', 'cli:a']);
  });

  it('answers a repeated message id only once', async () => {
    let calls = 0;
    const dispatcher = new Dispatcher({ logger: recordingLogger(), handler: async () => [{ text: String(++calls) }] });
    const first = await dispatcher.dispatch(msg('same', 'hoi'));
    const second = await dispatcher.dispatch(msg('same', 'hoi'));
    expect(first).toEqual([{ text: '1' }]);
    expect(second).toBeNull();
    expect(calls).toBe(1);
  });

  it('consults the shared ledger so another instance’s message is not answered twice', async () => {
    const seen = new Set<string>(['cli:from-other-instance']);
    const dispatcher = new Dispatcher({
      logger: recordingLogger(),
      ledger: { firstSeen: async (k) => (seen.has(k) ? false : (seen.add(k), true)) },
      handler: async (): Promise<Reply[]> => [{ text: 'ok' }],
    });
    expect(await dispatcher.dispatch(msg('from-other-instance', 'x'))).toBeNull();
    expect(await dispatcher.dispatch(msg('new', 'x'))).toEqual([{ text: 'ok' }]);
  });

  it('turns a handler crash into a polite reply, logs it, and keeps serving the conversation', async () => {
    const logger = recordingLogger();
    const dispatcher = new Dispatcher({
      logger,
      handler: async (m) => {
        if (m.text === 'boom') throw new Error('kapot');
        return [{ text: 'fine' }];
      },
    });
    const crashed = await dispatcher.dispatch(msg('1', 'boom'));
    expect(crashed?.[0]?.kind).toBe('error');
    expect(crashed?.[0]?.text).toMatch(/er ging bij mij iets mis/);
    expect(logger.errors).toHaveLength(1);
    expect(await dispatcher.dispatch(msg('2', 'next'))).toEqual([{ text: 'fine' }]);
  });
});
