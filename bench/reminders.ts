/**
 * Reminders at scale (`npx tsx bench/reminders.ts`): P platforms × B board members (each a person of
 * their own) × the 5 lead times of the Plan van Aanpak deadline (30, 14, 7, 3, 1 days), planned and
 * recorded through the real ReminderService → runReminderTick → PrismaDeliveryStore on SQLite.
 *
 * The clock stands on 30 December 2016 10:05 (Amsterdam), just after the last lead time: every lead
 * time has been reached, so each person gets one delivery row per lead time: the newest is sent,
 * the four older ones are recorded as skipped (too late / superseded), never sent. The announcement
 * channel of the web chat gets its five rows too. Personal messages go to a counting messenger
 * (registered as the Slack surface: no network), which also checks that nobody hears twice.
 *
 * Then the same tick again: it must send nothing (every key is claimed), and the table must still
 * hold exactly one row per planned delivery.
 */
import { planDeliveries } from '../src/core/reminders/index.js';
import type { Messenger } from '../src/core/ports.js';
import type { Reply } from '../src/core/messages.js';
import { closeBenchApp, createBenchApp } from './setup.js';
import { emit, int, mb, ms, numberFlag, rss, runMain } from './stats.js';

const PLATFORMS = numberFlag('--platforms', 100);
const BOARD = numberFlag('--board', 20);
const AT = new Date('2016-12-30T10:05:00+01:00');

class CountingMessenger implements Messenger {
  readonly surface = 'slack' as const;
  readonly channels = {};
  readonly direct = new Map<string, number>();
  channelPosts = 0;

  async postToChannel(_channelId: string, _replies: Reply[]): Promise<void> {
    this.channelPosts += 1;
  }

  async sendDirect(userRef: string, _replies: Reply[]): Promise<void> {
    this.direct.set(userRef, (this.direct.get(userRef) ?? 0) + 1);
  }

  get sends(): number {
    let n = 0;
    for (const count of this.direct.values()) n += count;
    return n;
  }
}

export interface TickFigures {
  ms: number;
  sent: number;
  skipped: number;
  failed: number;
}

export interface RemindersBenchResult {
  platforms: number;
  boardPerPlatform: number;
  people: number;
  leadTimes: number;
  at: string;
  setupMs: number;
  planInputMs: number;
  planMs: number;
  planned: number;
  plannedDue: number;
  first: TickFigures;
  second: TickFigures;
  rows: number;
  rowsByStatus: Record<string, number>;
  personalSends: number;
  peopleReached: number;
  peopleReachedTwice: number;
  noticeRows: number;
  rss: number;
}

async function main(): Promise<void> {
  const app = await createBenchApp({ now: AT.toISOString() });
  try {
    const messenger = new CountingMessenger();
    app.outbox.register(messenger);
    const db = app.database.db;

    // Setup (not measured as reminder work): platforms through the store, people and memberships in bulk.
    const setupStart = performance.now();
    const refs: string[] = [];
    for (let p = 0; p < PLATFORMS; p++) {
      const platform = await app.platforms.create({ name: `Buurtplatform ${String(p + 1).padStart(3, '0')}` });
      const people = Array.from({ length: BOARD }, (_, b) => `slack:T1:U${String(p).padStart(3, '0')}${String(b).padStart(3, '0')}`);
      await db.user.createMany({ data: people.map((ref, b) => ({ ref, language: b % 3 === 0 ? 'en' : 'nl' })) });
      const users = await db.user.findMany({ where: { ref: { in: people } }, select: { id: true } });
      await db.membership.createMany({ data: users.map((u) => ({ platformId: platform.id, userId: u.id, role: 'board' })) });
      refs.push(...people);
    }
    const setupMs = performance.now() - setupStart;

    // Planning alone: the repository reads, then the pure planner.
    let t = performance.now();
    const input = await app.reminders.planInput(AT);
    const planInputMs = performance.now() - t;
    t = performance.now();
    const planned = planDeliveries(input);
    const planMs = performance.now() - t;
    const leadTimes = new Set(planned.map((d) => d.leadDays)).size;

    t = performance.now();
    const firstResult = await app.reminders.send(AT);
    const first: TickFigures = { ms: performance.now() - t, ...firstResult };
    const sendsAfterFirst = messenger.sends;

    t = performance.now();
    const secondResult = await app.reminders.send(AT);
    const second: TickFigures = { ms: performance.now() - t, ...secondResult };

    const rows = await db.delivery.count();
    const grouped = await db.delivery.groupBy({ by: ['status'], _count: { _all: true } });
    const rowsByStatus: Record<string, number> = {};
    for (const g of grouped) rowsByStatus[g.status] = g._count._all;
    const noticeRows = await db.notice.count();
    let twice = 0;
    for (const count of messenger.direct.values()) if (count > 1) twice += 1;

    const result: RemindersBenchResult = {
      platforms: PLATFORMS,
      boardPerPlatform: BOARD,
      people: refs.length,
      leadTimes,
      at: AT.toISOString(),
      setupMs,
      planInputMs,
      planMs,
      planned: planned.length,
      plannedDue: planned.filter((d) => d.status === 'due').length,
      first,
      second,
      rows,
      rowsByStatus,
      personalSends: messenger.sends,
      peopleReached: messenger.direct.size,
      peopleReachedTwice: twice,
      noticeRows,
      rss: rss(),
    };
    if (messenger.sends !== sendsAfterFirst) process.stderr.write('the second tick sent personal messages\n');
    emit(
      result,
      [
        `${int(result.people)} people on ${PLATFORMS} platforms, ${leadTimes} lead times: ${int(result.planned)} planned (${int(result.plannedDue)} due)`,
        `plan input (DB reads) ${ms(planInputMs)}, planning ${ms(planMs)}`,
        `first tick ${ms(first.ms)}: sent ${first.sent}, skipped ${first.skipped}, failed ${first.failed}`,
        `second tick ${ms(second.ms)}: sent ${second.sent}, skipped ${second.skipped}, failed ${second.failed}`,
        `rows ${int(rows)} ${JSON.stringify(rowsByStatus)}; personal sends ${result.personalSends} to ${result.peopleReached} people (${twice} twice); RSS ${mb(result.rss)}`,
      ].join('\n'),
    );
  } finally {
    await closeBenchApp(app);
  }
}

runMain(main, 400_000);
