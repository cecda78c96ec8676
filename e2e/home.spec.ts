import { expect, test } from './fixtures';
import { sectionLink } from './pages/navigation';
import { createFirstAdministrator } from './pages/session';
import { callAsPage } from './support/api';
import { openInNewTab } from './support/callTimeline';

// Home counts the inventory with one small call: the whole lists behind its counts (every category,
// every location) belong to the pages that show them. The low-stock table is asked for first.

test('Home counts parts, categories and locations without their lists, and asks for low stock first', async ({ app }) => {
  const { page } = app;
  await createFirstAdministrator(page);
  await expect(page.getByRole('heading', { name: 'Your inventory is empty' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Parts: 0' })).toBeVisible();

  const shelf = await callAsPage<{ id: number }>(page, 'locations.create', { name: 'Shelf' });
  await callAsPage(page, 'locations.create', { name: 'Bin 1', parentId: shelf.id });
  const fasteners = await callAsPage<{ id: number }>(page, 'categories.create', { name: 'Fasteners' });
  await callAsPage(page, 'parts.create', { name: 'M3 screw', categoryId: fasteners.id, minimumStock: '10' });
  await callAsPage(page, 'parts.create', { name: 'Old washer', categoryId: fasteners.id, active: false });

  // Home again in a tab of its own, so every call recorded is that Home's.
  const { tab: home, timeline } = await openInNewTab(page, '/');
  await expect(sectionLink(home, 'Home')).toBeVisible();
  await expect(home.getByRole('table', { name: 'Low stock parts' }).getByRole('link', { name: 'M3 screw' })).toBeVisible();
  await expect(home.getByRole('link', { name: 'Parts: 2' })).toBeVisible();
  await expect(home.getByRole('link', { name: 'Categories: 1' })).toBeVisible();
  await expect(home.getByRole('link', { name: 'Locations: 2' })).toBeVisible();
  await expect(home.getByRole('link', { name: 'Low stock: 1' })).toBeVisible();
  await expect(home.getByRole('heading', { name: 'Your inventory is empty' })).toBeHidden();

  // Every read Home makes was sent when it mounted, before the counts above could show.
  expect(timeline).toContain('ask inventory.counts');
  expect(timeline).not.toContain('ask categories.list');
  expect(timeline).not.toContain('ask locations.list');
  // Ahead of the sections under the counts, though they are mounted (and would ask) first.
  const lowStock = timeline.indexOf('ask parts.list');
  expect(lowStock, timeline.join(', ')).toBeLessThan(timeline.indexOf('ask subscriptions.list'));
  expect(lowStock, timeline.join(', ')).toBeLessThan(timeline.indexOf('ask groups.mine'));
});
