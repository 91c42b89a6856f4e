import type { Db } from '../prisma-client.js';

/**
 * Display names by user ref, read when a record is shown (records keep only the ref): a person who
 * was forgotten has no name anywhere any more. Null refs (forgotten people) are skipped.
 */
export async function displayNamesOf(db: Db, refs: ReadonlyArray<string | null>): Promise<Map<string, string | null>> {
  const wanted = [...new Set(refs.filter((r): r is string => r !== null))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({ where: { ref: { in: wanted } }, select: { ref: true, displayName: true } });
  return new Map(users.map((u) => [u.ref, u.displayName]));
}
