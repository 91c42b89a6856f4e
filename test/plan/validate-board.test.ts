import { describe, expect, it } from 'vitest';
import { parseBoard } from '../../src/core/plan/board-parse.js';
import type { SectionValue } from '../../src/core/plan/plan-state.js';
import { validateAnswer } from '../../src/core/plan/validate.js';
import { GOOD_BOARD_TEXT, defaultTemplate } from './fixtures.js';

const board = defaultTemplate().sections.find((section) => section.validation.type === 'board');
if (board === undefined) throw new Error('no board section');

const THREE = [
  { name: 'Anna Jansen', role: 'voorzitter' },
  { name: 'Piet de Vries', role: 'secretaris' },
  { name: 'Karin Smeets', role: 'penningmeester' },
];

function reason(text: string, language: 'nl' | 'en' = 'nl'): string {
  const result = validateAnswer(board!, text, language);
  if (result.ok) throw new Error(`expected a rejection for ${JSON.stringify(text)}`);
  return result.reason;
}

function members(text: string): SectionValue {
  const result = validateAnswer(board!, text, 'nl');
  if (!result.ok) throw new Error(`expected acceptance, got: ${result.reason}`);
  return result.value;
}

describe('validateAnswer: board', () => {
  it.each([
    ['dash, one per line', GOOD_BOARD_TEXT],
    [
      'comma, parentheses and a colon, mixed',
      'Anna Jansen, voorzitter\nPiet de Vries (secretaris)\nPenningmeester: Karin Smeets\nja, iedereen voldoet aan de formele eisen',
    ],
    [
      'semicolons and a closing sentence on the same line',
      'Anna Jansen - voorzitter; Piet de Vries - secretaris; Karin Smeets - penningmeester. Alle bestuursleden voldoen aan de eisen.',
    ],
    [
      'bullets, en dashes, Slack bold',
      '• *Anna Jansen* – voorzitter\n• Piet de Vries – secretaris\n• Karin Smeets – penningmeester\n\nBevestigd.',
    ],
    [
      'one line with "en", after a heading',
      'Ons bestuur: Anna Jansen - voorzitter, Piet de Vries - secretaris en Karin Smeets (penningmeester)\nWij voldoen aan alle formele eisen',
    ],
    [
      'numbered list, English confirmation',
      '1. Anna Jansen - voorzitter\n2. Piet de Vries - secretaris\n3. Karin Smeets - penningmeester\nYes, all meet the formal requirements.',
    ],
  ])('accepts %s with 3 parsed members', (_label, text) => {
    const value = members(text);
    expect(value.kind).toBe('board');
    if (value.kind !== 'board') return;
    expect(value.members.map((member) => member.name)).toEqual(THREE.map((member) => member.name));
    expect(value.members.map((member) => member.role.toLowerCase())).toEqual(THREE.map((member) => member.role));
    expect(value.confirmed).toBe(true);
    expect(value.text).toBe(text.trim());
  });

  it('keeps brackets after a dash in the role', () => {
    const value = members(
      'Anna Jansen - voorzitter (tijdelijk)\nPiet de Vries (Pieter) - secretaris\nKarin Smeets - penningmeester\nAlle bestuursleden voldoen aan de formele eisen.',
    );
    expect(value.kind === 'board' && value.members.slice(0, 2)).toEqual([
      { name: 'Anna Jansen', role: 'voorzitter (tijdelijk)' },
      { name: 'Piet de Vries (Pieter)', role: 'secretaris' },
    ]);
  });

  it('keeps initials and double surnames whole', () => {
    const value = members(
      'A.M. Jansen-de Wit - voorzitter\nDhr. P. de Vries - secretaris\nK. Smeets - penningmeester\nAlle bestuursleden voldoen aan de formele eisen.',
    );
    expect(value.kind === 'board' && value.members.map((member) => member.name)).toEqual([
      'A.M. Jansen-de Wit',
      'Dhr. P. de Vries',
      'K. Smeets',
    ]);
  });

  it('rejects 2 members and says 3 are needed, naming who it found', () => {
    const text = reason('Anna Jansen - voorzitter\nPiet de Vries - secretaris\nAlle bestuursleden voldoen aan de formele eisen.');
    expect(text).toMatch(/Ik zie nu 2 bestuursleden: Anna Jansen \(voorzitter\), Piet de Vries \(secretaris\)\./);
    expect(text).toMatch(/minstens 3 nodig/);
    expect(text).not.toMatch(/Bevestig/);
  });

  it('says it in English too', () => {
    expect(reason('Anna Jansen - chair\nPiet de Vries - secretary\nAll board members meet the formal requirements.', 'en')).toMatch(
      /I can see 2 board members: .*At least 3 are needed/,
    );
  });

  it('counts distinct people: the same name twice is one member with both roles', () => {
    const text = reason(
      'Anna Jansen - voorzitter\nanna  jansen - penningmeester\nPiet de Vries - secretaris\nAlle bestuursleden voldoen aan de formele eisen.',
    );
    expect(text).toMatch(/2 bestuursleden: Anna Jansen \(voorzitter, penningmeester\)/);
  });

  it('rejects a board without the confirmation and quotes the sentence to add', () => {
    expect(reason('Anna Jansen - voorzitter\nPiet de Vries - secretaris\nKarin Smeets - penningmeester')).toBe(
      'Bevestig nog dat alle bestuursleden aan de formele eisen voldoen. Sluit af met de zin: "Alle bestuursleden voldoen aan de formele eisen."',
    );
    expect(reason('Anna Jansen - chair\nPiet de Vries - secretary\nKarin Smeets - treasurer', 'en')).toMatch(
      /End with the sentence: "All board members meet the formal requirements\."/,
    );
  });

  it.each([
    'Niet alle bestuursleden voldoen aan de formele eisen.',
    'Karin voldoet nog niet aan de eisen.',
    'We voldoen niet aan de eisen',
    'Not all members meet the requirements yet.',
    "Piet doesn't meet the requirements",
    'Niet bevestigd',
  ])('rejects the negated confirmation %j', (negation) => {
    const text = reason(`Anna Jansen - voorzitter\nPiet de Vries - secretaris\nKarin Smeets - penningmeester\n${negation}`);
    expect(text).toMatch(/niet alle bestuursleden aan de formele eisen voldoen/);
    expect(text).toMatch(/3 bestuursleden zijn die aan alle formele eisen voldoen/);
  });

  it('lets a negation win over a confirmation elsewhere in the text', () => {
    expect(reason(`${GOOD_BOARD_TEXT}\nPiet voldoet nog niet aan de eisen.`)).toMatch(/niet alle bestuursleden/);
  });

  it('asks for the role when a line has only a name', () => {
    const text = reason(
      'Anna Jansen - voorzitter\nPiet de Vries\nKarin Smeets - penningmeester\nAlle bestuursleden voldoen aan de formele eisen.',
    );
    expect(text).toMatch(/Bij "Piet de Vries" mist de rol/);
  });

  it('asks for the name when a line has only a role', () => {
    expect(reason(`${GOOD_BOARD_TEXT}\nvoorzitter`)).toMatch(/Bij "voorzitter" mist de naam/);
  });

  it('accepts a confirmation written per member when every member has one', () => {
    const value = members(
      'Anna Jansen (voorzitter) - voldoet aan de eisen\nPiet de Vries (secretaris), voldoet\nKarin Smeets - penningmeester, voldoet aan de eisen',
    );
    expect(value.kind === 'board' && value.members.length).toBe(3);
  });

  it('rejects an empty answer, a placeholder, and the template example', () => {
    expect(reason('')).toMatch(/minstens 3 bestuursleden met naam en rol/);
    expect(reason('weet ik niet')).toMatch(/nog geen antwoord/);
    expect(reason(board.example.nl.split('\n').slice(1).join('\n'))).toMatch(/voorbeeld/);
  });
});

describe('parseBoard', () => {
  it('keeps headings and remarks as notes', () => {
    const parsed = parseBoard(`Het bestuur:\n${GOOD_BOARD_TEXT}\nWe zoeken nog een vierde bestuurslid voor 2017 en verder.`);
    expect(parsed.members).toHaveLength(3);
    expect(parsed.notes).toEqual(['Het bestuur:', 'We zoeken nog een vierde bestuurslid voor 2017 en verder']);
    expect(parsed.confirmation).toBe('confirmed');
  });

  it('reads "Role: Name" the right way round', () => {
    expect(parseBoard('Secretaris: Piet de Vries').members).toEqual([{ name: 'Piet de Vries', role: 'Secretaris' }]);
  });
});
