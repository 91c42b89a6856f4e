import { afterEach, describe, expect, it } from 'vitest';
import type { TurnReceipt } from '../../src/core/inbox.js';
import type { InboundMessage, Reply } from '../../src/core/messages.js';
import type { Logger } from '../../src/core/ports.js';
import { TurnRunner } from '../../src/core/turn-runner.js';
import type { TurnEngine } from '../../src/core/turn-runner-options.js';
import type { TurnOptions } from '../../src/core/turn.js';
import { MemoryInbox } from '../support/memory-inbox.js';

function msg(id: string, text: string, user = 'u1', surface: InboundMessage['surface'] = 'cli'): InboundMessage {
  return { id, surface, userRef: `${surface}:${user}`, channelId: `${surface}:${user}`, text, direct: true };
}

function recordingLogger(): Logger & { errors: unknown[] } {
  const errors: unknown[] = [];
  return { debug() {}, info() {}, warn() {}, error: (o: unknown) => void errors.push(o), errors };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const never = () => new Promise<Reply[]>(() => undefined);

/** An engine that, like the real stores, writes the receipt in its "commit". */
function engine(inbox: MemoryInbox, answer: (m: InboundMessage, options: TurnOptions) => Promise<Reply[]>): TurnEngine {
  return {
    async handle(message, options: TurnOptions & { receipt?: TurnReceipt } = {}) {
      const replies = await answer(message, options);
      if (options.receipt) {
        options.receipt.replies = JSON.stringify(replies);
        await inbox.answered(options.receipt);
        options.receipt.written = true;
      }
      return replies;
    },
  };
}

const runners: TurnRunner[] = [];
function runner(
  inbox: MemoryInbox,
  answer: (m: InboundMessage, o: TurnOptions) => Promise<Reply[]>,
  logger: Logger = recordingLogger(),
  leaseMs = 60_000,
): TurnRunner {
  const r = new TurnRunner({ engine: engine(inbox, answer), inbox, logger, leaseMs });
  runners.push(r);
  return r;
}

afterEach(() => {
  for (const r of runners.splice(0)) r.stop();
});

describe('TurnRunner', () => {
  it('handles the messages of one conversation strictly in order, even when earlier ones are slower', async () => {
    const inbox = new MemoryInbox();
    const done: string[] = [];
    const turns = runner(inbox, async (m) => {
      await sleep(m.text === 'slow' ? 40 : 1);
      done.push(m.text);
      return [{ text: m.text }];
    });
    await Promise.all([turns.dispatch(msg('1', 'slow')), turns.dispatch(msg('2', 'fast')), turns.dispatch(msg('3', 'last'))]);
    expect(done).toEqual(['slow', 'fast', 'last']);
  });

  it('runs different conversations in parallel', async () => {
    const inbox = new MemoryInbox();
    const done: string[] = [];
    const turns = runner(inbox, async (m) => {
      await sleep(m.text === 'slow' ? 40 : 1);
      done.push(m.userRef);
      return [];
    });
    await Promise.all([turns.dispatch(msg('1', 'slow', 'a')), turns.dispatch(msg('2', 'fast', 'b'))]);
    expect(done).toEqual(['cli:b', 'cli:a']);
  });

  it('answers a repeated message id once; a pull surface asking again gets the stored answer', async () => {
    const inbox = new MemoryInbox();
    let calls = 0;
    const turns = runner(inbox, async () => [{ text: String(++calls) }]);
    expect(await turns.dispatch(msg('same', 'hoi'))).toEqual([{ text: '1' }]);
    expect(await turns.dispatch(msg('same', 'hoi'))).toEqual([{ text: '1' }]);
    expect(calls).toBe(1);
    expect(inbox.rows.get('cli:same')?.state).toBe('delivered');
  });

  it('a message another instance took is not answered twice', async () => {
    const inbox = new MemoryInbox();
    const a = runner(inbox, async () => [{ text: 'from a' }]);
    const b = runner(inbox, async () => [{ text: 'from b' }]);
    const delivered: string[] = [];
    a.register('slack', async (_address, replies) => void delivered.push(`a:${replies[0]?.text}`));
    b.register('slack', async (_address, replies) => void delivered.push(`b:${replies[0]?.text}`));
    const first = await a.accept(msg('x', 'hoi', 'u', 'slack'), { channel: 'C1' });
    const second = await b.accept(msg('x', 'hoi', 'u', 'slack'), { channel: 'C1' });
    await first.done;
    expect([first.accepted, second.accepted]).toEqual([true, false]);
    expect(delivered).toEqual(['a:from a']);
  });

  it('turns a handler crash into a polite reply, logs it, stores the answer, and keeps serving the conversation', async () => {
    const inbox = new MemoryInbox();
    const logger = recordingLogger();
    const turns = runner(
      inbox,
      async (m) => {
        if (m.text === 'boom') throw new Error('kapot');
        return [{ text: 'fine' }];
      },
      logger,
    );
    const crashed = await turns.dispatch(msg('1', 'boom'));
    expect(crashed?.[0]?.kind).toBe('error');
    expect(crashed?.[0]?.text).toMatch(/er ging bij mij iets mis/);
    expect(logger.errors).toHaveLength(1);
    // Not run again by a recovery: the polite answer is its answer.
    expect(inbox.rows.get('cli:1')?.state).toBe('delivered');
    expect(await turns.dispatch(msg('2', 'next'))).toEqual([{ text: 'fine' }]);
  });

  it('hands turn options (the partial-text callback) to the engine', async () => {
    const inbox = new MemoryInbox();
    const partials: string[] = [];
    const turns = runner(inbox, async (_m, options) => {
      options.onPartial?.('hallo');
      return [{ text: 'ok' }];
    });
    await turns.dispatch(msg('m1', 'hoi', 'x', 'web'), { onPartial: (t) => partials.push(t) });
    await turns.dispatch(msg('m2', 'hoi', 'x', 'web'));
    expect(partials).toEqual(['hallo']);
  });

  it('an instance that died after accepting: another takes its turns over when the lease runs out, in order, once', async () => {
    const inbox = new MemoryInbox();
    // The dying instance accepts and never answers (its engine hangs, as a killed process would).
    const dead = runner(inbox, never, recordingLogger(), 60);
    dead.register('slack', async () => {
      throw new Error('never reached');
    });
    for (const [id, text] of [
      ['1', 'eerste'],
      ['2', 'tweede'],
      ['3', 'derde'],
    ] as const) {
      expect((await dead.accept(msg(id, text, 'anna', 'slack'), { channel: 'D1' })).accepted).toBe(true);
    }
    const answered: string[] = [];
    const delivered: string[] = [];
    const survivor = runner(
      inbox,
      async (m) => {
        answered.push(m.text);
        return [{ text: `antwoord op ${m.text}` }];
      },
      recordingLogger(),
      60,
    );
    survivor.register(
      'slack',
      async (address, replies) => void delivered.push(`${(address as { channel: string }).channel}:${replies[0]?.text}`),
    );
    // Before the lease ran out nothing changes hands.
    expect(await survivor.sweep()).toBe(0);
    await sleep(80);
    expect(await survivor.sweep()).toBe(3);
    expect(await survivor.sweep()).toBe(0);
    await survivor.idle();
    expect(answered).toEqual(['eerste', 'tweede', 'derde']);
    expect(delivered).toEqual(['D1:antwoord op eerste', 'D1:antwoord op tweede', 'D1:antwoord op derde']);
    expect([...inbox.rows.values()].map((r) => r.state)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(survivor.recovered).toBe(3);
  });

  it('a new message of a conversation waits for an earlier one held by a dead instance, and runs after it', async () => {
    const inbox = new MemoryInbox();
    const dead = runner(inbox, never, recordingLogger(), 50);
    await dead.accept(msg('1', 'eerste', 'anna', 'slack'), { channel: 'D1' });
    const answered: string[] = [];
    const survivor = runner(
      inbox,
      async (m) => {
        answered.push(m.text);
        return [{ text: m.text }];
      },
      recordingLogger(),
      50,
    );
    survivor.register('slack', async () => undefined);
    const later = await survivor.accept(msg('2', 'tweede', 'anna', 'slack'), { channel: 'D1' });
    await later.done;
    expect(answered).toEqual(['eerste', 'tweede']);
  });

  it('an answered but undelivered turn is only delivered on recovery, never answered again', async () => {
    const inbox = new MemoryInbox();
    let calls = 0;
    const first = runner(inbox, async () => [{ text: `answer ${++calls}` }], recordingLogger(), 50);
    // Its delivery never finishes (the process dies while posting).
    first.register('slack', () => new Promise<void>(() => undefined));
    void first.accept(msg('1', 'vraag', 'anna', 'slack'), { channel: 'D1' });
    await sleep(20);
    expect(inbox.rows.get('slack:1')?.state).toBe('answered');
    first.stop();
    const delivered: string[] = [];
    const second = runner(inbox, async () => [{ text: `answer ${++calls}` }], recordingLogger(), 50);
    second.register('slack', async (_a, replies) => void delivered.push(replies[0]?.text ?? ''));
    await sleep(60);
    await second.sweep();
    await second.idle();
    expect(delivered).toEqual(['answer 1']);
    expect(calls).toBe(1);
  });

  it('drain: lets running turns finish, refuses new ones, and hands back what is left at once', async () => {
    const inbox = new MemoryInbox();
    const turns = runner(inbox, async (m) => {
      await sleep(m.text === 'slow' ? 30 : 1);
      return [{ text: m.text }];
    });
    const running = turns.dispatch(msg('1', 'slow'));
    await sleep(5);
    const drained = await turns.drain(1000);
    expect(drained.finished).toBe(true);
    expect(await running).toEqual([{ text: 'slow' }]);
    await expect(turns.dispatch(msg('2', 'te laat'))).rejects.toThrow(/shutting down/);

    // A turn that does not finish in the grace time is handed back: its lease ends now.
    const stuckInbox = new MemoryInbox();
    const stuck = runner(stuckInbox, never);
    stuck.register('slack', async () => undefined);
    await stuck.accept(msg('9', 'hangt', 'anna', 'slack'), { channel: 'D1' });
    const result = await stuck.drain(20);
    expect(result).toEqual({ finished: false, released: 1 });
    expect(stuckInbox.rows.get('slack:9')!.leaseUntil.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('renews the leases of running turns, so a slow turn is not taken over while it runs', async () => {
    const inbox = new MemoryInbox();
    const slow = runner(
      inbox,
      async () => {
        await sleep(500);
        return [{ text: 'klaar' }];
      },
      recordingLogger(),
      250,
    );
    slow.register('slack', async () => undefined);
    slow.start();
    await slow.accept(msg('1', 'vraag', 'anna', 'slack'), { channel: 'D1' });
    const other = runner(inbox, async () => [{ text: 'dubbel' }], recordingLogger(), 250);
    other.register('slack', async () => undefined);
    await sleep(350);
    expect(await other.sweep()).toBe(0);
    await slow.idle();
    expect(inbox.rows.get('slack:1')?.replies).toContain('klaar');
  });
});
