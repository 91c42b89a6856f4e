/**
 * Slack's published limits that shape how a Reply is cut up. Exceeding any of them makes Slack
 * reject the whole call (invalid_blocks, msg_too_long), so the renderer stays strictly inside.
 */
export const SLACK_LIMITS = {
  /** Characters of mrkdwn in one section block. */
  sectionText: 3000,
  /** Blocks in one message (and in a modal or the App Home tab: 100, but we stay at 50 everywhere). */
  blocksPerMessage: 50,
  /** Characters of the top-level `text` of one message. */
  messageText: 40_000,
  /** Elements in one actions block. */
  actionsElements: 25,
  /** Elements in one context block. */
  contextElements: 10,
  /** Characters of a button label (plain_text). */
  buttonText: 75,
  /** Characters of a button value. */
  buttonValue: 2000,
  /** Characters of an action_id. */
  actionId: 255,
  /** Characters of a modal title. */
  modalTitle: 24,
  /** Characters of a modal submit/close label. */
  modalButton: 24,
  /** Characters of an input label. */
  inputLabel: 2000,
  /** Characters of a placeholder. */
  placeholder: 150,
  /** Characters a plain_text_input accepts at most, whatever max_length asks for. */
  plainTextInput: 3000,
  /** Characters of a view's private_metadata. */
  privateMetadata: 3000,
  /** Messages one response_url accepts (Slack: up to 5 times within 30 minutes). */
  responseUrlUses: 5,
} as const;

/** Cut plain text to `max` characters, ending with "…" when something was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}
