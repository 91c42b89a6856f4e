/**
 * `npm run bench` (`tsx bench/all.ts`): every benchmark part, each in a child process of its own
 * (clean memory figures, nothing left running), one after the other, then bench/REPORT.md,
 * bench/results.json and bench/latency.png. A report, not a test: nothing fails on a missed target;
 * the report says where each target stands. Everything runs on 127.0.0.1; every part is bounded in
 * count and in time.
 *
 *   npx tsx bench/all.ts                 all parts, writes the report
 *   npx tsx bench/all.ts --only slack    some parts (comma-separated ids), prints, writes nothing
 *   npx tsx bench/all.ts --report-only   rewrites REPORT.md and latency.png from bench/results.json
 *   npx tsx bench/all.ts --only inbox-drill --update   runs some parts and merges them into results.json and REPORT.md
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chartSvg, renderPng, type ChartData } from './chart.js';
import type { CoreBenchResult } from './core.js';
import type { DiscordBenchResult } from './discord.js';
import type { InboxDrillResult } from './inbox-drill.js';
import type { RemindersBenchResult } from './reminders.js';
import type { ScalingBenchResult } from './scaling.js';
import type { SlackBenchResult } from './slack.js';
import type { StartupBenchResult } from './startup.js';
import { RESULT_MARKER, flag, int, machineInfo, mb, median, ms, type MachineInfo } from './stats.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = path.join(ROOT, 'bench');
const SLACK_TARGET = 1.5;
const DISCORD_TARGET = 1.5;

interface Part {
  id: string;
  /** Node arguments after `node` (the command shown in the report is `node …` with these). */
  args: string[];
  timeoutMs: number;
}

const PARTS: Part[] = [
  { id: 'content', args: ['--import', 'tsx', 'bench/content.ts', '500', '5000', '50000'], timeoutMs: 300_000 },
  {
    id: 'core-5000',
    args: ['--expose-gc', '--import', 'tsx', 'bench/core.ts', '--passages', '5000', '--profile', '100'],
    timeoutMs: 180_000,
  },
  { id: 'core-500', args: ['--expose-gc', '--import', 'tsx', 'bench/core.ts', '--passages', '500', '--turns', '240'], timeoutMs: 180_000 },
  {
    id: 'core-50000',
    args: ['--expose-gc', '--import', 'tsx', 'bench/core.ts', '--passages', '50000', '--turns', '120'],
    timeoutMs: 300_000,
  },
  { id: 'scaling', args: ['--expose-gc', '--import', 'tsx', 'bench/scaling.ts'], timeoutMs: 300_000 },
  // The surfaces run under tsx's ESM hooks only, as `buurtbot serve` does (bin/buurtbot.js): with
  // its CommonJS hooks too, every lazy require() inside discord.js and Bolt would go through tsx's
  // resolver, a cost the running bot never has.
  { id: 'slack', args: ['--import', 'tsx/esm', 'bench/slack.ts'], timeoutMs: 240_000 },
  { id: 'discord', args: ['--import', 'tsx/esm', 'bench/discord.ts'], timeoutMs: 240_000 },
  { id: 'reminders', args: ['--expose-gc', '--import', 'tsx', 'bench/reminders.ts'], timeoutMs: 400_000 },
  { id: 'startup', args: ['--import', 'tsx', 'bench/startup.ts'], timeoutMs: 300_000 },
  { id: 'inbox-drill', args: ['--import', 'tsx', 'bench/inbox-drill.ts', '--events', '90', '--runs', '3'], timeoutMs: 900_000 },
];

interface PartRun {
  id: string;
  command: string;
  ok: boolean;
  wallMs: number;
  loadBefore: number;
  error?: string;
  result?: unknown;
}

const command = (part: Part): string => `node ${part.args.join(' ')}`;

function runPart(part: Part): Promise<PartRun> {
  const started = performance.now();
  const loadBefore = machineInfo().loadAverage[0];
  process.stderr.write(`\n▶ ${command(part)}\n`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, part.args, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    let stderrTail = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      process.stderr.write(text);
      stderrTail = (stderrTail + text).slice(-2000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), part.timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER));
      const base = { id: part.id, command: command(part), wallMs, loadBefore };
      if (code === 0 && line) {
        resolve({ ...base, ok: true, result: JSON.parse(line.slice(RESULT_MARKER.length)) as unknown });
      } else {
        const why = signal
          ? `stopped by ${signal} after ${Math.round(wallMs / 1000)} s (limit ${part.timeoutMs / 1000} s)`
          : `exit code ${code}`;
        resolve({ ...base, ok: false, error: `${why}: ${stderrTail.trim().split('\n').slice(-3).join(' / ')}` });
      }
    });
  });
}

// ------------------------------------------------------------------------------- report

const fx = (value: number, digits = 2): string => `${value.toFixed(digits)}×`;
const pct = (value: number): string => `${Math.round(value * 100)}%`;
const code = (s: string): string => `\`${s}\``;
const load1 = (n: number): string => n.toFixed(2);

function table(header: string[], rows: string[][], align?: string[]): string {
  const sep = align ?? header.map((_, i) => (i === 0 ? '---' : '---:'));
  return [`| ${header.join(' | ')} |`, `| ${sep.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** " (re-run on …)" for a part merged in later with `--update`. */
function updatedAt(results: Results, id: string): string {
  const at = results.updated?.find((u) => u.id === id)?.at;
  return at ? ` (re-run on ${at.slice(0, 16).replace('T', ' ')} UTC with ${code('--update')})` : '';
}

function status(ok: boolean): string {
  return ok ? '**met**' : '**not met**';
}

interface Results {
  /** When the run started (ISO). */
  startedAt: string;
  machine: MachineInfo;
  loadEnd: [number, number, number];
  totalMs: number;
  runs: PartRun[];
  discordPresent: boolean;
  /** Parts re-run later with `--update`, and when. */
  updated?: Array<{ id: string; at: string }>;
}

function get<T>(results: Results, id: string): { run: PartRun; data: T } | undefined {
  const run = results.runs.find((r) => r.id === id);
  return run?.ok && run.result !== undefined ? { run, data: run.result as T } : undefined;
}

function failed(results: Results, id: string): string {
  const run = results.runs.find((r) => r.id === id);
  if (!run) return `_Part ${code(id)} did not run._`;
  return `_Part ${code(id)} failed (${run.error ?? 'no result'}). Command: ${code(run.command)}._`;
}

function chartData(results: Results): ChartData {
  const passages = ['core-500', 'core-5000', 'core-50000']
    .map((id) => get<CoreBenchResult>(results, id)?.data)
    .filter((d): d is CoreBenchResult => d !== undefined)
    .map((d) => ({
      passages: d.passages,
      retrievalP50: d.retrieval.latency.p50,
      retrievalP95: d.retrieval.latency.p95,
      coreP50: d.core.latency.p50,
      coreP95: d.core.latency.p95,
    }))
    .sort((a, b) => a.passages - b.passages);
  const surfaces = [];
  const slack = get<SlackBenchResult>(results, 'slack')?.data;
  const slackEchoRun = slack?.runs.find((r) => r.label === 'echo (run 1, first)') ?? slack?.runs[0];
  const slackBotRun = slack?.runs.find((r) => r.label === 'buurtbot, first contact (run 1)') ?? slack?.runs[1];
  const surface = (name: string, echo: { latency: { p50: number; p95: number } }, bot: { latency: { p50: number; p95: number } }) => ({
    name,
    echoP50: echo.latency.p50,
    echoP95: echo.latency.p95,
    botP50: bot.latency.p50,
    botP95: bot.latency.p95,
  });
  if (slackEchoRun && slackBotRun) surfaces.push(surface('Slack (first contact)', slackEchoRun, slackBotRun));
  const discord = get<DiscordBenchResult>(results, 'discord')?.data;
  const discordEchoRun = discord?.runs.find((r) => r.label === 'echo') ?? discord?.runs[0];
  const discordBotRun = discord?.runs.find((r) => r.label === 'buurtbot, first contact') ?? discord?.runs[1];
  if (discordEchoRun && discordBotRun) surfaces.push(surface('Discord (first contact)', discordEchoRun, discordBotRun));
  return {
    passages,
    surfaces,
    caption:
      `${results.machine.cpu}, ${results.machine.cores} cores, Node ${results.machine.node}; load average ${load1(results.machine.loadAverage[0])} at start. Wall-clock latencies.` +
      (discord
        ? "\nThe Discord echo's p95 is mostly time queued for discord.js's client-side limit of 50 requests/s (see REPORT.md)."
        : ''),
  };
}

function report(results: Results, chartOk: boolean): string {
  const m = results.machine;
  const out: string[] = [];
  const slack = get<SlackBenchResult>(results, 'slack');
  const discord = get<DiscordBenchResult>(results, 'discord');
  const core = get<CoreBenchResult>(results, 'core-5000');
  const core500 = get<CoreBenchResult>(results, 'core-500');
  const core50k = get<CoreBenchResult>(results, 'core-50000');
  const scaling = get<ScalingBenchResult>(results, 'scaling');
  const reminders = get<RemindersBenchResult>(results, 'reminders');
  const startup = get<StartupBenchResult>(results, 'startup');

  out.push('# buurtbot benchmark report', '');
  out.push(
    `Written by ${code('npm run bench')} (${code('tsx bench/all.ts')}) on ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC in ${Math.round(results.totalMs / 1000)} s. ` +
      (results.updated?.length
        ? `Re-run later with ${code('--update')} and merged in: ${results.updated.map((u) => `${u.id} (${u.at.slice(0, 16).replace('T', ' ')} UTC)`).join(', ')}; compare those parts with each other, not with the rest. `
        : '') +
      'A report, not a timed test: every figure is measured in this one run, side by side where it is a comparison, and each table names the exact command that reproduces it (run from the repository root). ' +
      'Every server in it (fake Slack, fake Discord, buurtbot, the echo apps) listens on 127.0.0.1 only; nothing uses the network.',
    '',
  );
  out.push('## Machine', '');
  out.push(
    table(
      ['', ''],
      [
        ['CPU (/proc/cpuinfo)', m.cpu],
        ['Cores', String(m.cores)],
        ['Memory', m.memory],
        ['Node.js', m.node],
        ['OS', m.platform],
        ['Load average (1/5/15 min) at start', m.loadAverage.map(load1).join(' / ')],
        ['Load average at end', results.loadEnd.map(load1).join(' / ')],
      ],
      ['---', '---'],
    ),
    '',
  );
  if (m.loadAverage[0] > m.cores) {
    out.push(
      `> **Other work was running**: the load average (${load1(m.loadAverage[0])}) was above the number of cores (${m.cores}) during this run, so this process got only part of a core at times. ` +
        'Wall-clock figures (latencies, answers per second) are inflated by that; the **CPU time** columns (process CPU time per answer or event) are not, and the side-by-side ratios are measured in the same minute on the same machine. ' +
        'The 1-minute load average before each part is in the last table.',
      '',
    );
  }

  // ------------------------------------------------------------------ summary
  out.push('## Targets at a glance', '');
  const rows: string[][] = [];
  const pairRows = (surface: string, pairs: SlackBenchResult['pairs'], target: number): void => {
    for (const p of pairs) {
      const ok = p.p50Ratio <= target && p.p95Ratio <= target;
      rows.push([
        `${surface} reply latency ${p.diagnostic ? '(diagnostic) ' : ''}${p.bot} / ${p.echo}`,
        `p50 ${fx(p.p50Ratio)}, p95 ${fx(p.p95Ratio)}`,
        `≤ ${target}×`,
        p.diagnostic ? (ok ? 'within' : 'above') : status(ok),
      ]);
    }
  };
  if (slack) {
    pairRows('Slack', slack.data.pairs, SLACK_TARGET);
    pairRows('Slack', slack.data.mentions?.pairs ?? [], SLACK_TARGET);
    const lost = [...slack.data.runs, ...(slack.data.mentions?.runs ?? [])].reduce(
      (n, r) => n + r.lost + r.duplicated + (r.unthreaded ?? 0),
      0,
    );
    rows.push([
      `Slack: events without exactly one answer post (all rounds${slack.data.mentions ? "; a mention's answer must be in its thread" : ''})`,
      String(lost),
      '0',
      status(lost === 0),
    ]);
  } else rows.push(['Slack', 'did not run', '', '']);
  if (discord) {
    pairRows('Discord', discord.data.pairs, DISCORD_TARGET);
    const lost = discord.data.runs.reduce((n, r) => n + r.lost + r.duplicated, 0);
    rows.push(['Discord: DMs without exactly one answer post (all rounds)', String(lost), '0', status(lost === 0)]);
  } else rows.push(['Discord', results.discordPresent ? 'failed, see below' : 'not benchmarked: the Discord surface is missing', '', '']);
  const drillRows = get<InboxDrillResult>(results, 'inbox-drill')?.data.runs;
  if (drillRows) {
    const bad = drillRows.reduce((n, r) => n + r.lost + r.doubled, 0);
    rows.push([`Two instances, one killed: lost + doubled over ${drillRows.length} runs`, String(bad), '0', status(bad === 0)]);
  }
  if (reminders) {
    const d = reminders.data;
    rows.push([
      'Reminders: rows recorded / deliveries planned',
      `${int(d.rows)} / ${int(d.planned)}`,
      'equal',
      status(d.rows === d.planned),
    ]);
    rows.push([
      'Reminders: sent by the second run of the same tick',
      String(d.second.sent),
      '0',
      status(d.second.sent === 0 && d.peopleReachedTwice === 0),
    ]);
  }
  if (startup) {
    const d = startup.data;
    rows.push([`\`buurtbot --help\` (median of ${d.runs})`, ms(median(d.helpMs)), '≤ 300 ms', status(median(d.helpMs) <= 300)]);
    rows.push([`\`buurtbot ask\` (median of ${d.runs})`, ms(median(d.askMs)), '≤ 800 ms', status(median(d.askMs) <= 800)]);
    rows.push([
      `Idle \`buurtbot serve\`, no tokens: RSS (median of ${d.runs}; a bare Bolt app: ${Math.round(median(d.boltIdleRssMb))} MB)`,
      `${Math.round(median(d.serveIdleRssMb))} MB`,
      '≤ 150 MB',
      status(median(d.serveIdleRssMb) <= 150),
    ]);
  }
  out.push(
    table(['Figure', 'Result', 'Target', 'Status'], rows, ['---', '---:', '---:', '---']),
    '',
    'The targets apply to the load the issue names (300 events, 8 at a time); rows marked _diagnostic_ change one condition to find the cause.',
    '',
  );

  // ------------------------------------------------------------------ Slack
  out.push('## Slack: knowledge-base answer vs. a bare Bolt echo', '');
  if (slack) {
    const d = slack.data;
    out.push(
      `Command: ${code(slack.run.command)}${updatedAt(results, 'slack')}`,
      '',
      `${d.events} signed ${code('message.im')} events per round, ${d.concurrency} at a time (closed loop), each from its own user and DM channel, after ${d.warmup} warm-up events per app. ` +
        'buurtbot: the real App (SQLite), the real Slack surface (Bolt 5 on our WebServer at /slack/events) with its **production settings** (per-channel gap of 1.1 s, which no event here meets because every event has its own DM channel; default Web API tuning; every event stored in the durable inbox before it is acknowledged, turns on the same thread, as `buurtbot serve` runs them). ' +
        "Echo: `new App({ token, signingSecret })` with Bolt's own HTTPReceiver, `app.message(({ say }) => say(text))`. Each gets its own fake Slack (test/support/fake-slack.ts); fake, load generator and app share one process, for both alike. " +
        'Latency = from sending the signed event to the fake receiving that channel\'s `chat.postMessage`; ack = the HTTP response to the event. Rounds alternate (echo, bot, echo, bot) so background load hits both. "First contact": every user is new to buurtbot, which creates the user and conversation; as in a real workspace they are members, whose names buurtbot read with `users.list` when it connected (it follows `team_join`/`user_change` from then on); "returning": the same users again with other questions. ' +
        'CPU / event is the CPU time of the whole process (app, fake Slack, load generator) per event, which other work on the machine does not inflate. The pairs of rounds are repeated with new users each time (a single pair on a shared machine can land either side of the target by chance); the target is judged on the **median** ratio of the repeats, and every repeat is shown. Three diagnostic pairs follow: first contact with people who are not in the member list (joined since start: one `users.info` call each before the turn); one event at a time, so nothing queues; and the same bot with retrieval taken out (every answer computed once by the real answerer before the round, then served from memory), against another echo round.',
      '',
      slackRoundsTable(d.runs),
      '',
      slackPairsTable(d.pairs),
      '',
    );
    const m = d.mentions;
    if (m) {
      out.push(
        '### Slack: @mentions in a channel, answered in the thread',
        '',
        `The same command. In every repeat, after its DM rounds: ${m.events} signed ${code('app_mention')} events (${code('<@UBOT> question')}), ${m.concurrency} at a time, each in a channel of its own, from ${m.users} members taken round-robin (new members each repeat: a person's first mention is first contact, the rest return). ` +
          "buurtbot answers in the thread of the mention, as its Slack surface does (a 👀 on the mention only when the answer takes more than a second, so none here). Echo: the same bare Bolt app with `app.event('app_mention', ({ event, say }) => say({ text, thread_ts: event.ts }))`. " +
          'Latency = from sending the signed event to the fake receiving the `chat.postMessage` in that channel; every channel must get exactly one post, in the thread of its mention. Echo and bot alternate within each repeat; the target is judged on the **median** ratio of the repeats.',
        '',
        slackRoundsTable(m.runs, true),
        '',
        slackPairsTable(m.pairs),
        '',
      );
    }
  } else out.push(failed(results, 'slack'), '');

  // ------------------------------------------------------------------ Discord
  out.push('## Discord: knowledge-base answer vs. a bare discord.js echo', '');
  if (!results.discordPresent) {
    out.push('_Not benchmarked: src/adapters/discord/surface.ts or test/support/fake-discord.ts is missing in this checkout._', '');
  } else if (discord) {
    const d = discord.data;
    out.push(
      `Command: ${code(discord.run.command)}${updatedAt(results, 'discord')}`,
      '',
      `${d.events} DMs per round, ${d.concurrency} at a time, each from its own user (so its own DM channel), after ${d.warmup} warm-up DMs per client. ` +
        'buurtbot: the real App and the real Discord surface (`startDiscord`, discord.js 14), every message stored in the durable inbox before work, turns on the same thread (as `buurtbot serve`). Echo: a discord.js `Client` with the same intents and `Partials.Channel` that answers `message.reply(content)`. ' +
        (d.runs.some((r) => r.label === 'echo with the same reply shape')
          ? "Beside it (after the bot's first round, same load and limit) a second echo that answers with **the same reply shape** as buurtbot: the text, one embed with title, description and footer, one action row with two buttons, built with discord.js's `EmbedBuilder`, `ActionRowBuilder` and `ButtonBuilder` and sent with `message.reply`. The target stays the bare echo; the second row shows how much of the gap is the richer message alone. "
          : '') +
        'Each has its own fake Discord (test/support/fake-discord.ts: gateway + REST on 127.0.0.1). Latency = from the fake sending MESSAGE_CREATE on the gateway to it receiving the answer on `POST /channels/:id/messages`. ' +
        "discord.js keeps every client to Discord's global limit of 50 REST requests per second on its own side (`globalRequestsPerSecond`); the diagnostic rounds after the first two lift that limit on both clients (it separates the bot's own cost from Discord's request budget), and the last two also send one DM at a time.",
      '',
      table(
        [
          'Round',
          'In flight',
          'Answered',
          'Posts',
          'Lost',
          'Twice',
          'p50',
          'p95',
          'max',
          'CPU / event',
          'REST requests',
          'Held by 50/s limit',
          'Wall',
        ],
        d.runs.map((r) => [
          r.label,
          String(r.concurrency),
          `${r.answered}/${r.events}`,
          String(r.posts),
          String(r.lost),
          String(r.duplicated),
          ms(r.latency.p50),
          ms(r.latency.p95),
          ms(r.latency.max),
          ms(r.cpuMsPerEvent),
          Object.entries(r.requests)
            .map(([route, n]) => `${n} × ${code(route)}`)
            .join(', '),
          String(r.rateLimitWaits),
          `${(r.wallMs / 1000).toFixed(1)} s`,
        ]),
      ),
      '',
      table(
        ['Pair (same load, side by side)', 'p50 ratio', 'p95 ratio', 'CPU / event ratio', `Target ≤ ${DISCORD_TARGET}×`],
        d.pairs.map((p) => [
          `${p.diagnostic ? '_diagnostic:_ ' : ''}${p.bot} / ${p.echo}`,
          fx(p.p50Ratio),
          fx(p.p95Ratio),
          fx(p.cpuRatio),
          p.diagnostic ? '' : status(p.p50Ratio <= DISCORD_TARGET && p.p95Ratio <= DISCORD_TARGET),
        ]),
      ),
      '',
    );
  } else out.push(failed(results, 'discord'), '');

  // ------------------------------------------------------------------ Core
  out.push('## Core: answers per second and memory at 5,000 passages', '');
  if (core) {
    const d = core.data;
    out.push(
      `Command: ${code(core.run.command)}${updatedAt(results, 'core-5000')}`,
      '',
      `Content: the real knowledge base (${d.realEntries} entries) plus ${int(d.fillerEntries)} generated filler entries (bench/filler.ts), ${int(d.passages)} passages, written as Markdown and loaded by the App at start. ` +
        `Retrieval alone: ${code('app.knowledge.knowledge.answer(question)')} in a loop over the ${"evaluation set's answerable questions"} (one thread, no I/O). ` +
        `Whole core: ${code('app.turns.dispatch(message)')} (engine, features; SQLite: the per-turn statements on a direct connection, the rest through Prisma), ${d.core.concurrency} at a time, every question from a new person.`,
      '',
      table(
        ['Figure', 'Value', 'Note'],
        [
          ['Start (createApp: content, index, database)', ms(d.startMs), `CPU ${ms(d.startCpuMs)}`],
          [
            'RSS after start',
            mb(d.rssAfterStart),
            `+${mb(d.rssAfterStart - d.rssBeforeStart)} over the process before createApp (${mb(d.rssBeforeStart)}, modules loaded); V8 heap ${mb(d.heapAfterStart)}`,
          ],
          [
            'Retrieval alone: answers per second',
            int(d.retrieval.perSecond),
            `p50 ${ms(d.retrieval.latency.p50)}, p95 ${ms(d.retrieval.latency.p95)}, CPU ${ms(d.retrieval.cpuMsPerAnswer)} per answer; ${d.retrieval.answered}/${d.retrieval.answers} answered (not refused)`,
          ],
          [
            'Whole core: answers per second',
            d.core.perSecond.toFixed(1),
            `p50 ${ms(d.core.latency.p50)}, p95 ${ms(d.core.latency.p95)}, CPU ${ms(d.core.cpuMsPerAnswer)} per answer, ${d.core.turns} turns, ${d.core.errors} errors`,
          ],
          [
            'Whole core / retrieval alone, CPU per answer',
            fx(d.core.cpuMsPerAnswer / Math.max(1e-9, d.retrieval.cpuMsPerAnswer), 1),
            'what a turn costs beyond finding the answer',
          ],
          [
            'SQL statements per turn',
            d.core.statementsPerTurn.toFixed(1),
            'counted at better-sqlite3 (BEGIN/COMMIT included), over the measured turns',
          ],
          ...(d.core.sampleTurn
            ? [
                [
                  'Statements of a first question',
                  String(d.core.sampleTurn.firstQuestion.length),
                  d.core.sampleTurn.firstQuestion.join(', '),
                ],
                [
                  'Statements of a second question',
                  String(d.core.sampleTurn.secondQuestion.length),
                  d.core.sampleTurn.secondQuestion.join(', '),
                ],
              ]
            : []),
          ['RSS after the core run', mb(d.rssAfterCore), ''],
        ],
        ['---', '---:', '---'],
      ),
      '',
    );
    if (d.profile) {
      out.push(
        `Where the CPU goes in a turn (V8 sampling profiler over ${d.profile.turns} more turns after the measurement, idle excluded; same command):`,
        '',
        table(
          ['Part of the stack', 'Share of CPU'],
          Object.entries(d.profile.shares).map(([k, v]) => [k, pct(v)]),
        ),
        '',
      );
    }
  } else out.push(failed(results, 'core-5000'), '');

  // ------------------------------------------------------------------ Reminders
  out.push('## Reminders: 10,000 deliveries, exactly once', '');
  if (reminders) {
    const d = reminders.data;
    out.push(
      `Command: ${code(reminders.run.command)}${updatedAt(results, 'reminders')}`,
      '',
      `${d.platforms} platforms × ${d.boardPerPlatform} board members (${int(d.people)} people, each their own person) × ${d.leadTimes} lead times of the Plan van Aanpak deadline, through the real ${code('app.reminders.send()')} → ${code('runReminderTick')} → ${code('PrismaDeliveryStore')} on SQLite, with the clock at ${d.at} (30 December 2016, 10:05 in Amsterdam: just after the last lead time). ` +
        'Every lead time has been reached, so each person has one delivery per lead time: the newest is sent, the older ones are recorded as skipped (late or superseded), never sent. ' +
        `The web chat's announcement channel adds its own ${d.planned - d.people * d.leadTimes} rows. Personal messages go to a counting messenger registered as the Slack surface (no network) that also checks nobody hears twice. Then the same tick runs again.`,
      '',
      table(
        ['Figure', 'Value', 'Per delivery'],
        [
          ['Deliveries planned', `${int(d.planned)} (${int(d.plannedDue)} due, the rest to record as skipped)`, ''],
          ['Plan input (reading platforms, plans, members)', ms(d.planInputMs), ''],
          ['Planning (pure)', ms(d.planMs), `${((d.planMs / d.planned) * 1000).toFixed(1)} µs`],
          [
            'First tick: claim, send, record',
            `${ms(d.first.ms)}: sent ${int(d.first.sent)}, skipped ${int(d.first.skipped)}, failed ${d.first.failed}`,
            ms(d.first.ms / d.planned),
          ],
          [
            'Second tick, same moment',
            `${ms(d.second.ms)}: sent ${d.second.sent}, skipped ${d.second.skipped}, failed ${d.second.failed}`,
            ms(d.second.ms / d.planned),
          ],
          [
            'Rows in Delivery',
            `${int(d.rows)} ${Object.entries(d.rowsByStatus)
              .map(([k, v]) => `${k} ${int(v)}`)
              .join(', ')}`,
            `rows / planned = ${(d.rows / d.planned).toFixed(3)}`,
          ],
          [
            'Personal messages handed to the messenger',
            `${int(d.personalSends)} to ${int(d.peopleReached)} people; ${d.peopleReachedTwice} reached twice`,
            '',
          ],
          ['RSS at the end', mb(d.rss), ''],
        ],
        ['---', '---:', '---:'],
      ),
      '',
    );
  } else out.push(failed(results, 'reminders'), '');

  // ------------------------------------------------------------------ Start-up and idle memory
  out.push('## Start-up and idle memory', '');
  if (startup) {
    const d = startup.data;
    const list = (values: number[], unit: (n: number) => string) => values.map(unit).join(', ');
    out.push(
      `Command: ${code(startup.run.command)}${updatedAt(results, 'startup')}`,
      '',
      "The compiled bot as `npm start` and `npx buurtbot` run it (`node --max-semi-space-size=2 bin/buurtbot.js`: the flags of the bin's shebang; built by `npm ci`), each run a fresh process. The bare Bolt app runs with node's defaults. `--help` and `ask` (the offline answerer, embedded SQLite) are timed from spawn to exit. `serve` with no chat tokens (web chat only) is measured by its RSS once `/healthz` answers and it has stood idle for a few seconds; beside it a bare Bolt app with its HTTP receiver listening.",
      '',
      table(
        ['Measure', 'Median', 'Every run'],
        [
          ['`buurtbot --help`', ms(median(d.helpMs)), list(d.helpMs, ms)],
          ['`buurtbot ask "…"`', ms(median(d.askMs)), list(d.askMs, ms)],
          ['idle `buurtbot serve` RSS', `${Math.round(median(d.serveIdleRssMb))} MB`, list(d.serveIdleRssMb, (n) => `${Math.round(n)} MB`)],
          ['idle bare Bolt app RSS', `${Math.round(median(d.boltIdleRssMb))} MB`, list(d.boltIdleRssMb, (n) => `${Math.round(n)} MB`)],
        ],
        ['---', '---:', '---'],
      ),
      '',
    );
  } else out.push(failed(results, 'startup'), '');

  // ------------------------------------------------------------------ Inbox drill
  out.push('## Nothing acknowledged is lost: two instances, one killed', '');
  const drill = get<InboxDrillResult>(results, 'inbox-drill');
  if (drill) {
    const d = drill.data;
    out.push(
      `Command: ${code(drill.run.command)}${updatedAt(results, 'inbox-drill')}`,
      '',
      `Two ${code('buurtbot serve')} processes on one PostgreSQL database behind Slack HTTP events (a fake Slack and a fake model on 127.0.0.1). ` +
        `Each run: ${d.runs[0]?.events ?? 0} mentions, each in its own channel, delivered to A and then to B (as Slack's retries through a load balancer do); A is killed with SIGKILL while its turns wait for the model; every event is retried once more to B. ` +
        `Lease: ${d.leaseSeconds} s (${code('INBOX_LEASE_SECONDS')}, the default), so B takes the turns over once A's leases run out. Counted from the answers the fake Slack received.`,
      '',
      table(
        ['Run', 'Events', 'Acknowledged by both', 'Lost', 'Doubled', 'Recovered by B', 'Kill → last answer'],
        d.runs.map((r, i) => [
          String(i + 1),
          String(r.events),
          String(r.acknowledged),
          String(r.lost),
          String(r.doubled),
          String(r.recovered),
          `${(r.killToLastAnswerMs / 1000).toFixed(1)} s`,
        ]),
      ),
      '',
      'Before the durable inbox (issue 21, same drill): lost 3, 48 and 32 of 90, doubled 0. The time to the last answer is the lease plus answering the recovered turns.',
      '',
    );
  } else out.push(failed(results, 'inbox-drill'), '');

  // ------------------------------------------------------------------ Scaling
  out.push('## How cost grows', '');
  out.push('### With the number of passages', '');
  const sizes = [core500, core, core50k].filter((x): x is { run: PartRun; data: CoreBenchResult } => x !== undefined);
  if (sizes.length) {
    const base = sizes[0]?.data;
    out.push(
      'The same measurement as the core section at three sizes of the knowledge base (each in a fresh process; the ratio column compares with the smallest).',
      '',
      table(
        [
          'Passages',
          'Content (real + filler entries)',
          'Start',
          'RSS after start',
          'Retrieval p50 / p95 / mean',
          'Retrieval CPU / answer',
          'Whole turn p50 / p95',
          'Whole turn CPU / answer',
          'Ratio to smallest (retrieval CPU, turn CPU, RSS)',
          'Command',
        ],
        sizes.map(({ run, data: d }) => [
          int(d.passages),
          `${d.realEntries} + ${int(d.fillerEntries)}`,
          `${ms(d.startMs)} (CPU ${ms(d.startCpuMs)})`,
          mb(d.rssAfterStart),
          `${ms(d.retrieval.latency.p50)} / ${ms(d.retrieval.latency.p95)} / ${ms(d.retrieval.latency.mean)}`,
          ms(d.retrieval.cpuMsPerAnswer),
          `${ms(d.core.latency.p50)} / ${ms(d.core.latency.p95)}`,
          ms(d.core.cpuMsPerAnswer),
          base
            ? `${fx(d.retrieval.cpuMsPerAnswer / base.retrieval.cpuMsPerAnswer, 1)}, ${fx(d.core.cpuMsPerAnswer / base.core.cpuMsPerAnswer, 1)}, ${fx(d.rssAfterStart / base.rssAfterStart, 1)}`
            : '',
          code(run.command),
        ]),
      ),
      '',
    );
    if (chartOk) out.push('![Answer latency vs. knowledge-base size, and reply latency of buurtbot vs. echo apps](latency.png)', '');
  }
  for (const id of ['core-500', 'core-50000']) if (!get(results, id)) out.push(failed(results, id), '');
  out.push('### With the number of open conversations', '');
  if (scaling) {
    const d = scaling.data;
    const base = d.stages[0];
    out.push(
      `Command: ${code(scaling.run.command)}${updatedAt(results, 'scaling')}`,
      '',
      `One running App (${int(d.passages)} passages). In stages, cumulatively like a bot that keeps running: open conversations until there are K (each a new person asking a first question through the real dispatcher and SQLite), then 200 more questions spread round-robin over those K people, ${d.concurrency} at a time. RSS right after start: ${mb(d.rssAfterStart)}.`,
      '',
      table(
        [
          'Open conversations',
          'Turn p50',
          'Turn p95',
          'Answers / s',
          'CPU / turn',
          'RSS',
          'V8 heap used / reserved',
          'Conversation rows',
          'Message rows',
          'Database',
          'Ratio to 10 (p95, CPU, RSS)',
        ],
        d.stages.map((s) => [
          int(s.conversations),
          ms(s.latency.p50),
          ms(s.latency.p95),
          s.perSecond.toFixed(1),
          ms(s.cpuMsPerTurn),
          mb(s.rss),
          `${mb(s.heapUsed)} / ${mb(s.heapTotal)}`,
          int(s.rowsConversations),
          int(s.rowsMessages),
          mb(s.dbBytes),
          base
            ? `${fx(s.latency.p95 / base.latency.p95, 1)}, ${fx(s.cpuMsPerTurn / base.cpuMsPerTurn, 1)}, ${fx(s.rss / base.rss, 1)}`
            : '',
        ]),
      ),
      '',
    );
  } else out.push(failed(results, 'scaling'), '');

  // ------------------------------------------------------------------ findings
  out.push('## What the numbers say', '');
  out.push(...findings(results), '');

  // ------------------------------------------------------------------ parts
  out.push('## Parts of this run', '');
  out.push(
    table(
      ['Part', 'Command', 'Wall time', 'Load average before', 'Result'],
      results.runs.map((r) => [
        r.id,
        code(r.command),
        `${(r.wallMs / 1000).toFixed(1)} s`,
        load1(r.loadBefore),
        r.ok ? 'ok' : `failed: ${r.error ?? ''}`,
      ]),
      ['---', '---', '---:', '---:', '---'],
    ),
    '',
    `Raw figures: bench/results.json. Chart: bench/latency.png${chartOk ? '' : ' (not rendered in this run: Chromium missing or failed)'}. The content folders with filler are cached in the temp dir (${code('buurtbot-bench-content-N')}) and rewritten when the content or bench/filler.ts changes.`,
    '',
  );
  return out.join('\n');
}

function findings(results: Results): string[] {
  const out: string[] = [];
  const slack = get<SlackBenchResult>(results, 'slack')?.data;
  const discord = get<DiscordBenchResult>(results, 'discord')?.data;
  const core = get<CoreBenchResult>(results, 'core-5000')?.data;
  const core500 = get<CoreBenchResult>(results, 'core-500')?.data;
  const core50k = get<CoreBenchResult>(results, 'core-50000')?.data;
  const reminders = get<RemindersBenchResult>(results, 'reminders')?.data;
  const scaling = get<ScalingBenchResult>(results, 'scaling')?.data;

  const slackPair = slack?.pairs[0];
  const slackReturningPair = slack?.pairs[1];
  const slackMentionPair = slack?.mentions?.pairs.find((p) => !p.diagnostic);
  const slackBot = slack?.runs.find((r) => r.label === 'buurtbot, first contact (run 1)');
  const slackEcho = slack?.runs.find((r) => r.label === 'echo (run 1, first)');
  const oneAtATime = slack?.pairs.find((p) => p.bot.includes('1 at a time'));
  const oneBot = slack?.runs.find((r) => r.label === 'buurtbot, returning, 1 at a time');
  const oneEcho = slack?.runs.find((r) => r.label === 'echo, 1 at a time');
  const withoutRetrieval = slack?.pairs.find((p) => p.bot.includes('precomputed'));
  const withoutRetrievalRun = slack?.runs.find((r) => r.label.includes('precomputed'));
  if (slackPair && slackBot && slackEcho) {
    const met = [slackPair, slackReturningPair, slackMentionPair].every(
      (p) => p === undefined || (p.p50Ratio <= SLACK_TARGET && p.p95Ratio <= SLACK_TARGET),
    );
    const discordPair = discord?.pairs[0];
    const discordMet = discordPair ? discordPair.p50Ratio <= DISCORD_TARGET && discordPair.p95Ratio <= DISCORD_TARGET : undefined;
    const where =
      discordMet === undefined
        ? 'on Slack'
        : met === discordMet
          ? met
            ? 'on Slack and on Discord'
            : 'on Slack or on Discord'
          : `on Slack, ${discordMet ? 'met' : 'not met'} on Discord`;
    out.push(
      (met && discordMet !== false
        ? `**The 1.5× latency target is met ${where}.** `
        : `**The 1.5× latency target is ${met ? 'met' : 'not met'} ${where}.** `) +
        `On Slack the median over ${slack?.pairs.filter((p) => p.bot.startsWith('buurtbot, first contact (run')).length ?? 0} repeats is p50 ${fx(slackPair.p50Ratio, 2)}, p95 ${fx(slackPair.p95Ratio, 2)} for first contact` +
        (slackReturningPair
          ? `${slackMentionPair ? ',' : ' and'} p50 ${fx(slackReturningPair.p50Ratio, 2)}, p95 ${fx(slackReturningPair.p95Ratio, 2)} for returning users`
          : '') +
        (slackMentionPair
          ? ` and p50 ${fx(slackMentionPair.p50Ratio, 2)}, p95 ${fx(slackMentionPair.p95Ratio, 2)} for @mentions in a channel answered in the thread`
          : '') +
        ` (the single DM repeats range from p50 ${fx(Math.min(...(slack?.pairs.filter((p) => p.diagnostic && p.bot.includes('(run')).map((p) => p.p50Ratio) ?? [0])), 2)} to ${fx(Math.max(...(slack?.pairs.filter((p) => p.diagnostic && p.bot.includes('(run')).map((p) => p.p50Ratio) ?? [0])), 2)}: this machine's other work moves a single pair by a third either way). ` +
        `Under this load (8 requests in flight, closed loop, load generator, fake and app in one process) a reply waits mostly for CPU: one thread runs Bolt, HTTP, the turns, the fake and the load generator. CPU / event counts the whole process: in the first repeat buurtbot spent ${ms(slackBot.cpuMsPerEvent)} of CPU per event against ${ms(slackEcho.cpuMsPerEvent)} for the echo. ` +
        'The echo does no work at all; buurtbot answers a question from the knowledge base, records it and the turn, and posts an answer with sources and buttons.' +
        (oneAtATime && oneBot && oneEcho
          ? ` One event at a time, without queueing, the ratio is p50 ${fx(oneAtATime.p50Ratio, 1)} (${ms(oneBot.latency.p50)} against ${ms(oneEcho.latency.p50)}): alone, an event's own work shows undiluted.`
          : '') +
        (withoutRetrieval && withoutRetrievalRun
          ? ` **With retrieval taken out** (diagnostic: the same bot with every answer precomputed; its turns run on the main thread, where the precomputed answers live) the ratio is p50 ${fx(withoutRetrieval.p50Ratio, 1)}, p95 ${fx(withoutRetrieval.p95Ratio, 1)} at ${ms(withoutRetrievalRun.cpuMsPerEvent)} of CPU per event: ` +
            (withoutRetrieval.p50Ratio <= SLACK_TARGET && withoutRetrieval.p95Ratio <= SLACK_TARGET
              ? 'the rest of a turn fits the target, so what is left above it is the search itself.'
              : "even a turn that does not search is above the target on one thread, so a faster search alone cannot close the gap; the rest is the database writes of a turn, the answer's richer message (blocks, buttons) through Bolt, the Web API client and the fake, and garbage collection.")
          : ''),
      '',
    );
  }
  if (core) {
    const shares = core.profile?.shares ?? {};
    const top = Object.entries(shares)
      .filter(([, share]) => share >= 0.01)
      .map(([part, share]) => `${part} ${pct(share)}`)
      .join(', ');
    out.push(
      `**What a turn costs now (core, ${int(core.passages)} passages):** ${ms(core.core.cpuMsPerAnswer)} of CPU per answer for the whole turn (8 at a time, new people); retrieval alone, measured separately in a loop over the evaluation questions, ${ms(core.retrieval.cpuMsPerAnswer)} per answer (the two loops ask different mixes of questions, so they do not subtract); ` +
        `${core.core.statementsPerTurn.toFixed(0)} SQL statements per turn` +
        (core.core.sampleTurn ? ` (a person's second question: ${core.core.sampleTurn.secondQuestion.join(', ')})` : '') +
        '. ' +
        (top ? `The profiler's split of a turn: ${top}. ` : '') +
        'The first version of this report (2026-11-28 19:10 UTC, same commands) measured 12.1 ms per turn at 5,000 passages, 14 statements, 53% of it in the Prisma client, and Slack p50 5.50× / p95 4.42×, Discord p50 10.53×. ' +
        'What changed: (1) the statements every turn runs (event ledger, person, conversation, transcript, question) go through a direct better-sqlite3 connection with prepared statements on the embedded database (src/storage/sqlite; PostgreSQL keeps Prisma) — Prisma 6.19 compiles every query again, about 1 ms of CPU each, against 10–70 µs for a prepared statement; ' +
        '(2) the end of a turn (message in, replies out, state) is one transaction instead of three or more commits; (3) command words are normalised once per message instead of once per feature; ' +
        '(4) a worker thread for turns (TURN_WORKER) was tried and removed again: since the durable inbox every turn takes one path on one thread (src/core/turn-runner.ts), and the Slack and Discord figures above are measured that way; ' +
        "(5) Slack names come from the member list read at start (users.list) and team_join / user_change events, so a member's first message does not wait for users.info.",
      '',
    );
  }
  if (slack && slackBot) {
    const returning = slack.runs.find((r) => r.label === 'buurtbot, returning users (run 1)');
    out.push(
      `**Slack adapter:** every event was answered exactly once (${[...slack.runs, ...(slack.mentions?.runs ?? [])].map((r) => `${r.answered}/${r.events}`).join(', ')}). First contact costs one extra \`users.info\` call only for someone not in the member list read at start (names are cached for an hour). ` +
        `The HTTP ack stays well under Slack's 3 s (p95 ${ms(slackBot.ack.p95)}${returning ? ` and ${ms(returning.ack.p95)}` : ''}); the event is stored in the inbox before the ack, so the ack includes one database write; turns run on the same event loop, with Bolt, the Web API client and (here) the fake and the load generator. ` +
        "The per-channel gap of 1.1 s (production default) never applied here because every event came from its own DM channel; several questions in quick succession in one channel would each wait 1.1 s after the previous answer by design (Slack's posting allowance).",
      '',
    );
  }
  if (discord) {
    const limited = discord.pairs.find((p) => !p.diagnostic);
    const lifted = discord.pairs.find((p) => p.echo === 'echo, 50/s limit lifted');
    const sameShape = discord.pairs.find((p) => p.echo === 'echo with the same reply shape');
    const botRun = discord.runs.find((r) => r.label === 'buurtbot, first contact') ?? discord.runs[1];
    const echoRun = discord.runs.find((r) => r.label === 'echo') ?? discord.runs[0];
    const typing = botRun ? (botRun.requests['POST /channels/:id/typing'] ?? 0) : 0;
    out.push(
      `**Discord:** every DM was answered exactly once. The comparison is shaped by Discord's global limit of 50 REST requests per second, which discord.js enforces on the client side: the echo (one request per DM) is held at about 50 answers/s, so its p95 (${echoRun ? ms(echoRun.latency.p95) : 'n/a'}) is mostly time queued for that limit, and the p95 ratio (${limited ? fx(limited.p95Ratio) : 'n/a'}) is not a fair measure of the bot. ` +
        `With the limit lifted on both (diagnostic rounds) the ratio is p50 ${lifted ? fx(lifted.p50Ratio, 1) : 'n/a'}, p95 ${lifted ? fx(lifted.p95Ratio, 1) : 'n/a'}, CPU per event ${lifted ? fx(lifted.cpuRatio, 1) : 'n/a'}: the same picture as on Slack, the work of the core turn.` +
        (sameShape && limited
          ? ` Against an echo that sends the same reply shape as buurtbot (text, an embed, two buttons) the first-contact ratio is p50 ${fx(sameShape.p50Ratio, 1)}, CPU per event ${fx(sameShape.cpuRatio, 1)}, against p50 ${fx(limited.p50Ratio, 1)}, CPU ${fx(limited.cpuRatio, 1)} for the bare echo; the difference between the two is what the richer message alone costs through discord.js.`
          : ''),
      '',
      typing >= (botRun?.events ?? 0) / 2
        ? `One cause **is** in our adapter, small and clear: for every message buurtbot first sends a typing indicator (${typing} × \`POST /channels/:id/typing\` for ${botRun?.events ?? 0} DMs), so it spends two of Discord's 50 requests per second per answer and can answer at most about 25 messages per second however fast the core is${botRun ? ` (it was held by the limit ${botRun.rateLimitWaits} times in the first-contact round)` : ''}. ` +
            'The fix, for whoever owns src/adapters/discord/message-handler.ts: start the typing indicator only when the answer is not ready after a short delay (e.g. a 500 ms timer cleared when `dispatcher.dispatch` resolves), instead of `void channel.sendTyping()` before every dispatch. Knowledge answers in a few hundred milliseconds would then cost one request instead of two. Not changed here.'
        : `The adapter shows the typing indicator only when an answer takes longer than a short delay (src/adapters/discord/message-handler.ts), so a quick knowledge answer costs one REST request, not two: ${typing} typing requests for ${botRun?.events ?? 0} DMs in the first-contact round. ` +
            `At 8 DMs in flight the bot then reaches Discord's budget of about 50 answers per second itself${botRun ? ` (${(botRun.events / (botRun.wallMs / 1000)).toFixed(0)} per second in the first-contact round, held by the limit ${botRun.rateLimitWaits} times)` : ''}.`,
      '',
    );
  }
  if (core500 && core && core50k) {
    out.push(
      `**Passages:** retrieval CPU per answer grows with the knowledge base: ${ms(core500.retrieval.cpuMsPerAnswer)} → ${ms(core.retrieval.cpuMsPerAnswer)} → ${ms(core50k.retrieval.cpuMsPerAnswer)} for 500 → 5,000 → 50,000 passages ` +
        `(${fx(core.retrieval.cpuMsPerAnswer / core500.retrieval.cpuMsPerAnswer, 1)} for the first tenfold, ${fx(core50k.retrieval.cpuMsPerAnswer / core.retrieval.cpuMsPerAnswer, 1)} for the second), with a long tail at 50,000 (p50 ${ms(core50k.retrieval.latency.p50)}, p95 ${ms(core50k.retrieval.latency.p95)}, mean ${ms(core50k.retrieval.latency.mean)}). ` +
        'A caveat on that tail: the filler is built from a small word list (bench/filler.ts: a few dozen words per language), so at 50,000 passages each of its words occurs in thousands of passages, and a search costs more the more passages its words occur in; content with a wider vocabulary may well search faster, so read the 50,000 figures as an upper bound. ' +
        `At 50,000 passages start takes ${ms(core50k.startMs)} (CPU ${ms(core50k.startCpuMs)}: reading and validating 50,000 Markdown files and building the index) and RSS after start is ${mb(core50k.rssAfterStart)} against ${mb(core.rssAfterStart)} at 5,000. ` +
        `Since the per-turn statements left Prisma, retrieval is most of a turn, so the turn now grows with the knowledge base too (turn CPU ${ms(core500.core.cpuMsPerAnswer)} at 500 vs ${ms(core.core.cpuMsPerAnswer)} at 5,000).`,
      '',
    );
  }
  if (scaling && scaling.stages.length >= 2) {
    const first = scaling.stages[0];
    const last = scaling.stages[scaling.stages.length - 1];
    if (first && last) {
      out.push(
        `**Open conversations:** from ${int(first.conversations)} to ${int(last.conversations)} open conversations the CPU per turn went ${ms(first.cpuMsPerTurn)} → ${ms(last.cpuMsPerTurn)} (${last.cpuMsPerTurn / first.cpuMsPerTurn < 1.25 ? 'about flat, within the noise of this machine' : 'it grew'}) and p95 ${ms(first.latency.p95)} → ${ms(last.latency.p95)}. ` +
          'Conversation state lives in the database, not in memory, and each turn reads only its own conversation by key (and its last few messages), so the number of conversations does not by itself make a turn dearer; what grows is the database file. ' +
          `The V8 heap in use stays flat (${mb(first.heapUsed)} → ${mb(last.heapUsed)}); RSS (${mb(first.rss)} → ${mb(last.rss)}) also counts heap that V8 has reserved but not given back, and native memory, and it varies from run to run${last.rss > first.rss * 1.1 ? ', so its growth here is not by itself a leak' : ''}.`,
        '',
      );
    }
  }
  if (reminders) {
    out.push(
      `**Reminders:** exactly once holds: ${int(reminders.rows)} rows for ${int(reminders.planned)} planned deliveries, ${int(reminders.personalSends)} personal messages to ${int(reminders.peopleReached)} people, and the second tick sent ${reminders.second.sent}. ` +
        `The first tick costs ${ms(reminders.first.ms / reminders.planned)} per delivery (a claim INSERT and a status UPDATE each, through Prisma, once per delivery ever). ` +
        `The second tick of the same moment took ${ms(reminders.second.ms)} in all (${ms(reminders.second.ms / reminders.planned)} per planned delivery): a tick first reads which of its keys are settled, in chunks of 500, and claims only the rest; the first report measured 21.4 s here, when every planned delivery was a failing INSERT. ` +
        `Planning itself is cheap (${ms(reminders.planMs)} for all ${int(reminders.planned)}).`,
      '',
    );
  }
  return out;
}

// ------------------------------------------------------------------------------- main

async function writeOutputs(results: Results, started: number): Promise<void> {
  let chartOk = false;
  try {
    await renderPng(chartSvg(chartData(results)), path.join(BENCH, 'latency.png'));
    chartOk = true;
  } catch (error) {
    process.stderr.write(`chart not rendered: ${(error as Error).message}\n`);
  }
  if (started) results.totalMs = performance.now() - started;
  const { startedAt, machine, loadEnd, totalMs, runs, discordPresent, updated } = results;
  fs.writeFileSync(
    path.join(BENCH, 'results.json'),
    `${JSON.stringify({ startedAt, machine, loadEnd, totalMs, discordPresent, runs, ...(updated ? { updated } : {}) }, null, 2)}\n`,
  );
  fs.writeFileSync(path.join(BENCH, 'REPORT.md'), report(results, chartOk));
  process.stderr.write(`\nbench/REPORT.md written (${Math.round(results.totalMs / 1000)} s)\n`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--report-only')) {
    // Rewrites REPORT.md and latency.png from bench/results.json (after changing only the report's wording).
    const saved = JSON.parse(fs.readFileSync(path.join(BENCH, 'results.json'), 'utf8')) as Results;
    await writeOutputs(saved, 0);
    return;
  }
  const only = flag('--only')?.split(',').filter(Boolean);
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const machine = machineInfo();
  const discordPresent =
    fs.existsSync(path.join(ROOT, 'src/adapters/discord/surface.ts')) && fs.existsSync(path.join(ROOT, 'test/support/fake-discord.ts'));
  const parts = PARTS.filter((p) => (only ? only.includes(p.id) : true)).filter((p) => p.id !== 'discord' || discordPresent);
  if (!discordPresent)
    process.stderr.write(
      'Discord surface not found (src/adapters/discord/surface.ts, test/support/fake-discord.ts): skipping the Discord part\n',
    );
  const runs: PartRun[] = [];
  for (const part of parts) runs.push(await runPart(part));
  const results: Results = {
    startedAt,
    machine,
    loadEnd: machineInfo().loadAverage,
    totalMs: performance.now() - started,
    runs,
    discordPresent,
  };
  if (only && process.argv.includes('--update')) {
    // Merges the parts just run into the saved results (the other parts keep their figures and dates).
    const saved = JSON.parse(fs.readFileSync(path.join(BENCH, 'results.json'), 'utf8')) as Results;
    saved.runs = [...saved.runs.filter((r) => !runs.some((n) => n.id === r.id)), ...runs];
    saved.updated = [
      ...(saved.updated ?? []).filter((u) => !runs.some((n) => n.id === u.id)),
      ...runs.map((r) => ({ id: r.id, at: startedAt })),
    ];
    await writeOutputs(saved, 0);
    return;
  }
  if (only) {
    for (const run of runs) process.stdout.write(`${run.id}: ${run.ok ? 'ok' : run.error}\n`);
    return;
  }
  await writeOutputs(results, started);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);

type SlackRun = SlackBenchResult['runs'][number] & { unthreaded?: number };
type SlackPair = SlackBenchResult['pairs'][number];

/** The rounds of a Slack part; mentions add how many answers were posted outside their thread. */
function slackRoundsTable(runs: readonly SlackRun[], threaded = false): string {
  return table(
    [
      'Round',
      'In flight',
      'Answered',
      'Posts',
      'Lost',
      'Twice',
      ...(threaded ? ['Outside the thread'] : []),
      'p50',
      'p95',
      'max',
      'ack p95',
      'CPU / event',
      'Wall',
    ],
    runs.map((r) => [
      r.label,
      String(r.concurrency),
      `${r.answered}/${r.events}`,
      String(r.posts),
      String(r.lost),
      String(r.duplicated),
      ...(threaded ? [String(r.unthreaded ?? 0)] : []),
      ms(r.latency.p50),
      ms(r.latency.p95),
      ms(r.latency.max),
      ms(r.ack.p95),
      ms(r.cpuMsPerEvent),
      `${(r.wallMs / 1000).toFixed(1)} s`,
    ]),
  );
}

function slackPairsTable(pairs: readonly SlackPair[]): string {
  return table(
    ['Pair (same load, side by side)', 'p50 ratio', 'p95 ratio', 'CPU / event ratio', `Target ≤ ${SLACK_TARGET}×`],
    pairs.map((p) => [
      `${p.diagnostic ? '_diagnostic:_ ' : ''}${p.bot} / ${p.echo}`,
      fx(p.p50Ratio),
      fx(p.p95Ratio),
      fx(p.cpuRatio),
      p.diagnostic ? '' : status(p.p50Ratio <= SLACK_TARGET && p.p95Ratio <= SLACK_TARGET),
    ]),
  );
}
