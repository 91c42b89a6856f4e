/**
 * Block Kit rendering of the neutral Reply: text as mrkdwn sections (a digest laid out from its
 * data, see digest-blocks.ts), citations as a context block,
 * buttons as an actions block (action_id = the button id, value = its typed equivalent), a form as
 * one more button that opens a modal. A long reply becomes several messages, each inside Slack's
 * limits; the top-level `text` carries the same words for notifications and screen readers.
 */
import type { types } from '@slack/bolt';
import type { Button, Citation, FormStep, Reply } from '../../core/messages.js';
import { SLACK_LIMITS, truncate } from './limits.js';
import { digestUnits, type BlockUnit } from './digest-blocks.js';
import { escapeMrkdwn, splitMrkdwn, toMrkdwn } from './mrkdwn.js';

export type Block = types.KnownBlock;

export interface SlackMessage {
  /** Fallback text (notifications, screen readers); already escaped mrkdwn. */
  text: string;
  blocks: Block[];
}

/** Buttons the adapter adds itself; the prefix keeps them apart from the core's button ids. */
export const FORM_ACTION = 'buurtbot:form';
/** A button that stands for typing its value (App Home shortcuts); the suffix keeps ids unique. */
export const SAY_ACTION_PREFIX = 'buurtbot:say:';

export interface RenderOptions {
  /** Encodes a form into the open-modal button's value (see forms.ts). */
  formValue: (form: FormStep) => string;
  /** Label of the open-modal button, in the user's language. */
  formButtonLabel: (form: FormStep) => string;
}

export function renderReply(reply: Reply, options: RenderOptions): SlackMessage[] {
  // A digest is laid out from its data (mrkdwn has no tables); any other text becomes sections.
  const units: BlockUnit[] = reply.digest
    ? digestUnits(reply.digest, reply.language ?? 'nl')
    : splitMrkdwn(toMrkdwn(reply.text), SLACK_LIMITS.sectionText).map((section) => ({
        block: { type: 'section', text: { type: 'mrkdwn', text: section } },
        text: section,
      }));
  const extras: Block[] = [...deadlineBlocks(reply), ...citationBlocks(reply.citations ?? []), ...actionBlocks(reply, options)];
  const messages: SlackMessage[] = [];
  let current: SlackMessage | undefined;
  for (const unit of units) {
    const separator = current?.text ? 2 : 0;
    if (
      !current ||
      current.blocks.length >= SLACK_LIMITS.blocksPerMessage ||
      current.text.length + separator + unit.text.length > SLACK_LIMITS.messageText
    ) {
      current = { text: '', blocks: [] };
      messages.push(current);
    }
    current.text = current.text ? `${current.text}\n\n${unit.text}` : unit.text;
    current.blocks.push(unit.block);
  }
  for (const block of extras) {
    if (!current || current.blocks.length >= SLACK_LIMITS.blocksPerMessage) {
      current = { text: '', blocks: [] };
      messages.push(current);
    }
    current.blocks.push(block);
  }
  for (const message of messages) {
    // A message of only buttons still needs words for the notification.
    if (!message.text) message.text = truncate(fallbackFor(reply), SLACK_LIMITS.messageText);
  }
  return messages;
}

function fallbackFor(reply: Reply): string {
  const typed = (reply.buttons ?? []).map((b) => `${b.label} (${b.typed})`);
  if (reply.form) typed.push(reply.form.title);
  return escapeMrkdwn(typed.join(' · ') || '…');
}

/** A reminder's deadline in the reader's own time zone and as "in 3 days" (Slack formats `<!date^…>` per reader). */
function deadlineBlocks(reply: Reply): Block[] {
  if (!reply.deadline) return [];
  const unix = Math.floor(new Date(reply.deadline).getTime() / 1000);
  const fallback = new Date(reply.deadline).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  return [{ type: 'context', elements: [{ type: 'mrkdwn', text: `⏰ <!date^${unix}^{date_long_pretty} {time} ({ago})|${fallback}>` }] }];
}

function citationBlocks(citations: readonly Citation[]): Block[] {
  const elements = citations.map((c) => ({
    type: 'mrkdwn' as const,
    // The short label (document and section) fits a phone; without one, the title and full source.
    text: truncate(
      c.label ? `📄 ${escapeMrkdwn(c.label)}` : `📄 *${escapeMrkdwn(c.title)}* — ${escapeMrkdwn(c.source)}`,
      SLACK_LIMITS.sectionText,
    ),
  }));
  return chunk(elements, SLACK_LIMITS.contextElements).map((group) => ({ type: 'context', elements: group }));
}

function actionBlocks(reply: Reply, options: RenderOptions): Block[] {
  const seen = new Set<string>();
  const elements: types.Button[] = [];
  if (reply.form) {
    seen.add(FORM_ACTION);
    elements.push({
      type: 'button',
      action_id: FORM_ACTION,
      text: { type: 'plain_text', text: truncate(options.formButtonLabel(reply.form), SLACK_LIMITS.buttonText), emoji: true },
      value: options.formValue(reply.form),
      style: 'primary',
    });
  }
  for (const button of reply.buttons ?? []) {
    // Slack rejects a message with a repeated action_id; the first one wins.
    if (seen.has(button.id)) continue;
    seen.add(button.id);
    elements.push(renderButton(button));
  }
  return chunk(elements, SLACK_LIMITS.actionsElements).map((group) => ({ type: 'actions', elements: group }));
}

export function renderButton(button: Button): types.Button {
  const rendered: types.Button = {
    type: 'button',
    action_id: button.id.slice(0, SLACK_LIMITS.actionId),
    text: { type: 'plain_text', text: truncate(button.label, SLACK_LIMITS.buttonText), emoji: true },
    value: truncate(button.typed, SLACK_LIMITS.buttonValue),
  };
  if (button.style) rendered.style = button.style;
  if (button.url) rendered.url = button.url;
  return rendered;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
