import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseDeadlines } from '../../src/core/reminders/loader.js';
import { loadDeadlines } from '../../src/content-files.js';

// Numbered so the expected lines below can be checked by eye.
const lines = [
  /*  1 */ 'deadlines:',
  /*  2 */ '  - id: goed',
  /*  3 */ '    title: { nl: Goed, en: Good }',
  /*  4 */ '    text: { nl: Tekst, en: Text }',
  /*  5 */ '    at: 2016-12-31T23:59',
  /*  6 */ '    audience: everyone',
  /*  7 */ '    leadDays: [7, 1]',
  /*  8 */ '    source: brief',
  /*  9 */ '  - id: fout',
  /* 10 */ '    title:',
  /* 11 */ '      nl: Fout',
  /* 12 */ '    text: { nl: Tekst, en: "" }',
  /* 13 */ '    at: 2016-02-30T10:00',
  /* 14 */ '    audience: iedereen',
  /* 15 */ '    leadDays:',
  /* 16 */ '      - 7',
  /* 17 */ '      - -1',
  /* 18 */ '      - 2.5',
  /* 19 */ '    source: brief',
  /* 20 */ '    ttle: typo',
  /* 21 */ '  - id: goed',
  /* 22 */ '    title: { nl: Dubbel, en: Double }',
  /* 23 */ '    text: { nl: Tekst, en: Text }',
  /* 24 */ '    at: 2017-01-01T10:00',
  /* 25 */ '    audience: everyone',
  /* 26 */ '    leadDays: [1, 1]',
  /* 27 */ '    source: brief',
];
const source = `${lines.join('\n')}\n`;

describe('parseDeadlines', () => {
  const result = parseDeadlines(source, 'content/deadlines.yaml');
  const problemAt = (line: number) => result.problems.filter((p) => p.line === line);

  it('keeps the valid entries only', () => {
    expect(result.deadlines.map((d) => [d.id, d.kind, d.leadDays])).toEqual([['goed', 'deadline', [7, 1]]]);
  });

  it('names file and line for each problem', () => {
    expect(result.problems.every((p) => p.file === 'content/deadlines.yaml')).toBe(true);
    expect(problemAt(11)[0]?.message).toMatch(/deadline "fout": title in English \(en\) is missing/);
    expect(problemAt(12)[0]?.message).toMatch(/text in English \(en\) is empty/);
    expect(problemAt(13)[0]?.message).toMatch(/at must be a real local date-time/);
    expect(problemAt(14)[0]?.message).toMatch(/audience must be everyone, unsubmitted or coordinators/);
    expect(problemAt(17)[0]?.message).toMatch(/lead days must be 1 or more/);
    expect(problemAt(18)[0]?.message).toMatch(/lead days must be whole days/);
    expect(problemAt(20)[0]?.message).toBe('deadline "fout": unknown field "ttle" (check the spelling)');
    expect(problemAt(20)[0]?.column).toBe(5);
  });

  it('reports a reused id at the second use, pointing back at the first', () => {
    // The second "goed" is also invalid (same lead day twice): schema problems come first, so fix it and retry.
    const fixed = source.replace('leadDays: [1, 1]', 'leadDays: [1]');
    const again = parseDeadlines(fixed, 'x.yaml');
    const duplicate = again.problems.find((p) => p.line === 21);
    expect(duplicate?.message).toBe('deadline "goed": id is already used on line 2; ids must be unique');
    expect(again.deadlines.map((d) => d.id)).toEqual(['goed']);
    expect(problemAt(26)[0]?.message).toMatch(/same day twice/);
  });

  it('formats problems as file:line:column message', () => {
    const first = result.problems.find((p) => p.line === 13);
    expect(first && formatProblem(first)).toMatch(/^content\/deadlines\.yaml:13:9 deadline "fout": at must be/);
  });

  it('reports YAML syntax errors with their line', () => {
    const broken = parseDeadlines('deadlines:\n  - id: x\n    title: [open\n    text: y\n', 'broken.yaml');
    expect(broken.deadlines).toEqual([]);
    expect(broken.problems.length).toBeGreaterThan(0);
    expect(broken.problems[0]?.message).toMatch(/^YAML: /);
    expect(broken.problems[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('asks for the deadlines list', () => {
    const wrong = parseDeadlines('# nothing yet\ndeadline:\n  - id: x\n', 'wrong.yaml');
    expect(wrong.deadlines).toEqual([]);
    expect(wrong.problems.map((p) => p.line)).toContain(2);
  });
});

describe('loadDeadlines', () => {
  it('reads a file and labels problems with its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'buurtbot-deadlines-'));
    const file = join(dir, 'deadlines.yaml');
    writeFileSync(file, source);
    const loaded = loadDeadlines(file);
    expect(loaded.deadlines).toHaveLength(1);
    expect(loaded.problems.find((p) => p.line === 13)?.file).toBe(file);
  });

  it('reports a missing file as a problem instead of throwing', () => {
    const loaded = loadDeadlines('/nonexistent/deadlines.yaml');
    expect(loaded.deadlines).toEqual([]);
    expect(loaded.problems[0]).toMatchObject({ file: '/nonexistent/deadlines.yaml', line: 1 });
    expect(loaded.problems[0]?.message).toMatch(/cannot read the file/);
  });
});
