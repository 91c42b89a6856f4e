import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const BIN = path.join(import.meta.dirname, '../../bin/buurtbot.js');

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process wrote to stderr (the logs). */
  logs(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `buurtbot serve` as a real process on a free port and waits until it listens. */
export async function startServe(env: Record<string, string>, timeoutMs = 60_000): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in time:\n${stderr}`)), timeoutMs);
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = /open (http:\/\/127\.0\.0\.1:\d+) in je browser/.exec(stderr);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${stderr}`));
    });
  });
  return {
    child,
    url,
    logs: () => stderr + stdout,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** `session` keeps the cookie the server sets, like a browser: pass the same object to stay one person. */
export async function chat(
  url: string,
  body: Record<string, unknown>,
  session: { cookie?: string } = {},
): Promise<{ status: number; texts: string[] }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(session.cookie ? { cookie: session.cookie } : {}) };
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers, body: JSON.stringify(body) });
  const issued = res.headers.get('set-cookie')?.split(';')[0];
  if (issued) session.cookie = issued;
  const json = (await res.json()) as { replies?: Array<{ text: string }> };
  return { status: res.status, texts: (json.replies ?? []).map((r) => r.text) };
}
