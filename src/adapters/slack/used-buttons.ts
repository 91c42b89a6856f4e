/**
 * After a press, the message it came from shows what was chosen instead of buttons that would act
 * again: the pressed button's family (`feedback:…`, `plan:…`) leaves its actions block and a line
 * "✓ Nuttig" takes its place. Other buttons of the message (a "Zie ook" topic, the ✏️ form) stay.
 */
import type { types } from '@slack/bolt';
import { escapeMrkdwn } from './mrkdwn.js';

type Block = types.KnownBlock | types.Block;

/** `feedback` of `feedback:up:q1`: buttons that belong together and are used up together. */
function familyOf(actionId: string): string {
  return actionId.split(':')[0] ?? actionId;
}

/** The blocks with the pressed family's buttons replaced by what was chosen; undefined when nothing changes. */
export function markUsed(blocks: readonly Block[] | undefined, actionId: string): Block[] | undefined {
  if (!blocks?.length) return undefined;
  const family = familyOf(actionId);
  let changed = false;
  const out: Block[] = [];
  for (const block of blocks) {
    if (block.type !== 'actions') {
      out.push(block);
      continue;
    }
    const elements = (block as types.ActionsBlock).elements;
    const pressed = elements.find((e) => 'action_id' in e && e.action_id === actionId) as types.Button | undefined;
    const kept = elements.filter((e) => !('action_id' in e) || typeof e.action_id !== 'string' || familyOf(e.action_id) !== family);
    if (kept.length === elements.length) {
      out.push(block);
      continue;
    }
    changed = true;
    if (kept.length) out.push({ ...(block as types.ActionsBlock), elements: kept });
    if (pressed) out.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `✓ ${escapeMrkdwn(pressed.text.text)}` }] });
  }
  return changed ? out : undefined;
}
