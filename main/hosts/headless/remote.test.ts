import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Serving a team on a local network, across a real network boundary: the test makes its own network
// namespace and veth pair, binds the host to its end, and a colleague's machine (a Node process in
// the namespace) signs in from the other end. Traffic goes only to the addresses made here.

const root = resolve(import.meta.dirname, '../../..');

function skipReason(): string | null {
  if (process.platform !== 'linux') return 'network namespaces are Linux only';
  if (process.getuid?.() !== 0) return 'making a network namespace needs root';
  for (const tool of ['ip', 'openssl']) if (spawnSync('which', [tool]).status !== 0) return `${tool} is not installed`;
  return null;
}
const reason = skipReason();
if (reason) console.warn(`Skipping the local-network test: ${reason}.`);

const namespace = `sbnet${process.pid}`;
const outside = `sbo${process.pid % 100000}`;
const inside = `sbi${process.pid % 100000}`;
const subnet = `10.231.${process.pid % 250}`;
const hostAddress = `${subnet}.1`;
const colleagueAddress = `${subnet}.2`;
let scratch: string;
const hosts: ChildProcess[] = [];

function ip(...args: string[]): void {
  const result = spawnSync('ip', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`ip ${args.join(' ')}: ${result.stderr}`);
}

interface StartedHost {
  url: string;
  output: () => string;
}

function startHost(args: string[]): Promise<StartedHost> {
  const dataDir = mkdtempSync(join(scratch, 'data-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'main/hosts/headless/cli.ts'), '--data-dir', dataDir, '--port', '0', '--api-only', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  hosts.push(child);
  let output = '';
  return new Promise((resolveHost, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Stockbell is serving at (\S+)/.exec(output);
      // The list of other addresses follows the first line at once.
      if (match?.[1]) setTimeout(() => resolveHost({ url: match[1] as string, output: () => output }), 200);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`The host exited (${code}):\n${output}`)));
  });
}

/** What the colleague's machine sees: a script run by Node inside the namespace. */
const colleagueScript = `
const base = process.env.BASE;
const headers = { Authorization: 'Bearer ' + process.env.TOKEN, 'Content-Type': 'application/json', Origin: base };
let cookies = {};
const cookieHeader = () => Object.entries(cookies).map(([k, v]) => k + '=' + v).join('; ');
const setCookies = [];
async function call(method, input) {
  const response = await fetch(base + '/api/call/' + method, { method: 'POST', headers: { ...headers, Cookie: cookieHeader() }, body: JSON.stringify(input) });
  for (const cookie of response.headers.getSetCookie()) {
    setCookies.push(cookie);
    const [pair] = cookie.split(';');
    const at = pair.indexOf('=');
    cookies[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return response.json();
}
const setup = await call('session.setup', { username: 'colleague', displayName: 'Colleague', email: '', password: 'a long enough password' });
const created = await call('categories.create', { name: 'From the bench' });
const events = await fetch(base + '/api/events', { headers: { ...headers, Cookie: cookieHeader() } });
const eventsStatus = events.status;
await events.body?.cancel();
const foreign = await fetch(base + '/api/call/session.get', { method: 'POST', headers: { ...headers, Origin: 'http://evil.example' }, body: '{}' });
console.log(JSON.stringify({ setup: setup.ok, created: created.ok && created.value.name, eventsStatus, foreignStatus: foreign.status, setCookies }));
`;

function asColleague(url: string, env: Record<string, string> = {}): Record<string, unknown> {
  const base = url.replace(/\/#token=.*$/, '');
  const token = url.replace(/^.*#token=/, '');
  const script = join(scratch, 'colleague.mjs');
  writeFileSync(script, colleagueScript);
  const result = spawnSync('ip', ['netns', 'exec', namespace, process.execPath, script], {
    encoding: 'utf8',
    env: { ...process.env, BASE: base, TOKEN: token, ...env },
    timeout: 20_000,
  });
  if (result.status !== 0) throw new Error(`The colleague's machine failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop() as string) as Record<string, unknown>;
}

describe.skipIf(reason !== null)('serving a team on a local network', () => {
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'stockbell-remote-'));
    ip('netns', 'add', namespace);
    ip('link', 'add', outside, 'type', 'veth', 'peer', 'name', inside);
    ip('link', 'set', inside, 'netns', namespace);
    ip('addr', 'add', `${hostAddress}/30`, 'dev', outside);
    ip('link', 'set', outside, 'up');
    ip('netns', 'exec', namespace, 'ip', 'addr', 'add', `${colleagueAddress}/30`, 'dev', inside);
    ip('netns', 'exec', namespace, 'ip', 'link', 'set', inside, 'up');
    ip('netns', 'exec', namespace, 'ip', 'link', 'set', 'lo', 'up');
  });

  afterAll(() => {
    for (const child of hosts) child.kill('SIGTERM');
    spawnSync('ip', ['link', 'del', outside]);
    spawnSync('ip', ['netns', 'del', namespace]);
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('bound to every address, answers a colleague at this machine\'s address, and this machine at 127.0.0.1', async () => {
    const host = await startHost(['--host', '0.0.0.0', '--allow-remote']);
    expect(host.output()).toMatch(/over plain HTTP.*--tls-cert FILE --tls-key FILE/);
    const port = new URL(host.url.replace(/#.*$/, '')).port;
    const atOurEnd = `http://${hostAddress}:${port}/#token=${host.url.replace(/^.*#token=/, '')}`;
    expect(host.output()).toContain(atOurEnd);
    const seen = asColleague(atOurEnd);
    expect(seen).toMatchObject({ setup: true, created: 'From the bench', eventsStatus: 200, foreignStatus: 403 });

    const token = host.url.replace(/^.*#token=/, '');
    const local = await fetch(`http://127.0.0.1:${port}/api/call/session.get`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: '{}' });
    expect(local.status).toBe(200);
  }, 60_000);

  it('over TLS with a certificate of its own, with cookies that never travel in the clear', async () => {
    const cert = join(scratch, 'cert.pem');
    const key = join(scratch, 'key.pem');
    const made = spawnSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
      '-subj', '/CN=stockbell-test', '-addext', `subjectAltName=IP:${hostAddress}`, '-keyout', key, '-out', cert,
    ]);
    expect(made.status).toBe(0);
    const host = await startHost(['--host', hostAddress, '--allow-remote', '--tls-cert', cert, '--tls-key', key]);
    expect(host.url).toMatch(new RegExp(`^https://${hostAddress.replace(/\./g, '\\.')}:\\d+/#token=`));
    expect(host.output()).not.toMatch(/plain HTTP/);
    const seen = asColleague(host.url, { NODE_EXTRA_CA_CERTS: cert });
    expect(seen).toMatchObject({ setup: true, created: 'From the bench', eventsStatus: 200, foreignStatus: 403 });
    expect(seen.setCookies).toEqual(expect.arrayContaining([expect.stringMatching(/^stockbell_session=.*; Secure/)]));
  }, 60_000);
});
