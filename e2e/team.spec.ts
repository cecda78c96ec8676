import { expect, test, type Page } from '@playwright/test';
import { natsServerMissing, startNats, type LoopbackNats } from '../main/testing/natsServer';
import { Inventory } from './pages/inventory';
import { sectionLink } from './pages/navigation';
import { NotificationCentre } from './pages/notificationCentre';
import { createFirstAdministrator, firstAdmin, signIn } from './pages/session';
import { startHeadlessHost, type RunningHost } from './support/headlessHost';

// Two desktops (two headless hosts with their own data folders) and the team's NATS server: one
// starts a team, the other joins it, and a stock change on one rings the bell on the other.

async function openTeamSettings(page: Page): Promise<void> {
  await sectionLink(page, 'Settings').click();
  await page.getByRole('navigation', { name: 'Settings pages' }).getByRole('link', { name: 'Team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
}

async function fillTeamAddress(page: Page, server: string, desktop: string): Promise<void> {
  await page.getByLabel('Team server').fill(server);
  await page.getByLabel('Team name').fill('workshop');
  await page.getByLabel("This desktop's name").fill(desktop);
}

test('a stock change on one desktop rings the bell of its subscriber on another', async ({ browser }, testInfo) => {
  testInfo.skip(testInfo.project.name === 'electron', 'Two desktops of a team are two headless hosts here.');
  testInfo.skip(natsServerMissing() !== null, natsServerMissing() ?? '');
  test.setTimeout(120_000);
  const nats: LoopbackNats = await startNats();
  const hosts: RunningHost[] = [];
  try {
    hosts.push(await startHeadlessHost(), await startHeadlessHost());
    const [hostA, hostB] = hosts as [RunningHost, RunningHost];
    const bench = await (await browser.newContext()).newPage();
    await bench.goto(hostA.url);
    await createFirstAdministrator(bench);

    // The workbench starts the team with its inventory.
    await openTeamSettings(bench);
    await bench.getByText('Start a team from this desktop').click();
    await fillTeamAddress(bench, nats.url, 'Workbench');
    await bench.getByRole('button', { name: 'Start the team' }).click();
    await expect(bench.getByRole('banner').getByRole('button', { name: /Team workshop: Up to date/ })).toBeVisible({ timeout: 15_000 });

    const inventory = new Inventory(bench);
    await inventory.createLocation('Shelf');
    await inventory.createCategory('Fuses');
    await inventory.createPart('Fuse 2A', '10');
    await inventory.createStockItem('Shelf', '12');
    await inventory.subscribeToggle().click();
    await expect(inventory.subscribeToggle()).toHaveAttribute('aria-pressed', 'true');

    // The stores laptop joins: its own first administrator is replaced by the team's people.
    const stores = await (await browser.newContext()).newPage();
    await stores.goto(hostB.url);
    await createFirstAdministrator(stores, { username: 'sam', displayName: 'Sam Stores', email: 'sam@workshop.test', password: 'stores laptop pass' });
    await openTeamSettings(stores);
    await fillTeamAddress(stores, nats.url, 'Stores laptop');
    await stores.getByRole('button', { name: 'Join the team' }).click();
    await stores.getByRole('dialog', { name: 'Join the team?' }).getByRole('button', { name: 'Join and replace' }).click();
    await expect(stores.getByRole('status').filter({ hasText: 'Joined workshop' })).toBeVisible({ timeout: 15_000 });
    await signIn(stores, firstAdmin.username, firstAdmin.password);
    await expect(stores.getByRole('banner').getByRole('button', { name: /Team workshop: Up to date/ })).toBeVisible({ timeout: 15_000 });
    const storesBell = new NotificationCentre(stores);
    await storesBell.expectUnread(0);
    if (process.env.STOCKBELL_SCREENSHOTS) {
      await openTeamSettings(stores);
      await expect(stores.getByRole('table', { name: "The team's desktops" }).getByRole('row')).toHaveCount(3);
      await stores.screenshot({ path: 'docs/screenshots/team.png' });
    }

    // Stock taken at the workbench falls below the minimum: Ada's bell rings on the stores laptop.
    await inventory.removeStock('Fuse 2A', 'Shelf', '5');
    await storesBell.expectUnread(1);
    const flyout = await storesBell.openFlyout();
    await expect(storesBell.flyoutItem('Low stock: Fuse 2A')).toBeVisible();
    await expect(flyout).toContainText('Fuse 2A is down to 7, below its minimum of 10.');

    // With the server gone the workbench keeps working; what it did waits, marked, and goes out when it is back.
    await nats.stop();
    const benchStatus = bench.getByRole('banner').getByRole('button', { name: /^Team workshop: / });
    await expect(benchStatus).toHaveAccessibleName(/Offline since/, { timeout: 15_000 });
    await inventory.removeStock('Fuse 2A', 'Shelf', '2');
    await benchStatus.click();
    const syncPanel = bench.getByRole('dialog', { name: /^Team workshop: / });
    const waitingList = syncPanel.getByRole('list', { name: 'Changes waiting to reach the team' });
    await expect(waitingList.getByRole('listitem').first()).toContainText('Removed 2 of Fuse 2A');
    await expect(waitingList.getByRole('listitem').first()).toContainText('Waiting');
    if (process.env.STOCKBELL_SCREENSHOTS) await bench.screenshot({ path: 'docs/screenshots/team-waiting.png' });
    await nats.start();
    await expect(syncPanel).toContainText('Everything made on this desktop has reached the team.', { timeout: 30_000 });
    await expect(benchStatus).toHaveAccessibleName(/Up to date/);
    await bench.keyboard.press('Escape');
    await expect(syncPanel).toBeHidden();
  } finally {
    for (const host of hosts) await host.stop();
    await nats.close();
  }
});
