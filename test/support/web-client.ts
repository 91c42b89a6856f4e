/** A browser-like HTTP client for the web chat: it keeps the session cookie the server sets. */
export class WebClient {
  cookie: string | undefined;

  constructor(readonly baseUrl: string) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    const res = await fetch(`${this.baseUrl}${path}`, { ...init, headers, redirect: 'manual' });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0];
    return res;
  }

  async postJson<T = Record<string, unknown>>(path: string, body: unknown): Promise<{ status: number; body: T }> {
    const res = await this.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as T };
  }

  async getJson<T = Record<string, unknown>>(path: string): Promise<T> {
    return (await (await this.request(path)).json()) as T;
  }

  /** Says something in the chat; returns the replies' texts joined. */
  async say(text: string, extra: Record<string, unknown> = {}): Promise<string> {
    const { body } = await this.postJson<{ replies: Array<{ text: string }> }>('/api/messages', { text, ...extra });
    return body.replies.map((r) => r.text).join('\n---\n');
  }

  /** The public id this browser has (`web:...`), from `mijn gegevens`. */
  async publicId(): Promise<string> {
    const text = await this.say('mijn gegevens');
    const id = /(web:[\w-]+)/.exec(text)?.[1];
    if (!id) throw new Error(`no web id in: ${text}`);
    return id;
  }
}
