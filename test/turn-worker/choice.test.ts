import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load.js';
import { wantsTurnWorker } from '../../src/turn-worker/choice.js';

describe('TURN_WORKER', () => {
  it('is auto by default: a worker for `buurtbot serve` when there is more than one CPU', () => {
    const config = loadConfig({}, { readDotEnv: false });
    expect(config.TURN_WORKER).toBe('auto');
    expect(wantsTurnWorker(config, 2)).toBe(true);
    expect(wantsTurnWorker(config, 1)).toBe(false);
    expect(wantsTurnWorker(loadConfig({ TURN_WORKER: 'On' }, { readDotEnv: false }), 1)).toBe(true);
    expect(wantsTurnWorker(loadConfig({ TURN_WORKER: 'off' }, { readDotEnv: false }), 8)).toBe(false);
    expect(() => loadConfig({ TURN_WORKER: 'maybe' }, { readDotEnv: false })).toThrow(ConfigError);
  });
});
