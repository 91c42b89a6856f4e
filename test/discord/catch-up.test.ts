/**
 * Messages sent while no instance was connected: Discord keeps them, but a fresh gateway
 * connection does not replay them. On connecting, buurtbot reads on from the last message it
 * accepted in each channel and answers what it missed, once, in order.
 */
import { describe, expect, it } from 'vitest';
import { startDiscord } from '../../src/adapters/discord/surface.js';
import { ALICE } from '../support/fake-discord.js';
import { startHarness } from './harness.js';

describe('catching up after downtime', () => {
  it('answers the DMs sent while buurtbot was offline, oldest first, and nothing twice', async () => {
    const h = await startHarness();
    let second: ReturnType<typeof startDiscord> | undefined;
    try {
      const before = h.fake.sent.length;
      const seen = h.fake.directMessage(ALICE, 'hulp');
      await h.settle(before);
      expect(h.fake.sent.filter((s) => s.replyTo === seen.id)).toHaveLength(1);

      // The instance stops; two questions arrive while nobody is connected.
      await h.surface.stop();
      const first = h.fake.directMessageWhileAway(ALICE, 'Wanneer moet ons Plan van Aanpak binnen zijn?');
      const later = h.fake.directMessageWhileAway(ALICE, 'Hoeveel bestuursleden moeten we hebben?');

      const from = h.fake.sent.length;
      second = startDiscord(h.app, { waitGuildTimeout: 200, ackAfterMs: 2500 });
      await second.ready;
      await h.fake.waitFor(() => h.fake.sent.slice(from).some((s) => s.replyTo === later.id), 10_000, 'the answer to the second missed DM');
      await second.idle();
      const answers = h.fake.sent.slice(from);
      const toFirst = answers.filter((s) => s.replyTo === first.id);
      const toLater = answers.filter((s) => s.replyTo === later.id);
      expect(toFirst.map((s) => s.content).join('\n')).toContain('31 december 2016');
      expect(toLater.map((s) => s.content).join('\n')).toMatch(/3 bestuursleden/);
      // In the order they were sent; the message answered before the downtime is not answered again.
      expect(answers.indexOf(toFirst[0]!)).toBeLessThan(answers.indexOf(toLater[0]!));
      expect(answers.some((s) => s.replyTo === seen.id)).toBe(false);
      expect(h.logger.text()).toMatch(/caught up on messages sent while buurtbot was not connected.*"messages":2/);
    } finally {
      await second?.stop();
      await h.fake.stop();
      await h.app.close();
    }
  });
});
