import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export interface CallAnswer {
  ok: boolean;
  value?: unknown;
  error?: { code: string };
}

export interface HostProcess {
  child: ChildProcess;
  base: string;
  token: string;
  /** Calls a method over HTTP as the signed-in person; null when the host is gone. */
  call(method: string, input: unknown): Promise<CallAnswer | null>;
  signIn(username: string, password: string): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** The real headless host as its own process, on a given data folder, as a person would run it. */
export async function startHostProcess(dataDir: string): Promise<HostProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(root, 'main/hosts/headless/cli.ts'), '--data-dir', dataDir, '--port', '0', '--api-only'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Stockbell is serving at (\S+)/.exec(output);
      if (match?.[1]) resolveUrl(match[1]);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`The host exited (${code}) before serving:\n${output}`)));
  });
  const base = url.replace(/\/#token=.*$/, '');
  const token = url.replace(/^.*#token=/, '');
  // The host sets more than one cookie (the device and the session); a browser sends them all back.
  const cookies = new Map<string, string>();
  const call: HostProcess['call'] = async (method, input) => {
    try {
      const response = await fetch(`${base}/api/call/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
        body: JSON.stringify(input),
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const split = pair.indexOf('=');
        if (split > 0) cookies.set(pair.slice(0, split).trim(), pair.slice(split + 1).trim());
      }
      return (await response.json()) as CallAnswer;
    } catch {
      return null;
    }
  };
  return {
    child,
    base,
    token,
    call,
    async signIn(username, password) {
      const result = await call('session.signIn', { username, password });
      if (!result?.ok) throw new Error(`Could not sign in: ${JSON.stringify(result)}`);
    },
    kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise((done) => {
        child.once('exit', () => done());
        child.kill(signal);
      });
    },
  };
}
