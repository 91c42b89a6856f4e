import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('buurtbot chat --jsonl', () => {
  it('prints exactly one JSON line per input line, buttons included', async () => {
    const input = ['hulp', '', '{"action":"help"}', 'english', 'x'.repeat(5000)].join('\n') + '\n';
    const { code, stdout, stderr } = await runCli(['chat', '--jsonl', '--user', 'u1', '--name', 'Anna'], input);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    const parsed = lines.map((l) => JSON.parse(l) as { replies: Array<{ text: string; buttons: Array<{ id: string; label: string }> }> });
    for (const line of parsed) {
      expect(Array.isArray(line.replies)).toBe(true);
      for (const reply of line.replies) {
        expect(typeof reply.text).toBe('string');
        expect(Array.isArray(reply.buttons)).toBe(true);
      }
    }
    expect(parsed[0]?.replies[0]?.text).toContain('Dit kan ik voor je doen');
    expect(parsed[1]?.replies[0]?.text).toMatch(/leeg/);
    expect(parsed[2]?.replies[0]?.text).toContain('Dit kan ik voor je doen');
    expect(parsed[3]?.replies[0]?.text).toMatch(/English/);
    expect(parsed[4]?.replies[0]?.text).toMatch(/too long/);
  });

  it('fails fast on bad configuration, naming the variable', async () => {
    const { code, stderr } = await runCli(['chat', '--jsonl'], '', { PORT: 'abc' });
    expect(code).toBe(1);
    expect(stderr).toContain('PORT: must be a whole number');
  });

  it('exits 2 on unknown commands', async () => {
    const { code, stderr } = await runCli(['frobnicate'], '');
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown command/);
  });
});
