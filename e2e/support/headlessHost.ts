import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export interface RunningHost {
  /** The URL printed by the host, token included. */
  url: string;
  dataDir: string;
  /** Stops the host; its data folder is removed unless kept (to start another host on it). */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export interface HostOptions {
  demo?: boolean;
  /** An existing data folder (as after a restart); a fresh one otherwise. */
  dataDir?: string;
  /** A fixed port, as a person gives one so that links keep working; any free port otherwise. */
  port?: number;
  extraArgs?: string[];
  /** Added to the host's environment (for example STOCKBELL_CLOCK_OFFSET_FILE, to move its time). */
  env?: Record<string, string>;
}

/** Starts the real headless host, as a person would. */
export async function startHeadlessHost(options: HostOptions = {}): Promise<RunningHost> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'stockbell-e2e-'));
  const args = ['--import', 'tsx', join(root, 'main/hosts/headless/cli.ts'), '--data-dir', dataDir, '--port', String(options.port ?? 0), ...(options.extraArgs ?? [])];
  if (options.demo) args.push('--demo');
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`The host did not start in time:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Stockbell is serving at (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The host exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    async stop(stopOptions = {}) {
      await stopProcess(child);
      if (!stopOptions.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}
