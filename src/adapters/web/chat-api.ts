/**
 * The web chat's JSON endpoint: POST /api/messages with
 *   {"name":"...","text":"..."} or {"action":"<button id>"}
 * answers {"replies":[{text, buttons, citations, kind, questionId}]}, or 503 with "stored":false when the
 * turn failed and nothing of it was saved (the page then puts the text back in the box).
 * Who is asking comes from the session cookie only (identity.ts); a "clientId" in the body, as
 * older pages sent, is ignored.
 * With `Accept: text/event-stream` (or `?stream=1`) the same request streams instead: `partial`
 * events carry {"text"} (the answer so far, replacing the previous one) and one `done` event
 * carries the same body as the JSON answer; its text is the validated answer, which replaces any
 * partial text (see chat-routes.ts).
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import type { TurnRunner } from '../../core/turn-runner.js';
import { DrainingError } from '../../core/turn-runner-options.js';
import type { InboundMessage, Reply } from '../../core/messages.js';
import type { TurnOptions } from '../../core/turn.js';
import { HttpError } from './http.js';

export const chatRequestSchema = z
  .object({
    name: z.string().max(80).optional(),
    text: z.string().max(100_000).optional(),
    action: z.string().max(200).optional(),
    form: z.object({ stepId: z.string().max(100), text: z.string().max(100_000) }).optional(),
    messageId: z.string().max(100).optional(),
    language: z.enum(['nl', 'en']).optional(),
  })
  .refine((b) => b.text !== undefined || b.action !== undefined || b.form !== undefined, {
    message: 'send text, action or form',
  });

export type ChatRequest = z.infer<typeof chatRequestSchema>;

export function parseChatRequest(body: unknown): ChatRequest {
  const parsed = chatRequestSchema.safeParse(body);
  if (!parsed.success) {
    throw new HttpError(400, parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  }
  return parsed.data;
}

/** `userRef` is the cookie's person (see identity.ts), never anything the body says. */
export function toInbound(b: ChatRequest, userRef: string): InboundMessage {
  const message: InboundMessage = {
    // Scoped to the person: nobody can make another person's next message look like a duplicate.
    id: `${userRef}|${b.messageId ?? crypto.randomUUID()}`,
    surface: 'web',
    userRef,
    channelId: userRef,
    text: b.text ?? '',
    direct: true,
  };
  if (b.name) message.userName = b.name;
  if (b.action) message.action = b.action;
  if (b.form) message.form = b.form;
  if (b.language) message.language = b.language;
  return message;
}

export type ChatResponse = { replies: Reply[]; duplicate?: true; stored?: false };

/** For callers that validate first (the stream must answer 400 before it starts). */
export async function handleMessage(dispatcher: TurnRunner, message: InboundMessage, options: TurnOptions = {}): Promise<ChatResponse> {
  let replies: Reply[] | null;
  try {
    replies = await dispatcher.dispatch(message, options);
  } catch (error) {
    // Only storing the message can fail here (answering errors are polite replies): say honestly
    // that it was not kept (503 with "stored":false), so the page puts the text back and the person sends it again.
    throw new HttpError(
      503,
      error instanceof DrainingError ? 'not stored: the bot is restarting, send it again' : 'not stored: send it again',
      { cause: error },
    );
  }
  if (!replies) return { replies: [], duplicate: true };
  // Only the turn runner answers with kind 'error', and only when the turn failed before its commit:
  // nothing of it took effect, so the page puts the text back in the box ("stored": false).
  return replies.some((r) => r.kind === 'error') ? { replies, stored: false } : { replies };
}
