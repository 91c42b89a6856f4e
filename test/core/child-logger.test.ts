import { describe, expect, it } from 'vitest';
import { childLogger, type Logger } from '../../src/core/ports.js';

describe('childLogger', () => {
  it('adds its bindings to every line, under the call’s own fields, for any logger', () => {
    const lines: Array<[string, unknown, string | undefined]> = [];
    const capture = (level: string) => (obj: object | string, msg?: string) => void lines.push([level, obj, msg]);
    const base: Logger = { debug: capture('debug'), info: capture('info'), warn: capture('warn'), error: capture('error') };
    const slack = childLogger(base, { surface: 'slack' });
    slack.warn({ channel: 'C1' }, 'rate limited');
    slack.info('connected');
    slack.error({ surface: 'override' }, 'x');
    expect(lines).toEqual([
      ['warn', { surface: 'slack', channel: 'C1' }, 'rate limited'],
      ['info', { surface: 'slack' }, 'connected'],
      ['error', { surface: 'override' }, 'x'],
    ]);
  });
});
