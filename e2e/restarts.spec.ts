import { createServer } from 'node:net';
import { expect, test } from '@playwright/test';
import { openAddress } from './pages/navigation';
import { createFirstAdministrator, firstAdmin, signIn } from './pages/session';
import { startHeadlessHost, type RunningHost } from './support/headlessHost';

// Links in emails and tabs left open must survive the host restarting on the same data folder and
// port: the access token stays with the folder, and a tab takes a new one from its address.

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('No port'))));
    });
  });
}

const cannotReach = /did not accept this page’s access key/;

test('an open tab and an emailed link keep working after a restart, and a new token is taken from the address', async ({ browser }, testInfo) => {
  testInfo.skip(testInfo.project.name === 'electron', 'Restarts of the headless host are a browser journey.');
  const port = await freePort();
  let host: RunningHost = await startHeadlessHost({ port });
  const { dataDir } = host;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const printed = host.url;
    await page.goto(printed);
    await createFirstAdministrator(page);

    await host.stop({ keepData: true });
    const restarted = await startHeadlessHost({ port, dataDir });
    host = restarted;
    expect(restarted.url).toBe(printed);
    // The restarted host forgot the session: the open tab says so by asking to sign in again.
    await signIn(page, firstAdmin.username, firstAdmin.password);
    await expect(page.getByRole('button', { name: firstAdmin.displayName })).toBeVisible();

    // A link from an email, opened in a new tab of the same browser.
    const fromEmail = await context.newPage();
    await fromEmail.goto(`http://127.0.0.1:${port}/#/inbox`);
    await expect(fromEmail.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
    await fromEmail.close();

    // A new token makes the old address useless, until the new one is pasted into the same tab.
    await host.stop({ keepData: true });
    host = await startHeadlessHost({ port, dataDir, extraArgs: ['--new-token'] });
    await openAddress(page, '/parts');
    await expect(page.getByText(cannotReach).first()).toBeVisible();
    await page.goto(host.url);
    await signIn(page, firstAdmin.username, firstAdmin.password);
    await expect(page.getByRole('button', { name: firstAdmin.displayName })).toBeVisible();
  } finally {
    await context.close();
    await host.stop();
  }
});
