import type { Browser, BrowserContext, Page, Request } from '@playwright/test';
import { inPageScript, type ContentProbe } from './inPage';

/** How long no call may be in flight before a window counts as settled. */
const QUIET_MS = 150;
/** A page that asks for nothing of its own (the app's "Page not found"): the layout around it is loaded and idle. */
const IDLE_ROUTE = '#/bench-idle';
/** The header's bell: clicked to open the flyout. */
export const bellSelector = 'header button[aria-label="Notifications"]';

/** One call the page made, and how long it took from request to the end of its answer. */
export interface CallTime {
  method: string;
  ms: number;
}

/** One browser window on the app, in a context of its own (its own session), with the bench's in-page helpers. */
export class BenchWindow {
  private inFlight = 0;
  private lastActivity = Date.now();
  private calls: CallTime[] = [];
  private account: { username: string; password: string } | null = null;
  /** Times the host signed this window out right after it signed in (see signIn). */
  bounces = 0;
  /** How many times the app's event stream has connected; the app refreshes every read as it reconnects. */
  private eventStreams = 0;

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly timeoutMs: number,
  ) {
    const methodOf = (request: Request) => /\/api\/call\/([\w.]+)$/.exec(request.url())?.[1];
    page.on('request', (request) => {
      if (!methodOf(request)) return;
      this.inFlight += 1;
      this.lastActivity = Date.now();
    });
    const finished = (request: Request) => {
      const method = methodOf(request);
      if (!method) return;
      this.inFlight -= 1;
      this.lastActivity = Date.now();
      const { responseEnd } = request.timing();
      if (responseEnd >= 0) this.calls.push({ method, ms: responseEnd });
    };
    page.on('requestfinished', finished);
    page.on('requestfailed', finished);
    page.on('response', (response) => {
      if (response.url().endsWith('/api/events') && response.ok()) this.eventStreams += 1;
    });
  }

  /** Opens the host's printed address (token included) in a new context: the sign-in screen. */
  static async open(browser: Browser, url: string, timeoutMs: number): Promise<BenchWindow> {
    const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
    await context.addInitScript({ content: inPageScript });
    const window = new BenchWindow(context, await context.newPage(), timeoutMs);
    await window.page.goto(url);
    await window.page.getByRole('heading', { name: 'Sign in to Stockbell' }).waitFor({ timeout: timeoutMs });
    await window.settle();
    return window;
  }

  /** Fills in the sign-in form, leaving the press of the button to the caller. */
  async fillSignIn(username: string, password: string): Promise<void> {
    await this.page.getByLabel('Username').fill(username);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
  }

  /**
   * Signs in and waits on the idle page. A window the host signs out again at once (a call still on
   * its way with the signed-out cookie is answered with a fresh signed-out session's cookie, which
   * replaces the new one) is signed in again, and counted in `bounces`.
   */
  async signIn(username: string, password: string): Promise<void> {
    this.account = { username, password };
    const signInScreen = this.page.getByRole('heading', { name: 'Sign in to Stockbell' });
    const idle = this.page.getByRole('heading', { name: 'Page not found' });
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      // Straight to the idle page: Home would fetch the lists some measured pages show.
      await this.page.evaluate(`location.hash = ${JSON.stringify(IDLE_ROUTE)}`);
      await this.fillSignIn(username, password);
      const answered = this.page.waitForResponse((response) => response.url().endsWith('/api/call/session.signIn'), { timeout: this.timeoutMs });
      const streamsBefore = this.eventStreams;
      await this.page.getByRole('button', { name: 'Sign in' }).click();
      const { ok } = (await (await answered).json()) as { ok: boolean };
      if (!ok) throw new Error(`${username} could not sign in.`);
      try {
        await signInScreen.waitFor({ state: 'hidden', timeout: this.timeoutMs });
        await idle.waitFor({ timeout: this.timeoutMs });
        await this.eventStreamAfter(streamsBefore);
        await this.settle();
        if (await idle.isVisible()) {
          this.calls = [];
          return;
        }
      } catch {
        // Signed out again before the idle page showed.
      }
      this.bounces += 1;
      await signInScreen.waitFor({ timeout: this.timeoutMs });
      await this.settle();
    }
    throw new Error(`${username} was signed out again straight after signing in, three times.`);
  }

  /**
   * Signs out and in again in the same document: the app drops every read it had cached (they were
   * the last person's), while the code it has run stays compiled, as in a tab that has been in use.
   */
  async forgetReads(): Promise<void> {
    if (!this.account) throw new Error('Nobody is signed in to this window.');
    await this.page.locator('header button[aria-haspopup="menu"]').click();
    await this.page.getByRole('menuitem', { name: 'Sign out' }).click();
    await this.page.getByRole('heading', { name: 'Sign in to Stockbell' }).waitFor({ timeout: this.timeoutMs });
    // As a person would: the sign-in screen has finished its own calls before the password goes in.
    await this.settle();
    await this.signIn(this.account.username, this.account.password);
  }

  /** Waits for the app's event stream to connect again (after a sign-in it backs off for up to seconds). */
  private async eventStreamAfter(connections: number): Promise<void> {
    const deadline = Date.now() + this.timeoutMs;
    while (this.eventStreams <= connections) {
      if (Date.now() > deadline) throw new Error(`The app's event stream did not connect within ${this.timeoutMs} ms.`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Waits until no call has been in flight for a moment and the page's own work is done. */
  async settle(): Promise<void> {
    const deadline = Date.now() + this.timeoutMs;
    while (this.inFlight > 0 || Date.now() - this.lastActivity < QUIET_MS) {
      if (Date.now() > deadline) throw new Error(`The page still had ${this.inFlight} call(s) in flight after ${this.timeoutMs} ms.`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await this.page.evaluate(`new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: ${this.timeoutMs} }))`);
  }

  /** In-app navigation to `hash`: milliseconds until `probe` is on screen. */
  navigate(hash: string, probe: ContentProbe): Promise<number> {
    return this.inPage<number>('navigate', hash, probe, this.timeoutMs);
  }

  /** Clicks `selector`: milliseconds until `probe` is on screen. */
  click(selector: string, probe: ContentProbe): Promise<number> {
    return this.inPage<number>('click', selector, probe, this.timeoutMs);
  }

  /** The calls made since the window last signed in, or since this was last asked. */
  takeCalls(): CallTime[] {
    const calls = this.calls;
    this.calls = [];
    return calls;
  }

  /** Calls a function of the in-page helpers (see inPage.ts) with JSON arguments. */
  inPage<T>(name: string, ...args: unknown[]): Promise<T> {
    return this.page.evaluate(`window.stockbellBench.${name}(${args.map((arg) => JSON.stringify(arg)).join(', ')})`) as Promise<T>;
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

