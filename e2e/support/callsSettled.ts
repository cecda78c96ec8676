import { expect, type Page, type Request } from '@playwright/test';

/** How long no call may be in flight before the page counts as done asking. */
const QUIET_MS = 300;
const UNREPORTED_MS = 1_000;

/**
 * Watches the page's contract calls from now on; the function it returns waits until none is in
 * flight and none has started for a moment. Playwright's "networkidle" cannot tell this: the app's
 * event stream is a request that stays open for as long as the page is.
 */
export function callsSettled(page: Page): () => Promise<void> {
  const inFlight = new Set<Request>();
  let lastActivity = Date.now();
  const isCall = (request: Request) => request.url().includes('/api/call/');
  page.on('request', (request) => {
    if (!isCall(request)) return;
    inFlight.add(request);
    lastActivity = Date.now();
  });
  // Answered once its response arrives: a read the app cancels while its body is on the way (a
  // refresh that replaced it) may never report finishing or failing.
  const answered = (request: Request) => {
    if (inFlight.delete(request)) lastActivity = Date.now();
  };
  page.on('response', (response) => answered(response.request()));
  page.on('requestfinished', answered);
  page.on('requestfailed', answered);
  // Every call here answers in milliseconds: one still counted in flight after a second in which no
  // other call started or was answered is taken as one whose end was never reported.
  const settled = () => {
    const quiet = Date.now() - lastActivity;
    return quiet >= QUIET_MS && (inFlight.size === 0 || quiet >= UNREPORTED_MS);
  };
  return () => expect.poll(settled, { message: 'the page still asking', intervals: [50] }).toBe(true);
}
