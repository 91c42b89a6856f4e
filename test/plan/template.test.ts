import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIRMATION_SENTENCE } from '../../src/core/plan/answer-messages.js';
import { loadPlanTemplate } from '../../src/content-files.js';
import { validateAnswer } from '../../src/core/plan/validate.js';
import { TEMPLATE_FILE, defaultTemplate } from './fixtures.js';

describe('content/plan-template.yaml', () => {
  it('loads without problems', () => {
    const { template, problems } = loadPlanTemplate(TEMPLATE_FILE);
    expect(problems).toEqual([]);
    expect(template?.sections.length).toBeGreaterThanOrEqual(9);
  });

  it('has a board section that needs 3 members', () => {
    const boards = defaultTemplate().sections.filter((section) => section.validation.type === 'board');
    expect(boards).toHaveLength(1);
    expect(boards[0]?.validation).toEqual({ type: 'board', minMembers: 3 });
    expect(boards[0]?.required).toBe(true);
  });

  it('has the letter deadline: 31 December 2016, 23:59 in Amsterdam (22:59 UTC, winter time)', () => {
    const { deadline } = defaultTemplate();
    expect(deadline.timeZone).toBe('Europe/Amsterdam');
    expect(deadline.at.toISOString()).toBe('2016-12-31T22:59:00.000Z');
  });

  it('marks one or two sections optional, including the support section', () => {
    const optional = defaultTemplate()
      .sections.filter((section) => !section.required)
      .map((section) => section.id);
    expect(optional.length).toBeGreaterThanOrEqual(1);
    expect(optional.length).toBeLessThanOrEqual(2);
    expect(optional).toContain('ondersteuning');
  });

  it('marks every example as coming from an invented platform, in both languages', () => {
    for (const section of defaultTemplate().sections) {
      expect(section.example.nl.split('\n')[0], section.id).toMatch(/verzonnen Buurtplatform Voorbeeldwijk/);
      expect(section.example.en.split('\n')[0], section.id).toMatch(/invented Buurtplatform Voorbeeldwijk/);
    }
  });

  it('quotes the exact confirmation sentence in the board question and guidance', () => {
    const board = defaultTemplate().sections.find((section) => section.validation.type === 'board');
    for (const language of ['nl', 'en'] as const) {
      expect(board?.guidance[language]).toContain(CONFIRMATION_SENTENCE[language]);
      expect(board?.question[language]).toContain(CONFIRMATION_SENTENCE[language]);
    }
  });

  it('has examples long enough for their own minimum, and refuses them when pasted back', () => {
    for (const section of defaultTemplate().sections) {
      const body = section.example.nl.split('\n').slice(1).join('\n');
      if (section.validation.type === 'text') {
        expect(body.split(/\s+/).length, section.id).toBeGreaterThanOrEqual(section.validation.minWords);
      }
      const pasted = validateAnswer(section, section.example.nl, 'nl');
      expect(pasted.ok, section.id).toBe(false);
      if (!pasted.ok) expect(pasted.reason, section.id).toContain('voorbeeld');
    }
  });
});

describe('loadPlanTemplate problems name the file and the line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-template-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function write(name: string, lines: string[]): string {
    const file = join(dir, name);
    writeFileSync(file, lines.join('\n'));
    return file;
  }

  const section = (id: string): string[] => [
    `  - id: ${id}`,
    '    title: { nl: Titel, en: Title }',
    '    question: { nl: Vraag?, en: Question? }',
    '    guidance: { nl: Uitleg., en: Guidance. }',
    '    example: { nl: Voorbeeld., en: Example. }',
    '    required: true',
    '    validation: { type: text, minWords: 5 }',
  ];
  const header = [
    'version: 1',
    'title: { nl: Plan van Aanpak, en: Plan of approach }',
    'deadline: "2016-12-31T23:59 Europe/Amsterdam"',
    'sections:',
  ];

  it('accepts a small valid file', () => {
    const { template, problems } = loadPlanTemplate(write('ok.yaml', [...header, ...section('een'), ...section('twee')]));
    expect(problems).toEqual([]);
    expect(template?.sections.map((item) => item.id)).toEqual(['een', 'twee']);
    expect(template?.sections[0]?.kb).toEqual([]);
  });

  it('reports a missing English text on the line of its field', () => {
    const lines = [...header, ...section('een')];
    lines[5] = '    title: { nl: Titel }'; // line 6
    const file = write('no-en.yaml', lines);
    const { template, problems } = loadPlanTemplate(file);
    expect(template).toBeUndefined();
    expect(problems).toEqual([{ file, line: 6, message: expect.stringMatching(/sections\[0\] \(een\)\.title\.en: .*English/) }]);
  });

  it('reports a duplicate section id on the line of the second id', () => {
    const file = write('dup.yaml', [...header, ...section('een'), ...section('een')]);
    const { problems } = loadPlanTemplate(file);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file, line: 12 });
    expect(problems[0]?.message).toMatch(/"een" is used twice/);
  });

  it('reports a misspelt field on its own line', () => {
    const lines = [...header, ...section('een')];
    lines[9] = '    requird: true'; // line 10
    const file = write('typo.yaml', lines);
    const { problems } = loadPlanTemplate(file);
    expect(problems).toContainEqual({ file, line: 10, message: expect.stringMatching(/unknown field "requird"/) });
    // and the real field is then missing, reported at the section
    expect(problems.some((problem) => /required/.test(problem.message) && problem.line === 5)).toBe(true);
  });

  it('reports an unknown validation type and a bad deadline on their lines', () => {
    const lines = [...header, ...section('een')];
    lines[2] = 'deadline: "31-12-2016"'; // line 3
    lines[10] = '    validation: { type: essay, minWords: 5 }'; // line 11
    const file = write('bad.yaml', lines);
    const { problems } = loadPlanTemplate(file);
    expect(problems.map((problem) => problem.line)).toEqual([3, 11]);
    expect(problems[0]?.message).toMatch(/deadline/);
    expect(problems[1]?.message).toMatch(/text, board, choice/);
  });

  it('rejects a deadline on a day that does not exist', () => {
    const lines = [...header, ...section('een')];
    lines[2] = 'deadline: "2016-02-30T23:59 Europe/Amsterdam"';
    expect(loadPlanTemplate(write('feb.yaml', lines)).problems[0]?.line).toBe(3);
  });

  it('reports YAML syntax errors with their line', () => {
    const lines = [...header, ...section('een')];
    lines[6] = '    question: { nl: Vraag?, en: Question?'; // line 7: unclosed flow map
    const file = write('syntax.yaml', lines);
    const { template, problems } = loadPlanTemplate(file);
    expect(template).toBeUndefined();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.file).toBe(file);
    expect(problems[0]?.line).toBeGreaterThanOrEqual(7);
    expect(problems[0]?.message).toMatch(/^YAML: /);
  });

  it('reports duplicate keys as YAML problems', () => {
    const lines = [...header, ...section('een')];
    lines.splice(10, 0, '    required: false'); // a second "required" on line 11
    const { problems } = loadPlanTemplate(write('dupkey.yaml', lines));
    expect(problems[0]?.line).toBe(11);
  });

  it('reports a file that cannot be read with line 0', () => {
    const file = join(dir, 'missing.yaml');
    expect(loadPlanTemplate(file).problems).toEqual([{ file, line: 0, message: expect.stringMatching(/cannot read/) }]);
  });

  it('checks choice options: at least two, unique ids', () => {
    const lines = [...header, ...section('een')];
    lines[10] = '    validation:';
    lines.push(
      '      type: choice', // 12
      '      options:', // 13
      '        - { id: ja, label: { nl: Ja, en: Yes } }', // 14
      '        - { id: ja, label: { nl: Nee, en: No } }', // 15
    );
    const { problems } = loadPlanTemplate(write('choice.yaml', lines));
    expect(problems).toEqual([expect.objectContaining({ line: 15, message: expect.stringMatching(/option id "ja" is used twice/) })]);
  });
});
