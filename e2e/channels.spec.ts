import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { Inventory } from './pages/inventory';
import { createFirstAdministrator } from './pages/session';

test('a person adds a webhook, keeps its secret, sends a test, and gets a low-stock notice posted and signed', async ({ app }) => {
  // The receiving end: a server on loopback that records what it is sent.
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/stock-hook`;

  try {
    const { page } = app;
    await createFirstAdministrator(page);
    const inventory = new Inventory(page);
    await inventory.createLocation('Drawer 2');
    await inventory.createCategory('Relays');
    await inventory.createPart('Relay 12V', '10');
    await inventory.createStockItem('Drawer 2', '12');
    await inventory.subscribeToggle().click();
    await expect(inventory.subscribeToggle()).toHaveAttribute('aria-pressed', 'true');
    const partPage = page.url();

    await page.goto(new URL('#/profile', page.url()).toString());
    const card = page.getByRole('region', { name: 'Other channels' });
    await card.getByRole('button', { name: 'Add channel' }).click();
    const form = page.getByRole('dialog', { name: 'Add a channel' });
    await form.getByLabel('Name').fill('Workshop automation');
    await form.getByLabel('Address to post to').fill('not an address');
    await form.getByRole('button', { name: 'Add channel' }).click();
    await expect(form.getByText('Enter a full web address starting with https://')).toBeVisible();
    await form.getByLabel('Address to post to').fill(hook);
    await form.getByRole('button', { name: 'Add channel' }).click();

    // The secret, once.
    const shown = page.getByRole('dialog', { name: 'Your webhook’s signing secret' });
    const secret = (await shown.getByLabel('Signing secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^whsec_/);
    await shown.getByRole('button', { name: 'Done' }).click();
    const channel = card.getByRole('article', { name: 'Workshop automation' });
    await expect(channel).toBeVisible();
    await expect(page.getByText(secret)).toHaveCount(0);

    await channel.getByRole('button', { name: 'Send test' }).click();
    await expect(channel.getByRole('status').filter({ hasText: 'Test message delivered' })).toContainText('the service answered 204');
    expect(JSON.parse(received[0]?.body ?? '{}')).toMatchObject({ kind: 'test', title: 'Stockbell test message' });

    // A crossing: posted, signed with that secret.
    await page.goto(partPage);
    await inventory.removeStock('Relay 12V', 'Drawer 2', '5');
    await expect.poll(() => received.length).toBe(2);
    const post = received[1];
    const timestamp = String(post?.headers['x-stockbell-timestamp']);
    const signature = createHmac('sha256', secret).update(`${timestamp}.${post?.body ?? ''}`).digest('hex');
    expect(post?.headers['x-stockbell-signature']).toBe(`sha256=${signature}`);
    expect(JSON.parse(post?.body ?? '{}')).toMatchObject({ kind: 'part.low_stock', title: 'Low stock: Relay 12V' });

    await page.goto(new URL('#/profile', page.url()).toString());
    const again = page.getByRole('region', { name: 'Other channels' }).getByRole('article', { name: 'Workshop automation' });
    await expect(again.getByText('Working')).toBeVisible();
    await again.getByRole('button', { name: 'Deliveries' }).click();
    const log = again.getByRole('table', { name: 'Deliveries to Workshop automation' });
    await expect(log.getByRole('row').filter({ hasText: 'Low stock: Relay 12V' })).toContainText('Sent');
    await expect(log.getByRole('row').filter({ hasText: 'Low stock: Relay 12V' })).toContainText('Answered 204');
    if (process.env.STOCKBELL_SCREENSHOTS) {
      await expect(page.getByText('Relay 12V now has 7 here')).toBeHidden({ timeout: 10_000 });
      await page.getByRole('region', { name: 'Other channels' }).screenshot({ path: 'docs/screenshots/channels.png' });
    }
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
