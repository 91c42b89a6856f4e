import { describe, expect, it } from 'vitest';
import { guardInput, sanitizeText } from '../../src/core/input-guard.js';
import { matchCommand, normalizeCommand } from '../../src/core/commands.js';

describe('input guard', () => {
  it('refuses empty and whitespace-only text', () => {
    expect(guardInput('', 100)).toEqual({ ok: false, reason: 'empty', length: 0 });
    expect(guardInput(' \n\t ', 100)).toEqual({ ok: false, reason: 'empty', length: 0 });
  });
  it('caps long text and reports its length', () => {
    expect(guardInput('a'.repeat(101), 100)).toEqual({ ok: false, reason: 'too-long', length: 101 });
  });
  it('removes control, zero-width and bidi characters but keeps line breaks', () => {
    expect(sanitizeText('a\u0000b\u200Bc\u202Ed\r\ne')).toBe('abcd\ne');
  });
});

describe('typed commands', () => {
  it('normalises case, accents, slash, mention and punctuation', () => {
    expect(normalizeCommand('  /HÚLP!! ')).toBe('hulp');
    expect(normalizeCommand('<@U123> plan')).toBe('plan');
  });
  it('matches whole words with an argument, not prefixes of other words', () => {
    expect(matchCommand('bewerk 3', ['bewerk', 'edit'])).toBe('3');
    expect(matchCommand('planning', ['plan'])).toBeNull();
  });
});

describe('links people type are never masked', () => {
  it('a typed [label](url) shows its address; names and texts alike', () => {
    expect(sanitizeText('Klik [Log in bij de gemeente](https://evil.example/login) nu')).toBe(
      'Klik Log in bij de gemeente (https://evil.example/login) nu',
    );
    expect(sanitizeText('[x]( <https://evil.example> )')).toBe('x (https://evil.example)');
    expect(sanitizeText('[](https://evil.example)')).toBe('https://evil.example');
    // Square brackets without a link stay as typed.
    expect(sanitizeText('[concept] versie 2 (herzien)')).toBe('[concept] versie 2 (herzien)');
  });
});
