/**
 * Values written exactly the way Prisma's SQLite adapter writes them, so rows from either path read
 * the same and sort the same: DateTime as ISO text with an explicit offset, Boolean as 0/1, ids
 * shaped like Prisma's cuid() (time, then a counter: ordered within a millisecond too).
 */
import crypto from 'node:crypto';

export function sqliteDate(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}

export function readDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(typeof value === 'number' ? value : String(value));
}

export const sqliteBool = (value: boolean): number => (value ? 1 : 0);

const BASE = 36;
const COUNTER_SPAN = BASE ** 4;
const fingerprint = (process.pid.toString(BASE) + crypto.randomBytes(2).toString('hex')).slice(-4).padStart(4, '0');
let counter = crypto.randomInt(COUNTER_SPAN);

/** Not a secret, only a tie-breaker between processes (as in cuid); Math.random is far cheaper per call than crypto. */
function randomBlock(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += Math.floor(Math.random() * BASE).toString(BASE);
  return out;
}

/** A 25-character id of the same shape as Prisma's `cuid()`: c + time + counter + fingerprint + random. */
export function newId(now = Date.now()): string {
  counter = (counter + 1) % COUNTER_SPAN;
  return `c${now.toString(BASE).padStart(8, '0')}${counter.toString(BASE).padStart(4, '0')}${fingerprint}${randomBlock(8)}`;
}
