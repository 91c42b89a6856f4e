/**
 * The web chat's JSON endpoint: POST /api/messages with
 *   {"clientId":"...","name":"...","text":"..."} or {"clientId":"...","action":"<button id>"}
 * answers {"replies":[{text, buttons, citations, kind, questionId}]}.
 * With `Accept: text/event-stream` (or `?stream=1`) the same request streams instead: `partial`
 * events carry {"text"} (the answer so far, replacing the previous one) and one `done` event
 * carries the same body as the JSON answer; its text is the validated answer, which replaces any
 * partial text (see chat-routes.ts).
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import { DrainingError, type TurnRunner } from '../../core/turn-runner.js';
import type { InboundMessage, Reply } from '../../core/messages.js';
import type { TurnOptions } from '../../core/turn.js';
import { HttpError } from './http.js';

export const chatRequestSchema = z
  .object({
    clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'clientId must be 8-64 letters, digits, - or _'),
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

export function toInbound(body: unknown): InboundMessage {
  const parsed = chatRequestSchema.safeParse(body);
  if (!parsed.success) {
    throw new HttpError(400, parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  }
  const b = parsed.data;
  const message: InboundMessage = {
    id: b.messageId ?? crypto.randomUUID(),
    surface: 'web',
    userRef: `web:${b.clientId}`,
    channelId: `web:${b.clientId}`,
    text: b.text ?? '',
    direct: true,
  };
  if (b.name) message.userName = b.name;
  if (b.action) message.action = b.action;
  if (b.form) message.form = b.form;
  if (b.language) message.language = b.language;
  return message;
}

export type ChatResponse = { replies: Reply[]; duplicate?: true };

export async function handleChat(dispatcher: TurnRunner, body: unknown, options: TurnOptions = {}): Promise<ChatResponse> {
  return handleMessage(dispatcher, toInbound(body), options);
}

/** For callers that validate first (the stream must answer 400 before it starts). */
export async function handleMessage(dispatcher: TurnRunner, message: InboundMessage, options: TurnOptions = {}): Promise<ChatResponse> {
  let replies: Reply[] | null;
  try {
    replies = await dispatcher.dispatch(message, options);
  } catch (error) {
    // Only storing the message can fail here (answering errors are polite replies): say honestly
    // that it was not kept, so the page puts the text back and the person sends it again.
    throw new HttpError(503, error instanceof DrainingError ? 'not stored: the bot is restarting, send it again' : 'not stored: send it again', { cause: error });
  }
  return replies ? { replies } : { replies: [], duplicate: true };
}
