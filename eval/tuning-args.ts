import { DEFAULT_TUNING, type Tuning } from '../src/core/knowledge/tuning.js';

/** `--set name=value` (repeatable) overrides a tuning constant, for calibration experiments. */
export function tuningOverrides(argv: readonly string[]): Partial<Tuning> {
  const result: Partial<Record<keyof Tuning, number>> = {};
  argv.forEach((arg, i) => {
    if (arg !== '--set') return;
    const [name, value] = (argv[i + 1] ?? '').split('=');
    if (!name || !(name in DEFAULT_TUNING) || value === undefined || Number.isNaN(Number(value))) {
      throw new Error(`--set expects name=number with a name from tuning.ts, got ${argv[i + 1] ?? 'nothing'}`);
    }
    result[name as keyof Tuning] = Number(value);
  });
  return result;
}
