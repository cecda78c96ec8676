// stockbell:// links (from emails, the OS, a second launch) and the app routes they open.

const toRoute: Record<string, string> = { part: 'parts', parts: 'parts', build: 'builds', builds: 'builds', category: 'categories', categories: 'categories' };
const toLink: Record<string, string> = { parts: 'part', builds: 'build', categories: 'category' };

/** `/parts/12` → `stockbell://part/12`; `/inbox` → `stockbell://inbox`. */
export function deepLinkFor(path: string): string {
  const [area = '', id] = path.replace(/^\/+/, '').split('/');
  const noun = toLink[area];
  return noun && id ? `stockbell://${noun}/${id}` : `stockbell://${area}`;
}

/** The app route a deep link opens, or null for anything that is not one of ours. */
export function routeForDeepLink(link: string): string | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.protocol !== 'stockbell:') return null;
  // stockbell://part/12 parses with "part" as the host and "/12" as the path.
  const segments = [url.hostname, ...url.pathname.split('/')].filter(Boolean);
  const [head, id] = segments;
  if (!head) return '/';
  if (head === 'inbox' || head === 'history' || head === 'profile') return `/${head}`;
  const area = toRoute[head];
  if (!area || !id || !/^\d{1,15}$/.test(id)) return null;
  return `/${area}/${id}`;
}

/** The first deep link among a process's arguments (how the OS hands one to a second launch). */
export function deepLinkInArgs(args: readonly string[]): string | null {
  return args.find((arg) => arg.startsWith('stockbell://')) ?? null;
}
