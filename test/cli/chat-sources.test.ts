import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('buurtbot chat in the terminal', () => {
  it('shows the short source line under an answer, as Slack, Discord and the web chat do', async () => {
    const input = 'when is the plan of approach due?\n';
    const { code, stdout } = await runCli(['chat', '--user', 'u1', '--name', 'Anna'], input);
    expect(code).toBe(0);
    expect(stdout).toContain('31 December 2016');
    const source = stdout.split('\n').find((line) => line.startsWith('— '));
    expect(source).toBeDefined();
    // The document and where in it, without the title of the entry or English glosses of Dutch names.
    expect(source).toMatch(/^— Raadsinformatiebrief transitieproces buurtnetwerken \(2016\), § /);
    expect(source).not.toContain('council information letter');
    expect(source?.length).toBeLessThan(120);
  });
});
