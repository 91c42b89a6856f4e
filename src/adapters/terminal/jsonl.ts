/**
 * `buurtbot chat --jsonl`: for scripts. Every stdin line gives exactly one stdout line
 *   {"replies":[{"text":"...","buttons":[{"id":"...","label":"..."}]}]}
 * A line may be plain text, or JSON {"text":"..."} / {"action":"<button id>"} to press a button.
 */
import readline from 'node:readline';
import type { TurnRunner } from '../../core/turn-runner.js';
import type { InboundMessage, Reply } from '../../core/messages.js';

export interface JsonlOptions {
  user: string;
  name?: string | undefined;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export function toJsonlReply(reply: Reply): Record<string, unknown> {
  const out: Record<string, unknown> = {
    text: reply.text,
    buttons: (reply.buttons ?? []).map((b) => ({ id: b.id, label: b.label, typed: b.typed })),
  };
  if (reply.kind) out.kind = reply.kind;
  if (reply.citations?.length) out.citations = reply.citations;
  if (reply.questionId) out.questionId = reply.questionId;
  if (reply.form) out.form = reply.form;
  return out;
}

export function parseJsonlLine(line: string): { text: string; action?: string } {
  const trimmed = line.trim();
  if (trimmed.startsWith('{')) {
    try {
      const value = JSON.parse(trimmed) as { text?: unknown; action?: unknown };
      if (typeof value.action === 'string') return { text: '', action: value.action };
      if (typeof value.text === 'string') return { text: value.text };
    } catch {
      // Not JSON after all: treat it as text.
    }
  }
  return { text: line };
}

export async function runJsonlChat(dispatcher: TurnRunner, options: JsonlOptions): Promise<void> {
  const rl = readline.createInterface({ input: options.input, crlfDelay: Infinity, terminal: false });
  let n = 0;
  const runId = Date.now().toString(36);
  for await (const line of rl) {
    const parsed = parseJsonlLine(line);
    const message: InboundMessage = {
      id: `cli-${runId}-${++n}`,
      surface: 'cli',
      userRef: `cli:${options.user}`,
      channelId: `cli:${options.user}`,
      text: parsed.text,
      direct: true,
    };
    if (options.name) message.userName = options.name;
    if (parsed.action) message.action = parsed.action;
    const replies = (await dispatcher.dispatch(message)) ?? [];
    options.output.write(JSON.stringify({ replies: replies.map(toJsonlReply) }) + '\n');
  }
}
