import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { sectionLink } from './pages/navigation';
import { Inventory } from './pages/inventory';
import { NotificationCentre } from './pages/notificationCentre';
import { createFirstAdministrator, firstAdmin, signIn, signOut } from './pages/session';
import { UsersPage, type NewUser } from './pages/users';

const mara: NewUser = { username: 'mara', displayName: 'Mara Lindqvist', email: 'mara@workshop.test', password: 'mara-secret-password', role: 'Member' };

test('an administrator subscribes a group to a category; its member is told via the group, sees it at home and leaves it for herself', async ({ app }) => {
  // Two people, a crossing and a sign-in between them: longer than most journeys.
  test.slow();
  const { page } = app;
  await createFirstAdministrator(page);
  const users = new UsersPage(page);
  await users.open();
  await users.create(mara);
  const inventory = new Inventory(page);
  await inventory.createLocation('Drawer 2');
  await inventory.createCategory('Relays');
  await inventory.createPart('Relay 12V', '10');
  await inventory.createStockItem('Drawer 2', '12');

  // The group: Mara in it, following Relays.
  await sectionLink(page, 'Groups').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible();
  await page.getByRole('main').getByRole('button', { name: 'New group' }).first().click();
  const form = page.getByRole('dialog', { name: 'New group' });
  await form.getByLabel('Name').fill('Purchasing');
  await form.getByLabel('Description').fill('Orders parts from suppliers');
  await form.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(form).toBeHidden();
  const group = page.getByRole('article', { name: 'Purchasing' });
  await group.getByRole('combobox', { name: 'Add a person to Purchasing' }).click();
  await page.getByRole('option', { name: `${mara.displayName} (${mara.username})` }).click();
  await expect(group.getByRole('region', { name: 'Members of Purchasing' })).toContainText(mara.displayName);
  await group.getByRole('combobox', { name: 'Subscribe Purchasing to a category' }).click();
  await page.getByRole('option', { name: 'Relays' }).click();
  await expect(group.getByRole('region', { name: 'What Purchasing follows' }).getByRole('link', { name: 'Relays' })).toBeVisible();

  // The group's Slack channel, played by a server on loopback.
  const posts: string[] = [];
  const slack = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      posts.push(body);
      response.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => slack.listen(0, '127.0.0.1', resolve));
  const channels = group.getByRole('region', { name: 'Channels of Purchasing' });
  await channels.getByRole('button', { name: 'Add channel' }).click();
  const channelForm = page.getByRole('dialog', { name: 'Add a channel' });
  await channelForm.getByText('Slack or Mattermost').click();
  await channelForm.getByLabel('Name').fill('#purchasing');
  await channelForm.getByLabel('Incoming webhook address').fill(`http://127.0.0.1:${(slack.address() as AddressInfo).port}/services/T0/B0/x`);
  await channelForm.getByRole('button', { name: 'Add channel' }).click();
  await expect(channels.getByRole('article', { name: '#purchasing' })).toBeVisible();
  if (process.env.STOCKBELL_SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/groups.png', fullPage: true });

  // A crossing: Mara hears of it, through the group; the administrator, not in it, does not.
  await sectionLink(page, 'Categories').click();
  await page.getByRole('main').getByRole('link', { name: 'Relays', exact: true }).first().click();
  await inventory.openPartFromList('Relay 12V');
  await inventory.removeStock('Relay 12V', 'Drawer 2', '5');
  await expect(inventory.totalStock()).toContainText('7');
  // Posted once to the group's channel.
  await expect.poll(() => posts.length).toBe(1);
  expect(JSON.parse(posts[0] ?? '{}')).toMatchObject({ text: expect.stringContaining('_Group Purchasing is subscribed to Relays._') as unknown });
  slack.closeAllConnections();
  slack.close();
  const bell = new NotificationCentre(page);
  await bell.expectUnread(0);
  await signOut(page, firstAdmin.displayName);
  await signIn(page, mara.username, mara.password);
  await bell.expectUnread(1);
  const flyout = await bell.openFlyout();
  await expect(flyout.getByText('Low stock: Relay 12V')).toBeVisible();
  await page.keyboard.press('Escape');

  // At home, under her groups, with a way to leave it for herself only.
  const home = page.getByRole('region', { name: 'Group Purchasing' });
  await expect(home.getByRole('link', { name: 'Relays' })).toBeVisible();
  if (process.env.STOCKBELL_SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/home-groups.png', fullPage: true });
  await home.getByRole('link', { name: 'Relays' }).click();
  await expect(page.getByRole('main').getByRole('link', { name: 'Subscribed via group Purchasing' })).toBeVisible();
  await inventory.openPartFromList('Relay 12V');
  await expect(page.getByRole('main').getByRole('link', { name: 'Subscribed via group Purchasing (Relays)' })).toBeVisible();
  await page.getByRole('button', { name: 'Would I hear about Relay 12V?' }).click();
  await expect(page.getByRole('dialog').getByRole('listitem').filter({ hasText: 'Your group Purchasing is subscribed to Relays.' })).toBeVisible();
  await page.keyboard.press('Escape');

  await sectionLink(page, 'Home').click();
  await home.getByRole('button', { name: 'Leave Relays for yourself' }).click();
  await expect(home.getByText('You left this')).toBeVisible();
  await home.getByRole('link', { name: 'Relays' }).click();
  await inventory.openPartFromList('Relay 12V');
  await expect(page.getByRole('main').getByRole('button', { name: 'Subscribe to notifications' })).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('button', { name: 'Would I hear about Relay 12V?' }).click();
  await expect(page.getByRole('dialog').getByText('You are not subscribed to Relay 12V', { exact: false })).toBeVisible();
});
