/**
 * Text in and out of Slack's mrkdwn. Outgoing: every character a user could have typed is escaped
 * (`&`, `<`, `>`), so echoed text such as `<!channel>` or `<@U1>` shows as typed instead of pinging
 * a whole channel; only the links we build ourselves stay live. Incoming: Slack's markup (mentions,
 * links, entities) becomes the plain text the core expects.
 */

/** Escapes the three characters Slack treats as control characters in mrkdwn and plain text. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const LINK = /\[([^\]\n]{1,200})\]\((https?:\/\/[^\s)]+)\)/g;

/**
 * The core writes light Markdown (`*bold*`, `**bold**`, `` `code` ``, `[label](url)`, `# heading`,
 * bullets); Slack speaks mrkdwn. Everything is escaped first, then the few constructs that differ
 * are rewritten, so nothing user-typed can turn into a live mention or link.
 */
export function toMrkdwn(text: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    parts.push(inline(text.slice(last, match.index)));
    const [, label = '', url = ''] = match;
    // `|` and `>` would end the link early; a URL from our own content never needs them.
    parts.push(`<${escapeMrkdwn(url).replace(/\|/g, '%7C')}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>`);
    last = match.index + match[0].length;
  }
  parts.push(inline(text.slice(last)));
  return parts.join('');
}

function inline(text: string): string {
  return escapeMrkdwn(text)
    .replace(/^#{1,6}[ \t]+(.+?)[ \t]*#*$/gm, '*$1*')
    .replace(/\*\*(?=\S)([^*\n]+?)\*\*/g, '*$1*')
    .replace(/__(?=\S)([^_\n]+?)__/g, '*$1*')
    .replace(/^([ \t]*)[-*][ \t]+/gm, '$1• ');
}

/**
 * Splits mrkdwn into pieces of at most `max` characters, preferring paragraph breaks, then line
 * breaks, then spaces. A live link `<…>` or an entity `&amp;` is never cut in half.
 */
export function splitMrkdwn(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = findCut(rest, max);
    const head = rest.slice(0, cut).trimEnd();
    if (head) pieces.push(head);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

function findCut(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  for (const separator of ['\n\n', '\n', ' ']) {
    let at = window.lastIndexOf(separator, max);
    while (at > 0 && insideToken(text, at)) at = window.lastIndexOf(separator, at - 1);
    // A break in the first fifth would leave a tiny piece; try a finer separator instead.
    if (at > max / 5) return at;
  }
  // One very long word: cut hard, but step back out of an entity or a link.
  let at = max;
  while (at > 1 && insideToken(text, at)) at -= 1;
  return at > 1 ? at : max;
}

/** True when position `at` falls inside `<…>` or `&…;`. */
function insideToken(text: string, at: number): boolean {
  const open = text.lastIndexOf('<', at - 1);
  if (open >= 0 && text.lastIndexOf('>', at - 1) < open && text.indexOf('>', at) >= 0) return true;
  const amp = text.lastIndexOf('&', at - 1);
  return amp >= 0 && at - amp < 8 && /^&[a-z]{2,4};/.test(text.slice(amp, amp + 7)) && text.indexOf(';', amp) >= at;
}

/**
 * Slack's markup in a user's message as plain text: the bot's own mention is dropped, other
 * mentions and links become readable, entities are decoded. The core never sees `<@U…>`.
 */
export function fromSlackText(text: string, botUserId?: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_whole, inner: string) => {
      const [target = '', label] = splitLabel(inner);
      if (target.startsWith('@')) {
        if (botUserId && target === `@${botUserId}`) return '';
        return label ? `@${label.replace(/^@/, '')}` : target;
      }
      if (target.startsWith('#')) return label ? `#${label}` : target;
      if (target.startsWith('!')) {
        const special = target.slice(1).split('^')[0] ?? '';
        if (['channel', 'here', 'everyone'].includes(special)) return `@${special}`;
        return label ?? special;
      }
      if (target.startsWith('mailto:')) return label ?? target.slice('mailto:'.length);
      return label && label !== target ? `${label} (${target})` : target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

function splitLabel(inner: string): [string, string | undefined] {
  const bar = inner.indexOf('|');
  return bar < 0 ? [inner, undefined] : [inner.slice(0, bar), inner.slice(bar + 1)];
}
