import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/app.js';

const BIN = path.join(import.meta.dirname, '../../bin/buurtbot.js');

/** Runs the real CLI as a newcomer's script would, with its own database file. */
export function runCli(args: string[], input: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATABASE_URL: `file:${path.join(tempDir(), 'cli.db')}`, LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

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
