/**
 * What the model must return, checked with zod. Servers that ignore JSON mode sometimes wrap the
 * object in a code fence or a sentence; the object is taken from between the outer braces. Anything
 * else is malformed, and the caller answers offline.
 */
import { z } from 'zod';
import { ModelError, type TokenUsage } from './model-ports.js';

export const modelAnswerSchema = z.object({
  answered: z.boolean(),
  answer: z.string().max(8000),
  citations: z.array(z.string().max(200)).max(20).default([]),
});

export type ModelAnswer = z.infer<typeof modelAnswerSchema>;

export const coachOutputSchema = z.object({ suggestion: z.string().max(2000) });

export function parseModelJson<T>(text: string, schema: z.ZodType<T>, usage?: TokenUsage): T {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) throw new ModelError('malformed', 'the model did not return a JSON object', { usage });
  let raw: unknown;
  try {
    raw = JSON.parse(text.slice(start, end + 1));
  } catch (error) {
    throw new ModelError('malformed', `the model returned invalid JSON: ${(error as Error).message}`, { usage });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ModelError(
      'malformed',
      `the model's JSON has the wrong shape: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'root'}: ${i.message}`).join('; ')}`,
      { usage },
    );
  }
  return parsed.data;
}

/**
 * The text of the "answer" field so far, from JSON that is still streaming in; undefined until the
 * field has started. Lets a surface show the answer as it is written without waiting for the end.
 */
export function partialAnswer(json: string): string | undefined {
  const key = /"answer"\s*:\s*"/.exec(json);
  if (!key) return undefined;
  let out = '';
  for (let i = key.index + key[0].length; i < json.length; i++) {
    const c = json[i];
    if (c === '"') return out;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = json[i + 1];
    if (next === undefined) return out; // the escape is cut off: wait for more
    if (next === 'u') {
      const hex = json.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return out;
      out += String.fromCharCode(parseInt(hex, 16));
      i += 5;
      continue;
    }
    out += ESCAPES[next] ?? next;
    i += 1;
  }
  return out;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' };
