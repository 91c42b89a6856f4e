// Used only by prisma.config.ts: the Prisma CLI asks for the adapter more than once, so memoize it,
// and create the SQLite folder first so `prisma migrate deploy` works on a fresh checkout.
import fs from 'node:fs';
import path from 'node:path';
import { parseDatabaseUrl } from './database-url.js';
import { driverAdapterFor } from './driver-adapter.js';

export function cliAdapterFor(url: string) {
  let memo: Awaited<ReturnType<typeof driverAdapterFor>> | undefined;
  return async () => {
    if (!memo) {
      const target = parseDatabaseUrl(url);
      if (target.kind === 'sqlite') fs.mkdirSync(path.dirname(target.file), { recursive: true });
      memo = await driverAdapterFor(target);
    }
    return memo;
  };
}
