import { net, protocol } from 'electron';
import { extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_SCHEME, appResponseHeaders } from './security';

/** Must run before the app is ready: app:// behaves as a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function withAppHeaders(response: Response): Response {
  // A fetched response's headers are immutable, so the answer is a new response around its body.
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(appResponseHeaders)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

function notFound(): Response {
  return withAppHeaders(new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } }));
}

/** The file an app:// URL names (the page itself for app routes), or null for anything outside root. */
function fileFor(root: string, url: string): string | null {
  const { pathname } = new URL(url);
  let relative = 'index.html';
  if (pathname !== '/' && extname(pathname)) {
    try {
      relative = decodeURIComponent(pathname).slice(1);
    } catch {
      return null;
    }
  }
  const file = normalize(join(root, relative));
  return file.startsWith(root + sep) ? file : null;
}

/** Serves the built renderer from app://stockbell/, refusing anything outside its folder. */
export function serveRenderer(rendererDir: string): void {
  const root = normalize(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const file = fileFor(root, request.url);
    if (!file) return notFound();
    try {
      return withAppHeaders(await net.fetch(pathToFileURL(file).toString()));
    } catch {
      return notFound();
    }
  });
}
