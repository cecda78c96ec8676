import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentSecurityPolicy } from '../../contract/contentSecurityPolicy';

// Headers and checks every response and request of the headless host goes through.

export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export function applySecurityHeaders(response: ServerResponse): void {
  for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value);
}

/** Constant-time comparison of the bearer token, so its bytes cannot be guessed by timing. */
export function hasToken(request: IncomingMessage, token: string): boolean {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer ([0-9a-f]+)$/i.exec(header);
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Host must name an address we are reachable at (defeats DNS rebinding); Origin, when sent, must be
 * our own, scheme included (defeats cross-site calls from other pages in the same browser).
 */
export function isSameOrigin(request: IncomingMessage, allowedHosts: Set<string>, scheme: 'http' | 'https'): boolean {
  const host = request.headers.host?.toLowerCase();
  if (!host || !allowedHosts.has(host)) return false;
  const origin = request.headers.origin?.toLowerCase();
  if (origin === undefined) return true;
  const prefix = `${scheme}://`;
  return origin.startsWith(prefix) && allowedHosts.has(origin.slice(prefix.length));
}
