import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The run's temp folder (support/temp-root.ts) is what keeps a test run from leaving its files in /tmp.
describe('the test run temp folder', () => {
  it('is where os.tmpdir() points inside a test, named after the process that runs the tests', () => {
    const name = path.basename(os.tmpdir());
    expect(name).toBe(`buurtbot-run-${process.ppid}`);
  });
});
