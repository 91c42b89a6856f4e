import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/app.js';
import { ANSWERS } from '../support/chat.js';
import { ENTRIES, writeKnowledgeBase } from '../knowledge/fixtures.js';

const CONTENT = path.join(import.meta.dirname, '../../content');

// Each case starts the real CLI several times (about 2 s each on this machine).
describe('admin CLI', { timeout: 120_000 }, () => {
  it('adds a platform and a member, runs a plan through JSONL, and exports it as md and json', async () => {
    const env = { DATABASE_URL: `file:${path.join(tempDir(), 'cli.db')}` };
    const added = await runCli(['platform', 'add', 'Buurtplatform Wyck', '--buurt', 'Wyck', '--json'], '', env);
    expect(JSON.parse(added.stdout)).toEqual({ slug: 'wyck' });
    expect((await runCli(['member', 'add', 'wyck', 'cli:anna'], '', env)).stdout).toContain('cli:anna is now board of Buurtplatform Wyck');
    expect((await runCli(['member', 'add', 'wyck', 'anna'], '', env)).code).toBe(2);
    const list = JSON.parse((await runCli(['platform', 'list', '--json'], '', env)).stdout) as Array<{ slug: string; members: number }>;
    expect(list).toEqual([{ slug: 'wyck', name: 'Buurtplatform Wyck', buurt: 'Wyck', members: 1, choice: null }]);

    // The keuze in the terminal chat, on the letter's clock (on today's it closed long ago).
    const keuze = await runCli(['chat', '--jsonl', '--user', 'anna', '--name', 'Anna'], ['keuze', '1', 'ja'].join('\n') + '\n', {
      ...env,
      BUURTBOT_START_AT: '2016-11-20T10:00:00+01:00',
    });
    expect(keuze.stdout).toContain('Vastgelegd: Buurtplatform Wyck kiest **We worden een buurtnetwerk**');
    const chosen = JSON.parse((await runCli(['platform', 'list', '--json'], '', env)).stdout) as Array<{ choice: string | null }>;
    expect(chosen[0]?.choice).toBe('buurtnetwerk');

    // Multi-line answers go as JSON lines, exactly as a script would send them.
    const lines = ['plan', ANSWERS['platform-en-buurt'], JSON.stringify({ text: ANSWERS.bestuur }), 'pauze'].join('\n') + '\n';
    const chat = await runCli(['chat', '--jsonl', '--user', 'anna', '--name', 'Anna'], lines, env);
    expect(chat.stdout.trim().split('\n')).toHaveLength(4);

    const json = JSON.parse((await runCli(['plan', 'show', 'wyck', '--format', 'json'], '', env)).stdout) as {
      platform: string;
      status: string;
      sections: Array<{ id: string; title: string; answer: string; author: string; updatedAt: string }>;
    };
    expect(json.platform).toBe('Buurtplatform Wyck');
    expect(json.status).toBe('draft');
    expect(json.sections).toHaveLength(9);
    expect(json.sections[0]).toMatchObject({ id: 'platform-en-buurt', title: 'Jullie platform en buurt', author: 'Anna' });
    expect(json.sections[0]?.answer).toContain('twaalf bewoners');
    expect(json.sections[2]).toEqual({ id: 'visie-en-doelen', title: 'Visie en doelen', answer: '', author: '', updatedAt: '' });
    // The Buurtplan is its own document: empty here, with its own four parts.
    const buurtplan = JSON.parse(
      (await runCli(['plan', 'show', 'wyck', '--document', 'buurtplan', '--format', 'json'], '', env)).stdout,
    ) as { sections: Array<{ id: string; answer: string }> };
    expect(buurtplan.sections.map((s) => [s.id, s.answer])).toEqual([
      ['buurtplan-buurt', ''],
      ['buurtplan-netwerk', ''],
      ['buurtplan-plannen', ''],
      ['buurtplan-aanvullingen', ''],
    ]);
    expect((await runCli(['plan', 'show', 'wyck', '--document', 'begroting'], '', env)).stderr).toContain(
      'no document "begroting": use one of plan, buurtplan',
    );
    const md = (await runCli(['plan', 'show', 'wyck', '--format', 'md'], '', env)).stdout;
    expect(md).toMatch(/^# /);
    expect(md).toContain('Bram de Vries');
  });

  it('answers a question with the --json contract', async () => {
    const { stdout, code } = await runCli(['ask', 'Wanneer moet het Plan van Aanpak binnen zijn?', '--json'], '');
    expect(code).toBe(0);
    const answer = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(answer).sort()).toEqual(['answer', 'answered', 'citations', 'confidence', 'language']);
    expect(answer.language).toBe('nl');
    expect(typeof answer.confidence).toBe('number');
  });

  it('lists the topics of a "Bedoel je…?" and says where one can be picked', async () => {
    // A knowledge base of the test's own: which question is only close depends on the content.
    const content = tempDir();
    for (const file of ['plan-template.yaml', 'deadlines.yaml', 'transition.yaml'])
      fs.copyFileSync(path.join(CONTENT, file), path.join(content, file));
    writeKnowledgeBase(path.join(content, 'kb'), ENTRIES);
    const { stdout, code } = await runCli(['ask', 'wanneer was die bijeenkomst in de zaal'], '', { BUURTBOT_CONTENT_DIR: content });
    expect(code).toBe(0);
    expect(stdout).toContain('Bedoel je een van deze?');
    expect(stdout).toMatch(/^ {2}1\. \S/m);
    expect(stdout).toContain('buurtbot chat');
  });

  it('kb unanswered lists what buurtbot did not answer, and shows it answered once a coordinator adds it to an entry', async () => {
    const content = tempDir();
    for (const file of ['plan-template.yaml', 'deadlines.yaml', 'transition.yaml'])
      fs.copyFileSync(path.join(CONTENT, file), path.join(content, file));
    writeKnowledgeBase(path.join(content, 'kb'), ENTRIES);
    const env = { DATABASE_URL: `file:${path.join(tempDir(), 'unanswered.db')}`, BUURTBOT_CONTENT_DIR: content };
    const question = 'wanneer was die bijeenkomst in de zaal';
    await runCli(['chat', '--jsonl', '--user', 'anna', '--name', 'Anna'], `${question}\nWanneer was die bijeenkomst in de zaal?\n`, env);

    type Row = { question: string; now: string; times: number; closest: Array<{ topic: string; file: string }>; topic?: { topic: string } };
    const before = JSON.parse((await runCli(['kb', 'unanswered', '--json'], '', env)).stdout) as Row[];
    // Asked twice in the same words: one line, counted twice.
    expect(before.map((row) => [row.question, row.now, row.times])).toEqual([[question, 'open', 2]]);
    expect(before[0]?.closest.map((close) => close.file)).toContain('startbijeenkomst.nl.md');
    const text = await runCli(['kb', 'unanswered'], '', env);
    expect(text.stdout).toContain(`open          2× "${question}"`);
    expect(text.stdout).toContain(path.join(content, 'kb', 'startbijeenkomst.nl.md'));

    // The coordinator adds the question, in these words, to the entry that answers it.
    const taught = ENTRIES.map((e) => (e.topic === 'startbijeenkomst' && e.language === 'nl' ? { ...e, questions: [question] } : e));
    writeKnowledgeBase(path.join(content, 'kb'), taught);
    const after = JSON.parse((await runCli(['kb', 'unanswered', '--json'], '', env)).stdout) as Row[];
    expect(after.map((row) => [row.question, row.now, row.topic?.topic])).toEqual([[question, 'answered', 'startbijeenkomst']]);
    expect((await runCli(['kb', 'unanswered', '--days', 'soon'], '', env)).code).toBe(2);
  });

  it('kb validate passes on the shipped content and names file and line of a broken entry', async () => {
    const ok = await runCli(['kb', 'validate'], '');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/\d+ entries, 0 problem\(s\)/);

    const dir = tempDir();
    fs.cpSync(CONTENT, dir, { recursive: true });
    const broken = path.join(dir, 'kb/facts/plan-van-aanpak-deadline.nl.md');
    fs.writeFileSync(broken, fs.readFileSync(broken, 'utf8').replace(/^title: .*$/m, 'title: [unclosed'));
    const bad = await runCli(['kb', 'validate'], '', { BUURTBOT_CONTENT_DIR: dir });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/kb\/facts\/plan-van-aanpak-deadline\.nl\.md:\d+/);
    // A second document's template is checked too, with its file and line.
    const buurtplan = path.join(dir, 'buurtplan-template.yaml');
    fs.writeFileSync(
      buurtplan,
      fs.readFileSync(buurtplan, 'utf8').replace('validation: { type: text, minWords: 3 }', 'validation: { type: txt, minWords: 3 }'),
    );
    const badTemplate = await runCli(['kb', 'validate'], '', { BUURTBOT_CONTENT_DIR: dir });
    expect(badTemplate.stdout).toMatch(/buurtplan-template\.yaml:\d+: /);

    // One question listed under two topics: neither is sure to answer it, so both files are named.
    const twice = tempDir();
    fs.cpSync(CONTENT, twice, { recursive: true });
    const trajekt = path.join(twice, 'kb/glossary/trajekt.nl.md');
    fs.writeFileSync(trajekt, fs.readFileSync(trajekt, 'utf8').replace(/^questions:$/m, 'questions:\n  - "wie helpt ons"'));
    const listed = await runCli(['kb', 'validate'], '', { BUURTBOT_CONTENT_DIR: twice });
    expect(listed.code).toBe(1);
    expect(listed.stdout).toContain(
      `${trajekt}:9: warning: "wie helpt ons" is also listed under faq-wie-helpt-ons (faq/faq-wie-helpt-ons.nl.md): list a question under one topic only`,
    );
    expect(listed.stdout).toMatch(/faq-wie-helpt-ons\.nl\.md:\d+: warning: "wie helpt ons" is also listed under trajekt/);
  });

  it('reminders due and send honour --at and send nothing twice', async () => {
    const env = { DATABASE_URL: `file:${path.join(tempDir(), 'cli.db')}` };
    await runCli(['platform', 'add', 'Buurtplatform Wyck', '--json'], '', env);
    await runCli(['member', 'add', 'wyck', 'web:anna0000'], '', env);
    const at = '2016-12-30T10:00:00+01:00';
    const due = JSON.parse((await runCli(['reminders', 'due', '--at', at, '--json'], '', env)).stdout) as Array<{
      key: string;
      text: string;
    }>;
    expect(due.map((d) => d.key).sort()).toEqual([
      'plan-van-aanpak:1:channel:web:web:announcements',
      'plan-van-aanpak:1:user:web:anna0000',
    ]);
    expect(due.find((d) => d.key.includes('user'))?.text).toMatch(/nog 1 dag/);
    expect(JSON.parse((await runCli(['reminders', 'send', '--at', at, '--json'], '', env)).stdout)).toMatchObject({ sent: 2 });
    expect(JSON.parse((await runCli(['reminders', 'send', '--at', at, '--json'], '', env)).stdout)).toEqual({ sent: 0, skipped: 0 });
    expect((await runCli(['reminders', 'due', '--at', 'yesterday'], '', env)).stderr).toContain('--at: not a valid ISO date-time');
  });
});
