import { expect, type Page, type Request } from '@playwright/test';

/** How long no call may be in flight before the page counts as done asking. */
const QUIET_MS = 300;

/**
 * Watches the page's contract calls from now on; the function it returns waits until none is in
 * flight and none has started for a moment. Playwright's "networkidle" cannot tell this: the app's
 * event stream is a request that stays open for as long as the page is.
 */
export function callsSettled(page: Page): () => Promise<void> {
  let inFlight = 0;
  let lastActivity = Date.now();
  const isCall = (request: Request) => request.url().includes('/api/call/');
  page.on('request', (request) => {
    if (!isCall(request)) return;
    inFlight += 1;
    lastActivity = Date.now();
  });
  const finished = (request: Request) => {
    if (!isCall(request)) return;
    inFlight -= 1;
    lastActivity = Date.now();
  };
  page.on('requestfinished', finished);
  page.on('requestfailed', finished);
  return () => expect.poll(() => inFlight === 0 && Date.now() - lastActivity >= QUIET_MS, { message: 'the page still asking', intervals: [50] }).toBe(true);
}
