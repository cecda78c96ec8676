import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A real NATS server with JetStream on loopback, started by a test and stopped after it (Debian's
// nats-server, which .ci/run installs). Stopping and starting it again keeps its store: that is how
// a test takes the team's server away and brings it back.

export function natsServerMissing(): string | null {
  return spawnSync('nats-server', ['--version']).status === 0 ? null : 'nats-server is not installed (apt-get install nats-server)';
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('No free port'))));
    });
  });
}

export interface LoopbackNats {
  url: string;
  port: number;
  /** Stops the server (its store stays); `start` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Makes the server read its configuration file again (SIGHUP), as an administrator does after editing it. */
  reload(): void;
  /** Stops it for good and removes its store. */
  close(): Promise<void>;
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  const end = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nats-server exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(true));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)));
    });
    if (open) return;
    if (Date.now() > end) throw new Error('nats-server did not start in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * `configured`: the caller's configuration file (in extraArgs) names JetStream and its store itself,
 * as it must for the server to reload it (a reload refuses a store given on the command line).
 */
export async function startNats(extraArgs: string[] = [], options: { configured?: boolean } = {}): Promise<LoopbackNats> {
  const store = mkdtempSync(join(tmpdir(), 'stockbell-nats-'));
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    const jetstream = options.configured ? [] : ['-js', '-sd', store];
    const started = spawn('nats-server', [...jetstream, '-a', '127.0.0.1', '-p', String(port), ...extraArgs], { stdio: 'ignore' });
    child = started;
    await waitForPort(port, started);
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };
  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    stop,
    start,
    reload() {
      (child as ChildProcess | null)?.kill('SIGHUP');
    },
    async close() {
      await stop();
      rmSync(store, { recursive: true, force: true });
    },
  };
}

export interface LoopbackCluster {
  /** Every node's client address, comma-separated, as a desktop is given them. */
  servers: string;
  nodes: LoopbackNats[];
  close(): Promise<void>;
}

/** A JetStream cluster of `size` nodes on loopback, routed to each other. */
export async function startNatsCluster(size = 3): Promise<LoopbackCluster> {
  const clusterPorts = await Promise.all(Array.from({ length: size }, () => freePort()));
  const routes = clusterPorts.map((port) => `nats://127.0.0.1:${port}`).join(',');
  const nodes: LoopbackNats[] = [];
  for (let index = 0; index < size; index += 1) {
    nodes.push(
      await startNats([
        '--server_name',
        `node${index + 1}`,
        '--cluster_name',
        'stockbell-test',
        '--cluster',
        `nats://127.0.0.1:${clusterPorts[index]}`,
        '--routes',
        routes,
      ]),
    );
  }
  return {
    servers: nodes.map((node) => node.url).join(','),
    nodes,
    async close() {
      for (const node of nodes) await node.close();
    },
  };
}
