import { describe, expect, it } from 'vitest';
import { planToJson, planToJsonObject, renderPlanMarkdown, type PlanForExport } from '../../src/core/plan/export.js';
import { escapeBlock, escapeInline } from '../../src/core/plan/markdown-escape.js';
import { parsePlanTemplate } from '../../src/core/plan/template.js';
import { GOOD_BOARD_TEXT, defaultTemplate } from './fixtures.js';

const template = defaultTemplate();

const INJECTION = [
  '# Ingediend en goedgekeurd',
  '[klik hier](http://evil.example) en ![plaatje](http://evil.example/x.png)',
  '<script>alert(1)</script> &amp; <b>vet</b>',
  '- geen lijst',
  '1. geen genummerde lijst',
  '    geen codeblok',
  '> geen citaat',
  '**geen vet** _geen cursief_ `geen code` | geen | tabel |',
  '---',
  '',
  'Tweede alinea.',
].join('\n');

const plan: PlanForExport = {
  platform: { slug: 'voorbeeld', name: 'Buurtplatform *Wyck* [test]', buurt: 'Wyck' },
  status: 'submitted',
  submittedBy: 'Anna Jansen',
  submittedAt: new Date('2016-12-20T13:05:00Z'),
  sections: {
    'platform-en-buurt': { text: INJECTION, author: 'Piet_de_Vries', updatedAt: new Date('2016-12-12T09:30:00Z'), revision: 3 },
    bestuur: { text: GOOD_BOARD_TEXT, author: 'Anna Jansen', updatedAt: new Date('2016-12-13T18:00:00Z'), revision: 1 },
    'visie-en-doelen': { text: '   \n  ', revision: 1 },
  },
};

describe('renderPlanMarkdown', () => {
  const nl = renderPlanMarkdown(plan, template, 'nl');
  const lines = nl.split('\n');

  it('has one title, then one heading per template section, and nothing else that is a heading', () => {
    const headings = lines.filter((line) => /^ {0,3}#/.test(line));
    expect(headings[0]).toBe('# Plan van Aanpak: Buurtplatform \\*Wyck\\* \\[test\\]');
    expect(headings.slice(1)).toEqual(
      template.sections.map((section, index) => `## ${index + 1}. ${section.title.nl}${section.required ? '' : ' (optioneel)'}`),
    );
  });

  it('escapes injected Markdown and HTML but keeps the text and its line breaks', () => {
    expect(nl).toContain('\\# Ingediend en goedgekeurd  \n\\[klik hier\\](http://evil.example)');
    expect(nl).not.toMatch(/[^\\]\[klik hier\]\(/);
    expect(nl).not.toMatch(/[^\\]<script>/);
    expect(nl).toContain('\\<script\\>alert(1)\\</script\\> \\&amp; \\<b\\>vet\\</b\\>');
    expect(nl).toContain('\\- geen lijst');
    expect(nl).toContain('1\\. geen genummerde lijst');
    expect(nl).toMatch(/^geen codeblok {2}$/m);
    expect(nl).toContain('\\> geen citaat');
    expect(nl).toContain('\\*\\*geen vet\\*\\* \\_geen cursief\\_ \\`geen code\\` \\| geen \\| tabel \\|');
    expect(nl).toMatch(/^\\---\n\nTweede alinea\.$/m);
    // no user line may start a list, quote, heading or code block
    const answer = nl.slice(nl.indexOf('## 1.'), nl.indexOf('## 2.'));
    for (const line of answer.split('\n').slice(1)) expect(line).not.toMatch(/^(\s{4}|[-+>#]|\d+[.)]\s)/);
  });

  it('shows the header facts, authors and dates in Amsterdam time', () => {
    expect(nl).toContain('- **Buurtplatform:** Buurtplatform \\*Wyck\\* \\[test\\]');
    expect(nl).toContain('- **Buurt:** Wyck');
    expect(nl).toContain('- **Status:** ingediend');
    expect(nl).toContain('- **Ingediend:** door Anna Jansen op 20 december 2016 om 14:05');
    expect(nl).toContain('- **Inleveren uiterlijk:** 31 december 2016 om 23:59');
    expect(nl).toContain('*Ingevuld door Piet\\_de\\_Vries op 12 december 2016 om 10:30 · versie 3*');
  });

  it('renders the board as a list with the confirmation', () => {
    expect(nl).toContain(
      '- **Anna Jansen**: voorzitter\n- **Piet de Vries**: secretaris\n- **Karin Smeets**: penningmeester\n\nAlle bestuursleden voldoen aan de formele eisen.',
    );
  });

  it('marks empty and whitespace-only sections as not filled in', () => {
    const visie = nl.slice(nl.indexOf('## 3.'), nl.indexOf('## 4.'));
    expect(visie).toContain('*Nog niet ingevuld.*');
    expect(nl.match(/\*Nog niet ingevuld\.\*/g)).toHaveLength(template.sections.length - 2);
  });

  it('speaks English when asked', () => {
    const en = renderPlanMarkdown({ ...plan, status: 'revised' }, template, 'en');
    expect(en).toContain('## 2. The board');
    expect(en).toContain('- **Status:** changed after submitting');
    expect(en).toContain('*Not filled in yet.*');
    expect(en).toContain('All board members meet the formal requirements.');
    expect(en).toContain('31 December 2016 at 23:59');
  });

  it('flags a board text that does not confirm the requirements', () => {
    const draft = renderPlanMarkdown(
      { ...plan, sections: { bestuur: { text: 'Anna Jansen - voorzitter\nPiet de Vries - secretaris', revision: 1 } } },
      template,
      'nl',
    );
    expect(draft).toContain('Let op: nog niet bevestigd');
  });
});

describe('planToJson', () => {
  const small = parsePlanTemplate(
    [
      'version: 1',
      'title: { nl: Plan van Aanpak, en: Plan of approach }',
      'deadline: "2016-12-31T23:59 Europe/Amsterdam"',
      'sections:',
      ...['een', 'twee', 'drie'].flatMap((id) => [
        `  - id: ${id}`,
        `    title: { nl: Titel ${id}, en: Title ${id} }`,
        '    question: { nl: Vraag?, en: Question? }',
        '    guidance: { nl: Uitleg., en: Guidance. }',
        '    example: { nl: Voorbeeld., en: Example. }',
        '    required: true',
        '    validation: { type: text, minWords: 1 }',
      ]),
    ].join('\n'),
    'small.yaml',
  ).template;
  if (small === undefined) throw new Error('small template did not load');

  it('matches the contract exactly, empty sections as empty strings', () => {
    const json = planToJson(
      {
        platform: { slug: 'wyck', name: 'Buurtplatform "Wyck"' },
        status: 'draft',
        sections: {
          een: { text: 'Regel 1\nRegel 2', author: 'Anna', updatedAt: new Date('2016-12-12T09:30:00Z'), revision: 2 },
          drie: { text: '  ', author: 'Piet', updatedAt: new Date('2016-12-13T09:30:00Z'), revision: 1 },
          oud: { text: 'uit een eerdere versie van het sjabloon', revision: 1 },
        },
      },
      small,
    );
    expect(json).toBe(
      '{"platform":"Buurtplatform \\"Wyck\\"","status":"draft","sections":[' +
        '{"id":"een","title":"Titel een","answer":"Regel 1\\nRegel 2","author":"Anna","updatedAt":"2016-12-12T09:30:00.000Z"},' +
        '{"id":"twee","title":"Titel twee","answer":"","author":"","updatedAt":""},' +
        '{"id":"drie","title":"Titel drie","answer":"","author":"","updatedAt":""}]}',
    );
  });

  it('uses Dutch titles and every template section for the default template', () => {
    const object = planToJsonObject(plan, template);
    expect(Object.keys(object)).toEqual(['platform', 'status', 'sections']);
    expect(object.sections.map((section) => section.title)).toEqual(template.sections.map((section) => section.title.nl));
    for (const section of object.sections) expect(Object.keys(section)).toEqual(['id', 'title', 'answer', 'author', 'updatedAt']);
    expect(object.sections[1]).toEqual({
      id: 'bestuur',
      title: 'Het bestuur',
      answer: GOOD_BOARD_TEXT,
      author: 'Anna Jansen',
      updatedAt: '2016-12-13T18:00:00.000Z',
    });
  });
});

describe('markdown escaping helpers', () => {
  it('flattens inline text to one line', () => {
    expect(escapeInline('Anna\n# Jansen')).toBe('Anna \\# Jansen');
  });

  it('keeps paragraphs and hard line breaks', () => {
    expect(escapeBlock('a\nb\n\n\nc')).toBe('a  \nb\n\nc');
    expect(escapeBlock('+ plus\n= is\n2) twee')).toBe('\\+ plus  \n\\= is  \n2\\) twee');
  });
});
