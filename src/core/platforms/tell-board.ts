import type { Language } from '../language.js';
import type { Outbox } from '../ports.js';
import type { PlatformStore } from './ports.js';

/**
 * A notice to every board member of a platform, each in their own language (Dutch when unknown);
 * a failed delivery is the outbox's to retry and report. Returns how many were told.
 */
export async function tellBoard(
  deps: { platforms: PlatformStore; outbox: Outbox },
  platformId: string,
  text: (language: Language) => string,
): Promise<number> {
  const board = (await deps.platforms.members(platformId)).filter((m) => m.role === 'board');
  for (const member of board) {
    const language = member.language ?? 'nl';
    await deps.outbox.toUser(member.userRef, [{ kind: 'notice', language, text: text(language) }]);
  }
  return board.length;
}
