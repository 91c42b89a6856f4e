/**
 * Cleans what people type before anything else sees it: control characters out (they break logs and
 * rendering), whitespace collapsed at the ends, and a cap on length so one paste cannot stall the bot.
 */
export type GuardResult = { ok: true; text: string } | { ok: false; reason: 'empty' | 'too-long'; length: number };

// Keep \n and \t; drop the other C0/C1 controls, zero-width and bidi-override characters.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** `[label](url)`: a masked link in the light Markdown every surface renders. */
const MASKED_LINK = /\[([^\]\n]*)\]\(\s*<?([^\s)>]*)>?\s*\)/g;

/**
 * Only links the bot builds itself are live. A masked link someone types (`[Log in bij de
 * gemeente](https://evil)`) would reach coordinators, Slack and Discord embeds as a trustworthy
 * label over any address; it becomes `label (address)`, so the address is what people see.
 */
export function unmaskLinks(text: string): string {
  return text.replace(MASKED_LINK, (_whole, label: string, url: string) => (label.trim() ? `${label} (${url})` : url));
}

export function sanitizeText(text: string): string {
  return unmaskLinks(text.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim());
}

export function guardInput(text: string, maxLength: number): GuardResult {
  const clean = sanitizeText(text);
  if (!clean) return { ok: false, reason: 'empty', length: 0 };
  if (clean.length > maxLength) return { ok: false, reason: 'too-long', length: clean.length };
  return { ok: true, text: clean };
}
