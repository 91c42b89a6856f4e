/**
 * `/buurtbot <what>`: `vraag|ask <question>`, `plan`, `help|hulp`, `digest|weekoverzicht`. Anything
 * else is taken as a question, so `/buurtbot wanneer moet het plan binnen zijn?` just works. The
 * result is the text the core would get had the person typed it in a DM.
 */
import { normalizeCommand } from '../../core/commands.js';

export type SlashKind = 'ask' | 'plan' | 'help' | 'digest';

export interface SlashCommand {
  kind: SlashKind;
  /** What goes to the dispatcher as typed text. */
  text: string;
}

const ASK = ['vraag', 'ask', 'question'];
const PLAN = ['plan'];
const HELP = ['help', 'hulp', '?'];
const DIGEST = ['digest', 'weekoverzicht'];

export function parseSlashCommand(raw: string): SlashCommand {
  const text = raw.trim();
  const words = text.split(/\s+/);
  const first = normalizeCommand(words[0] ?? '');
  const rest = words.slice(1).join(' ').trim();
  if (!text || HELP.includes(first)) return { kind: 'help', text: first === 'hulp' || !text ? 'hulp' : 'help' };
  if (ASK.includes(first)) return rest ? { kind: 'ask', text: rest } : { kind: 'help', text: first === 'ask' ? 'help' : 'hulp' };
  // The rest after `plan`/`digest` (e.g. `plan verder`) stays: the feature may use it.
  if (PLAN.includes(first)) return { kind: 'plan', text: text };
  if (DIGEST.includes(first)) return { kind: 'digest', text: text };
  return { kind: 'ask', text };
}
