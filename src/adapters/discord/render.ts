/**
 * One neutral Reply → one or more Discord messages: text split at 2,000 characters, buttons as
 * components (custom_id = the neutral button id), a form step as a button that opens a modal,
 * sources, digests (laid out from their data, see digest-embeds.ts) and reminders as embeds. Whatever Discord cannot show (a 26th button, an id
 * over 100 characters) falls back to its typed equivalent in the text, so nothing is lost.
 */
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIButtonComponentWithURL,
  type APIEmbed,
} from 'discord.js';
import type { Language } from '../../core/language.js';
import type { Button, Citation, FormStep, Reply } from '../../core/messages.js';
import { detectLanguage } from '../../core/knowledge/index.js';
import { digestEmbeds } from './digest-embeds.js';
import { clamp, LIMITS } from './limits.js';
import { splitMessage } from './split.js';
import { say } from './texts.js';

export interface DiscordMessage {
  content?: string;
  embeds?: APIEmbed[];
  components?: Array<APIActionRowComponent<APIButtonComponentWithCustomId | APIButtonComponentWithURL>>;
}

export interface RenderOptions {
  /** Registers a form step and returns the custom_id of the button that opens it (null: typed only). */
  formButton?: (form: FormStep) => string | null;
  /** The reader's language when known; otherwise guessed from the reply text. */
  language?: Language;
}

/** A value discord.js sends as it is (see `sendable`). */
export interface Encoded<T> {
  toJSON(): T;
}

export interface SendableMessage {
  content?: string;
  embeds?: Array<Encoded<APIEmbed>>;
  components?: Array<Encoded<APIActionRowComponent<APIButtonComponentWithCustomId | APIButtonComponentWithURL>>>;
}

/**
 * The message for discord.js's reply/send/followUp. Embeds and components are already Discord's
 * API JSON; handed over as plain objects, discord.js would rename every key to snake_case again
 * (lodash, key by key): a measurable share of every reply. JSON-encodable values go out unchanged.
 */
export function sendable(message: DiscordMessage): SendableMessage {
  const out: SendableMessage = {};
  if (message.content !== undefined) out.content = message.content;
  if (message.embeds) out.embeds = message.embeds.map(encoded);
  if (message.components) out.components = message.components.map(encoded);
  return out;
}

function encoded<T>(value: T): Encoded<T> {
  return { toJSON: () => value };
}

const COLORS = { sources: 0x4a7c59, digest: 0x2b6cb0, notice: 0xd69e2e } as const;

export function renderReply(reply: Reply, options: RenderOptions = {}): DiscordMessage[] {
  const language = options.language ?? reply.language ?? detectLanguage(reply.text, 'nl');
  const { rows, overflow } = buttonRows(reply, options);
  let text = discordBold(reply.text);
  // A reminder's deadline in the reader's own time zone and as "in 3 days" (Discord formats <t:…> per reader).
  if (reply.deadline) {
    const unix = Math.floor(new Date(reply.deadline).getTime() / 1000);
    text += `\n\n⏰ <t:${unix}:F> (<t:${unix}:R>)`;
  }
  if (overflow.length) text += '\n\n' + overflow.map((b) => `[${b.typed}] ${b.label}`).join('  ');

  const messages: DiscordMessage[] = [];
  if (reply.digest) {
    // Laid out from its data: Discord draws no Markdown tables.
    const embeds = digestEmbeds(reply.digest, reply.language ?? 'nl', COLORS.digest);
    if (overflow.length)
      embeds.push({
        description: clamp(overflow.map((b) => `[${b.typed}] ${b.label}`).join('  '), LIMITS.embedDescription),
        color: COLORS.digest,
      });
    for (const group of packEmbeds(embeds)) messages.push({ embeds: group });
  } else if (reply.kind === 'digest' || reply.kind === 'notice') {
    // Digests and reminders stand out as a card; long ones become several cards.
    for (const embeds of packEmbeds(
      splitMessage(text, LIMITS.embedDescription).map((d) => ({ description: d, color: COLORS[reply.kind as 'digest' | 'notice'] })),
    )) {
      messages.push({ embeds });
    }
  } else {
    for (const content of splitMessage(text, LIMITS.content)) if (content) messages.push({ content });
  }

  if (reply.citations?.length) {
    const embed = sourcesEmbed(reply.citations, language);
    const last = messages.at(-1);
    if (last && fitsBeside(last.embeds ?? [], embed)) last.embeds = [...(last.embeds ?? []), embed];
    else messages.push({ embeds: [embed] });
  }
  if (rows.length) {
    const last = messages.at(-1);
    if (last) last.components = rows;
    else messages.push({ components: rows });
  }
  return messages;
}

/**
 * The core writes bold as `*bold*` (and `**bold**`); Discord reads `*x*` as italics, so single
 * stars around words become double. A star followed by a space (a bullet, a multiplication) stays.
 */
export function discordBold(text: string): string {
  return text.replace(/(?<![*\\\w])\*(?![*\s])([^*\n]*?[^*\s])\*(?![*\w])/g, '**$1**');
}

function buttonRows(reply: Reply, options: RenderOptions): { rows: NonNullable<DiscordMessage['components']>; overflow: Button[] } {
  const buttons: Array<APIButtonComponentWithCustomId | APIButtonComponentWithURL> = [];
  const overflow: Button[] = [];
  const seen = new Set<string>();
  const max = LIMITS.actionRows * LIMITS.buttonsPerRow;
  if (reply.form && options.formButton) {
    const id = options.formButton(reply.form);
    if (id) {
      seen.add(id);
      buttons.push(actionButton(ButtonStyle.Primary, id, clamp(`✏️ ${reply.form.title}`, LIMITS.buttonLabel)));
    }
  }
  for (const b of reply.buttons ?? []) {
    // Discord needs unique ids of at most 100 characters and at most 25 buttons.
    if (b.id.length > LIMITS.customId || seen.has(b.id) || buttons.length >= max) {
      overflow.push(b);
      continue;
    }
    seen.add(b.id);
    if (b.url) {
      // A link button: Discord opens it and sends no interaction.
      const link: APIButtonComponentWithURL = {
        type: ComponentType.Button,
        style: ButtonStyle.Link,
        url: b.url,
        label: clamp(b.label.trim() || b.typed, LIMITS.buttonLabel),
      };
      buttons.push(link);
      continue;
    }
    const style = b.style === 'primary' ? ButtonStyle.Primary : b.style === 'danger' ? ButtonStyle.Danger : ButtonStyle.Secondary;
    buttons.push(actionButton(style, b.id, clamp(b.label.trim() || b.typed, LIMITS.buttonLabel)));
  }
  const rows: NonNullable<DiscordMessage['components']> = [];
  for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + LIMITS.buttonsPerRow) });
  }
  return { rows, overflow };
}

function sourcesEmbed(citations: Citation[], language: Language): APIEmbed {
  const lines: string[] = [];
  let length = 0;
  for (const c of citations) {
    const title = c.title.replace(/[[\]]/g, '');
    const line = /^https?:\/\//.test(c.source) ? `• [${title}](${c.source})` : c.label ? `• ${c.label}` : `• ${title}: ${c.source}`;
    const fitted = clamp(line, 1000);
    if (length + fitted.length + 1 > LIMITS.embedDescription) break;
    lines.push(fitted);
    length += fitted.length + 1;
  }
  return { title: say(language, 'sources'), description: lines.join('\n'), color: COLORS.sources };
}

function embedLength(e: APIEmbed): number {
  const fields = (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + fields;
}

function fitsBeside(existing: APIEmbed[], extra: APIEmbed): boolean {
  const total = existing.reduce((n, e) => n + embedLength(e), 0) + embedLength(extra);
  return existing.length < LIMITS.embedsPerMessage && total <= LIMITS.embedTotal;
}

/** Groups embeds into messages within Discord's 10-embeds and 6,000-characters-per-message limits. */
function packEmbeds(embeds: APIEmbed[]): APIEmbed[][] {
  const groups: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  for (const e of embeds) {
    if (current.length && !fitsBeside(current, e)) {
      groups.push(current);
      current = [];
    }
    current.push(e);
  }
  if (current.length) groups.push(current);
  return groups;
}

function actionButton(
  style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Danger,
  id: string,
  label: string,
): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, style, custom_id: id, label };
}
