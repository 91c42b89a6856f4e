/**
 * Slash commands, button presses and modal submits. Discord wants an answer to every interaction
 * within 3 seconds: a quick turn is answered directly, a slow one (a model call) is first
 * acknowledged ("buurtbot is thinking…") and completed when the core is done. In a server
 * channel, answers that concern only the caller (plan, help, digest, button results, form
 * submits, anything the core marks ephemeral) are visible to the caller alone.
 */
import {
  MessageFlags,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionReplyOptions,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { TurnRunner } from '../../core/turn-runner.js';
import { DEFAULT_LANGUAGE, type Language } from '../../core/language.js';
import type { InboundMessage } from '../../core/messages.js';
import type { Logger, UserStore } from '../../core/ports.js';
import { commandText, PRIVATE_COMMANDS, QUESTION_OPTION } from './commands.js';
import { FORM_BUTTON_PREFIX, modalCustomId, stepIdOfModal, type FormRegistry } from './forms.js';
import { interactionBase } from './inbound.js';
import type { DisplayNames } from './identity.js';
import { userRefOf } from './identity.js';
import { NO_PINGS } from './messenger.js';
import { buildModal, readModal } from './modal.js';
import { renderReply, sendable } from './render.js';
import { ThrottledAnswerStream } from '../answer-stream.js';
import { clamp, LIMITS } from './limits.js';
import { say } from './texts.js';

export interface InteractionDeps {
  dispatcher: Pick<TurnRunner, 'dispatch'>;
  users: Pick<UserStore, 'get'>;
  forms: FormRegistry;
  names: DisplayNames;
  logger: Logger;
  /** Answer directly if the core is done within this time, otherwise acknowledge first. */
  ackAfterMs: number;
  /** At most one edit of an answer being written per this many ms. */
  streamEditEveryMs?: number | undefined;
}

type Answerable = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

export async function handleInteraction(interaction: Interaction, deps: InteractionDeps): Promise<void> {
  if (interaction.isChatInputCommand()) {
    const text = commandText(
      interaction.commandName,
      interaction.options.getString(QUESTION_OPTION) ?? interaction.options.getString('question'),
    );
    const inbound = { ...interactionBase(interaction, deps.names), text: text ?? interaction.commandName };
    await answer(interaction, inbound, PRIVATE_COMMANDS.has(interaction.commandName), deps);
  } else if (interaction.isButton()) {
    if (interaction.customId.startsWith(FORM_BUTTON_PREFIX)) await openForm(interaction, deps);
    else {
      await answer(interaction, { ...interactionBase(interaction, deps.names), action: interaction.customId }, true, deps);
      await markUsed(interaction, deps);
    }
  } else if (interaction.isModalSubmit()) {
    const stepId = stepIdOfModal(interaction.customId);
    if (stepId === null) return;
    const values = new Map<string, string>();
    for (const [id, field] of interaction.fields.fields) {
      if ('value' in field && typeof field.value === 'string') values.set(id, field.value);
    }
    const inbound: InboundMessage = { ...interactionBase(interaction, deps.names), form: { stepId, text: readModal(values) } };
    await answer(interaction, inbound, true, deps);
  }
}

/** Opens the modal for a form button. It must be the first response, so no core call happens before it. */
async function openForm(interaction: ButtonInteraction, deps: InteractionDeps): Promise<void> {
  const language = await languageOf(interaction.user.id, deps);
  const entry = deps.forms.lookup(interaction.customId);
  const customId = entry && modalCustomId(entry.form.id);
  if (!entry || !customId) {
    await interaction.reply({ content: say(language, 'formExpired'), ...flags(interaction.inGuild()) });
    return;
  }
  // Someone else's draft stays theirs: others pressing a shared button get an empty form.
  const withDraft = entry.userId === undefined || entry.userId === interaction.user.id;
  await interaction.showModal(buildModal(entry.form, customId, { withDraft, language }));
}

async function answer(interaction: Answerable, inbound: InboundMessage, privateByDefault: boolean, deps: InteractionDeps): Promise<void> {
  const inGuild = interaction.inGuild();
  // A model's answer shows in the acknowledged reply while it is written (Discord's "thinking…"
  // becomes the text); before the acknowledgement there is nothing to edit yet.
  let stream: ThrottledAnswerStream<true> | undefined;
  let latest = '';
  const work = deps.dispatcher.dispatch(inbound, {
    onPartial: (text) => {
      latest = text;
      stream?.update(text);
    },
  });
  const early = await within(work, deps.ackAfterMs);
  let deferredPrivate: boolean | null = null;
  if (!early.done) {
    deferredPrivate = inGuild && privateByDefault;
    await interaction.deferReply(flags(deferredPrivate));
    const edit = async (text: string): Promise<true> => {
      await interaction.editReply({ content: clamp(text, LIMITS.content), allowedMentions: NO_PINGS });
      return true;
    };
    stream = new ThrottledAnswerStream<true>(
      { post: edit, edit: (_, text) => edit(text).then(() => undefined) },
      deps.logger,
      deps.streamEditEveryMs,
    );
    if (latest) stream.update(latest);
  }
  const replies = early.done ? early.value : await work.finally(() => stream?.settle());
  const outgoing = (replies ?? []).flatMap((reply) => {
    const isPrivate = inGuild && (privateByDefault || reply.ephemeral === true);
    return renderReply(reply, { formButton: (form) => deps.forms.register(form, interaction.user.id) }).map((m) => ({
      ...sendable(m),
      isPrivate,
    }));
  });

  if (!outgoing.length) {
    // A duplicate (or an empty answer): acknowledge without leaving anything behind.
    if (deferredPrivate !== null) await interaction.deleteReply();
    else if (interaction.isButton()) await interaction.deferUpdate();
    else {
      await interaction.deferReply(flags(true));
      await interaction.deleteReply();
    }
    return;
  }
  let first = true;
  for (const { isPrivate, ...message } of outgoing) {
    const options: InteractionReplyOptions = { ...message, allowedMentions: NO_PINGS, ...flags(isPrivate) };
    if (first && deferredPrivate === null) await interaction.reply(options);
    // Every field set: nothing of a half-written answer stays in the reply.
    else if (first && deferredPrivate === isPrivate)
      await interaction.editReply({ content: '', embeds: [], components: [], ...message, allowedMentions: NO_PINGS });
    else if (first) {
      // The placeholder has the wrong visibility for this answer: replace it.
      await interaction.deleteReply();
      await interaction.followUp(options);
    } else await interaction.followUp(options);
    first = false;
  }
}

/**
 * After a press, the message it came from no longer offers what was used: the pressed button's
 * family (`feedback:…`, `plan:…`) becomes one disabled "✓ label" button; other buttons stay. Only on
 * the bot's own channel messages (an ephemeral one cannot be edited this way); cosmetic, so a
 * failure is only logged.
 */
async function markUsed(interaction: ButtonInteraction, deps: InteractionDeps): Promise<void> {
  const message = interaction.message;
  if (message.flags.has(MessageFlags.Ephemeral) || !message.editable) return;
  const rows = usedRows(
    message.components.map((row) => row.toJSON() as UsedRow),
    interaction.customId,
  );
  if (!rows) return;
  await message
    .edit({ components: rows })
    .catch((error: unknown) => deps.logger.warn({ reason: (error as Error).message }, 'could not mark a used button on its message'));
}

interface UsedRow {
  type: number;
  components: Array<{ type: number; custom_id?: string; label?: string; style?: number; disabled?: boolean }>;
}

const familyOf = (customId: string): string => customId.split(':')[0] ?? customId;

/** The rows with the pressed family's buttons replaced by a disabled "✓ label"; undefined when nothing changes. */
export function usedRows(rows: readonly UsedRow[], customId: string): UsedRow[] | undefined {
  const family = familyOf(customId);
  let changed = false;
  const out = rows.map((row) => {
    const pressed = row.components.find((c) => c.custom_id === customId);
    const kept = row.components.filter((c) => !c.custom_id || familyOf(c.custom_id) !== family);
    if (kept.length === row.components.length) return row;
    changed = true;
    const used = pressed
      ? [{ type: 2, style: 2, custom_id: `used:${customId}`.slice(0, 100), label: `✓ ${pressed.label ?? ''}`.slice(0, 80), disabled: true }]
      : [];
    return { ...row, components: [...used, ...kept] };
  });
  return changed ? out.filter((row) => row.components.length) : undefined;
}

function flags(isPrivate: boolean): { flags?: MessageFlags.Ephemeral } {
  return isPrivate ? { flags: MessageFlags.Ephemeral } : {};
}

async function within<T>(work: Promise<T>, ms: number): Promise<{ done: true; value: T } | { done: false }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ done: false }>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
  });
  try {
    return await Promise.race([work.then((value) => ({ done: true as const, value })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function languageOf(userId: string, deps: InteractionDeps): Promise<Language> {
  try {
    return (await deps.users.get(userRefOf(userId)))?.language ?? DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}
