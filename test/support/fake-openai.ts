/**
 * A fake OpenAI-compatible server on 127.0.0.1 for running the real openai client against:
 * POST /v1/chat/completions (plain and SSE streaming, with usage) and POST /v1/embeddings
 * (honouring `encoding_format: "base64"`, the client's default). Every request is recorded.
 *
 * By default a chat answer quotes the first passage it was given and cites its id, which proves
 * the plumbing (what went in is what came out). Tests queue one-shot behaviours (429 with
 * retry-after-ms, 500, a stall, malformed output, a hallucination) or set a rule.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';

export interface FakeRequest {
  path: string;
  body: Record<string, unknown>;
  headers: IncomingMessage['headers'];
  at: number;
}

export type ChatBehavior =
  /** Answer by quoting the first given passage and citing its id; "don't know" without passages. */
  | { kind: 'quote' }
  /** Answer confidently with made-up text, citing these ids (default: none). */
  | { kind: 'hallucinate'; citations?: string[]; text?: string }
  /** Return this value as the message content, JSON-encoded. */
  | { kind: 'json'; value: unknown }
  /** Return this message content as is (e.g. not JSON at all). */
  | { kind: 'raw'; content: string }
  /** An HTTP error; `echoAuth` puts the Authorization header in the error message (as some servers do). */
  | { kind: 'status'; status: number; headers?: Record<string, string>; echoAuth?: boolean }
  /** Say nothing for this long (then close the connection). */
  | { kind: 'stall'; ms: number };

export interface ChatBody {
  model?: string;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  messages?: Array<{ role: string; content: string }>;
  response_format?: { type: string };
}

export interface FakeOpenAI {
  /** Base URL for the client, ending in /v1. */
  url: string;
  requests: FakeRequest[];
  chatRequests(): FakeRequest[];
  embeddingRequests(): FakeRequest[];
  /** All inputs embedded so far, in order. */
  embeddedInputs(): string[];
  /** One-shot behaviours for the next chat requests, in order. */
  queue(...behaviors: ChatBehavior[]): void;
  /** A rule for every chat request without a queued behaviour (undefined: quote). */
  rule: ((body: ChatBody) => ChatBehavior | undefined) | undefined;
  /** Delay between streamed chunks. */
  chunkDelayMs: number;
  /** Characters per streamed chunk. */
  chunkChars: number;
  /** One-shot HTTP statuses for the next embedding requests. */
  failEmbeddings(...statuses: number[]): void;
  reset(): void;
  close(): Promise<void>;
}

export const FAKE_EMBEDDING_DIMS = 256;

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const requests: FakeRequest[] = [];
  const queued: ChatBehavior[] = [];
  const embeddingFailures: number[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => void handle(req, res));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeOpenAI = {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () => requests.filter((r) => r.path === '/v1/chat/completions'),
    embeddingRequests: () => requests.filter((r) => r.path === '/v1/embeddings'),
    embeddedInputs: () => fake.embeddingRequests().flatMap((r) => inputsOf(r.body)),
    queue: (...behaviors) => void queued.push(...behaviors),
    rule: undefined,
    chunkDelayMs: 0,
    chunkChars: 12,
    failEmbeddings: (...statuses) => void embeddingFailures.push(...statuses),
    reset() {
      requests.length = 0;
      queued.length = 0;
      embeddingFailures.length = 0;
      fake.rule = undefined;
      fake.chunkDelayMs = 0;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      return sendJson(res, 400, { error: { message: 'invalid JSON body', type: 'invalid_request_error' } });
    }
    const path = (req.url ?? '').split('?')[0] ?? '';
    requests.push({ path, body, headers: req.headers, at: performance.now() });
    if (req.method === 'POST' && path === '/v1/chat/completions') return chat(req, res, body);
    if (req.method === 'POST' && path === '/v1/embeddings') return embeddings(res, body);
    sendJson(res, 404, { error: { message: `no route ${req.method} ${path}`, type: 'invalid_request_error' } });
  }

  async function chat(req: IncomingMessage, res: ServerResponse, body: ChatBody): Promise<void> {
    const behavior = queued.shift() ?? fake.rule?.(body) ?? { kind: 'quote' };
    if (behavior.kind === 'stall') {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, behavior.ms);
        res.on('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      if (!res.writableEnded) res.destroy();
      return;
    }
    if (behavior.kind === 'status') {
      const auth = String(req.headers.authorization ?? '');
      const message = behavior.echoAuth ? `upstream failure for credentials ${auth}` : `fake error ${behavior.status}`;
      return sendJson(
        res,
        behavior.status,
        { error: { message, type: behavior.status === 429 ? 'rate_limit_exceeded' : 'server_error' } },
        behavior.headers,
      );
    }
    const content = contentFor(behavior, body);
    const usage = { prompt_tokens: tokens(JSON.stringify(body.messages ?? [])), completion_tokens: tokens(content) };
    const base = { id: `chatcmpl-${requests.length}`, created: Math.floor(Date.now() / 1000), model: body.model ?? 'fake' };
    if (!body.stream) {
      return sendJson(res, 200, {
        ...base,
        object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
        usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
      });
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const event = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
    const chunk = (delta: Record<string, unknown>, finish: string | null) =>
      event({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }] });
    chunk({ role: 'assistant', content: '' }, null);
    for (let i = 0; i < content.length; i += fake.chunkChars) {
      if (res.destroyed) return;
      chunk({ content: content.slice(i, i + fake.chunkChars) }, null);
      if (fake.chunkDelayMs) await sleep(fake.chunkDelayMs);
    }
    chunk({}, 'stop');
    if (body.stream_options?.include_usage) {
      event({
        ...base,
        object: 'chat.completion.chunk',
        choices: [],
        usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
      });
    }
    res.end('data: [DONE]\n\n');
  }

  function embeddings(res: ServerResponse, body: Record<string, unknown>): void {
    const failure = embeddingFailures.shift();
    if (failure) return sendJson(res, failure, { error: { message: `fake error ${failure}`, type: 'server_error' } });
    const inputs = inputsOf(body);
    const base64 = body['encoding_format'] === 'base64';
    const data = inputs.map((input, index) => {
      const vector = fakeEmbedding(input);
      return {
        object: 'embedding',
        index,
        embedding: base64 ? Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64') : Array.from(vector),
      };
    });
    const promptTokens = inputs.reduce((sum, input) => sum + tokens(input), 0);
    sendJson(res, 200, { object: 'list', data, model: body['model'], usage: { prompt_tokens: promptTokens, total_tokens: promptTokens } });
  }

  return fake;
}

/** The passages in the last user message, as the grounded answerer formats them. */
export function passagesIn(body: ChatBody): Array<{ id: string; kind: string; text: string }> {
  const user = [...(body.messages ?? [])].reverse().find((m) => m.role === 'user')?.content ?? '';
  return [...user.matchAll(/<passage id="([^"]+)" kind="([^"]+)">\n([\s\S]*?)\n<\/passage>/g)].map((m) => {
    const block = m[3] ?? '';
    const text = block.split('\n\n').slice(1).join('\n\n').trim();
    return { id: m[1] ?? '', kind: m[2] ?? '', text };
  });
}

/** The question in the last user message (between <vraag> or <question> tags). */
export function questionIn(body: ChatBody): string {
  const user = [...(body.messages ?? [])].reverse().find((m) => m.role === 'user')?.content ?? '';
  return /<(?:vraag|question)>\n([\s\S]*?)\n<\/(?:vraag|question)>/.exec(user)?.[1] ?? '';
}

function contentFor(behavior: Exclude<ChatBehavior, { kind: 'stall' } | { kind: 'status' }>, body: ChatBody): string {
  switch (behavior.kind) {
    case 'raw':
      return behavior.content;
    case 'json':
      return JSON.stringify(behavior.value);
    case 'hallucinate':
      return JSON.stringify({
        answered: true,
        answer: behavior.text ?? 'Ja hoor, dat regelt de gemeente voor jullie: jullie krijgen elk jaar 10.000 euro extra.',
        citations: behavior.citations ?? [],
      });
    case 'quote': {
      const first = passagesIn(body)[0];
      if (!first) return JSON.stringify({ answered: false, answer: '', citations: [] });
      return JSON.stringify({ answered: true, answer: first.text, citations: [first.id] });
    }
  }
}

/** Bag of hashed word stems, normalised: similar texts get similar vectors, deterministically. */
export function fakeEmbedding(text: string): Float32Array {
  const vector = new Float32Array(FAKE_EMBEDDING_DIMS);
  const words =
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .match(/[a-z0-9]{3,}/g) ?? [];
  for (const word of words) {
    const slot = hash(word.slice(0, 6)) % FAKE_EMBEDDING_DIMS;
    vector[slot] = (vector[slot] ?? 0) + 1;
  }
  const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0)) || 1;
  return vector.map((x) => x / norm);
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function inputsOf(body: Record<string, unknown>): string[] {
  const input = body['input'];
  return Array.isArray(input) ? input.map(String) : [String(input ?? '')];
}

function tokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
