import { hostname, networkInterfaces } from 'node:os';
import { isIP } from 'node:net';

// Which names the headless host answers to. A request's Host (and Origin) must be one of them, which
// is what keeps DNS rebinding out; so they must be exactly the addresses it can be reached at.

const LOOPBACK = ['127.0.0.1', 'localhost', '::1'];
const WILDCARD = ['0.0.0.0', '::'];

export function isLoopback(host: string): boolean {
  return LOOPBACK.includes(host);
}

function hostPort(address: string, port: number): string {
  return isIP(address) === 6 ? `[${address}]:${port}` : `${address}:${port}`;
}

function interfaceAddresses(): { address: string; internal: boolean }[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry !== undefined)
    .map((entry) => ({ address: entry.address.replace(/%.*$/, ''), internal: entry.internal }));
}

export interface ListeningAddresses {
  /** Host header values (host:port, lower case) the host answers to. */
  allowed(): Set<string>;
  /** URLs to print, the one a colleague would open first. */
  urls(scheme: 'http' | 'https'): string[];
}

/**
 * The addresses for a bind address: itself (with localhost's names for loopback), or for a wildcard
 * bind every address of every interface plus this machine's name, re-read when a request names one
 * not seen yet (an interface may come up after start).
 */
export function listeningAddresses(bind: string, port: number): ListeningAddresses {
  const wildcard = WILDCARD.includes(bind);
  let known = new Set<string>();
  let readAt = 0;
  const read = () => {
    const names = new Set<string>();
    const add = (address: string) => names.add(hostPort(address, port).toLowerCase());
    if (wildcard) {
      for (const entry of interfaceAddresses()) if (bind === '::' || isIP(entry.address) === 4) add(entry.address);
      add('localhost');
      add(hostname());
    } else {
      add(bind);
      if (isLoopback(bind)) for (const name of LOOPBACK) add(name);
    }
    known = names;
    readAt = Date.now();
  };
  read();
  return {
    allowed() {
      if (wildcard && Date.now() - readAt > 5000) read();
      return known;
    },
    urls(scheme) {
      if (!wildcard) return [`${scheme}://${hostPort(bind, port)}`];
      const external = interfaceAddresses()
        .filter((entry) => !entry.internal && (bind === '::' || isIP(entry.address) === 4))
        .map((entry) => `${scheme}://${hostPort(entry.address, port)}`);
      return [...external, `${scheme}://${hostPort(hostname(), port)}`, `${scheme}://127.0.0.1:${port}`];
    },
  };
}
