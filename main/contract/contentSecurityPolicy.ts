// What the renderer may load: agreed between the page and the hosts that serve it. Both hosts send
// it as a header; the renderer build writes it into index.html. It lives beside the contract because
// the renderer's build may import only from here.

const directives = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine writes its theme variables into a style element at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

/** Directives browsers ignore (with a console error) when the policy comes from a <meta> element. */
const headerOnly = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** The policy every response of either host carries. */
export const contentSecurityPolicy = directives.join('; ');

/** The same policy for index.html's <meta http-equiv>, without what a <meta> policy may not say. */
export const metaContentSecurityPolicy = directives.filter((directive) => !headerOnly.has(directive.split(' ')[0] as string)).join('; ');
