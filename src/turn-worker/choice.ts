import os from 'node:os';
import type { Config } from '../config/load.js';

/**
 * Whether `buurtbot serve` runs turns on a worker thread. On one CPU a worker only adds the cost of
 * passing messages, so `auto` asks for more than one.
 */
export function wantsTurnWorker(config: Pick<Config, 'TURN_WORKER'>, cpus: number = os.availableParallelism()): boolean {
  if (config.TURN_WORKER === 'on') return true;
  if (config.TURN_WORKER === 'off') return false;
  return cpus > 1;
}
