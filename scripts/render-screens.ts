// What a person sees in Slack and Discord, rendered by the real renderers from real turns of the bot
// (a throwaway SQLite database, the letter's clock): an answer, a plan step, the keuze, a reminder
// and the coordinator digest. Writes docs/screens.md; a test checks the file is current, so the
// docs cannot drift from the code.
// Usage: npm run docs:screens            (write the file)
//        npm run docs:screens -- --check (exit 1 when docs/screens.md is stale)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app.js';
import { renderReply as renderDiscord, type DiscordMessage } from '../src/adapters/discord/render.js';
import { renderReply as renderSlack, type SlackMessage } from '../src/adapters/slack/blocks.js';
import { loadConfig } from '../src/config/load.js';
import { FixedClock } from '../src/core/clock.js';
import type { InboundMessage, Reply } from '../src/core/messages.js';
import { silentLogger, type Messenger } from '../src/core/ports.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'docs/screens.md');

/** Slack blocks as a person reads them: sections as text, context in italics, buttons in brackets. */
function slackScreen(messages: SlackMessage[]): string {
  const lines: string[] = [];
  for (const message of messages) {
    for (const block of message.blocks as unknown as Array<Record<string, unknown>>) {
      if (block.type === 'section') {
        const text = (block.text as { text?: string } | undefined)?.text;
        if (text) lines.push(text);
        for (const field of (block.fields as Array<{ text: string }> | undefined) ?? [])
          lines.push(`  ${field.text.replace(/\n/g, '\n  ')}`);
      } else if (block.type === 'header') lines.push(`# ${(block.text as { text: string }).text}`);
      else if (block.type === 'context') lines.push((block.elements as Array<{ text?: string }>).map((e) => `_${e.text ?? ''}_`).join(' '));
      else if (block.type === 'actions')
        lines.push(
          (block.elements as Array<{ text: { text: string }; url?: string }>).map((e) => `[${e.text.text}${e.url ? ' ↗' : ''}]`).join(' '),
        );
      else if (block.type === 'divider') lines.push('———');
      else if (block.type === 'table') lines.push('(table)');
    }
    lines.push('');
  }
  return lines.join('\n').trim();
}

/** A Discord message as a person reads it: the text, each embed as a card, buttons in brackets. */
function discordScreen(messages: DiscordMessage[]): string {
  const lines: string[] = [];
  for (const message of messages) {
    if (message.content) lines.push(message.content);
    for (const embed of message.embeds ?? []) {
      const card = [
        embed.title ? `**${embed.title}**` : '',
        embed.description ?? '',
        ...(embed.fields ?? []).map((f) => `${f.name}: ${f.value.replace(/\n/g, ' · ')}`),
        embed.footer?.text ?? '',
      ].filter(Boolean);
      lines.push(card.map((l) => `▌ ${l.replace(/\n/g, '\n▌ ')}`).join('\n'));
    }
    for (const row of message.components ?? [])
      lines.push(row.components.map((b) => `[${b.label ?? ''}${'url' in b ? ' ↗' : ''}]`).join(' '));
    lines.push('');
  }
  return lines.join('\n').trim();
}

export async function renderScreens(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'buurtbot-screens-'));
  const config = loadConfig({ DATABASE_URL: `file:${path.join(dir, 'screens.db')}`, PORT: '0' }, { readDotEnv: false, cwd: dir });
  const clock = new FixedClock(new Date('2016-12-01T10:00:00+01:00'));
  const app = await createApp(config, { clock, logger: silentLogger });
  try {
    const wyck = await app.platforms.create({ name: 'Buurtplatform Wyck', buurt: 'Wyck' });
    await app.platforms.addMember(wyck.id, 'cli:anna', 'board');
    await app.users.setRole('cli:cor', 'coordinator');
    let n = 0;
    const say = async (userRef: string, text: string): Promise<Reply[]> => {
      const message: InboundMessage = {
        id: `screen-${++n}`,
        surface: 'cli',
        userRef,
        userName: userRef === 'cli:anna' ? 'Anna' : 'Cor',
        channelId: `cli:dm:${userRef}`,
        text,
        direct: true,
      };
      return (await app.turns.dispatch(message)) ?? [];
    };
    // The reminder as the reminder service sends it: captured from its outbox, not rebuilt here.
    const captured: Reply[] = [];
    const capture: Messenger = {
      surface: 'cli',
      channels: {},
      postToChannel: async () => undefined,
      sendDirect: async (_ref, replies) => void captured.push(...replies),
    };
    app.outbox.register(capture);

    const screens: Array<{ title: string; replies: Reply[] }> = [];
    screens.push({
      title: 'An answer (“Wanneer moet ons Plan van Aanpak binnen zijn?”)',
      replies: await say('cli:anna', 'Wanneer moet ons Plan van Aanpak binnen zijn?'),
    });
    screens.push({ title: 'A plan step (`plan`)', replies: await say('cli:anna', 'plan') });
    await say('cli:anna', 'pauze');
    screens.push({ title: 'The keuze (`keuze`)', replies: await say('cli:anna', 'keuze') });
    await app.reminders.send(new Date('2016-12-17T10:00:00+01:00'));
    screens.push({ title: 'A personal reminder (14 days before the deadline)', replies: captured.slice(0, 1) });
    screens.push({ title: 'The coordinator digest (`digest`)', replies: await say('cli:cor', 'digest') });

    const out = [
      '# What people see in Slack and Discord',
      '',
      'Rendered by `npm run docs:screens` from real turns of the bot (on the letter’s clock, 1 December 2016)',
      'through the real Slack and Discord renderers; a test keeps this file current. Slack: sections as text,',
      '_context_ lines in italics, buttons in [brackets] (↗ opens a page). Discord: ▌ marks an embed card.',
    ];
    for (const screen of screens) {
      const slack = screen.replies.flatMap((r) => renderSlack(r, { formValue: () => '', formButtonLabel: (f) => `✏️ ${f.title}` }));
      const discord = screen.replies.flatMap((r) => renderDiscord(r, { formButton: () => 'form', language: 'nl' }));
      out.push(
        '',
        `## ${screen.title}`,
        '',
        '### Slack',
        '',
        '```text',
        slackScreen(slack),
        '```',
        '',
        '### Discord',
        '',
        '```text',
        discordScreen(discord),
        '```',
      );
    }
    return out.join('\n') + '\n';
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = await renderScreens();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (current !== text) {
      console.error('docs/screens.md is stale: run `npm run docs:screens`');
      process.exit(1);
    }
    console.log('docs/screens.md is up to date');
  } else {
    fs.writeFileSync(target, text);
    console.log(`wrote ${path.relative(root, target)}`);
  }
}
