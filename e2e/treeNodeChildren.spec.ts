import { expect, test } from './fixtures';
import { createFirstAdministrator } from './pages/session';
import { callAsPage } from './support/api';
import { openInNewTab } from './support/callTimeline';

// A node with many children shows the first twelve and the rest on request, so what it holds stays
// near the top of its page; and its page asks for what it holds alongside the node itself.

const names = (stem: string, count: number) => Array.from({ length: count }, (_, index) => `${stem} ${String(index + 1).padStart(2, '0')}`);

test('a category with many sub-categories shows twelve, all on request, and its parts asked for with it', async ({ app }) => {
  const { page } = app;
  await createFirstAdministrator(page);
  const components = await callAsPage<{ id: number }>(page, 'categories.create', { name: 'Components' });
  const children: { id: number; name: string }[] = [];
  for (const name of names('Drawer', 14)) children.push(await callAsPage(page, 'categories.create', { name, parentId: components.id }));
  await callAsPage(page, 'parts.create', { name: 'Relay 12V', categoryId: children.at(-1)?.id });

  const { tab, timeline } = await openInNewTab(page, `/categories/${components.id}`);
  await expect(tab.getByRole('table', { name: 'Parts in Components' }).getByRole('link', { name: 'Relay 12V' })).toBeVisible();
  // Asked with the category, not once its answer has mounted the parts panel.
  expect(timeline.indexOf('ask parts.list'), timeline.join(', ')).toBeLessThan(timeline.indexOf('answer categories.get'));

  const section = tab.getByRole('region', { name: 'Sub-categories' });
  await expect(section.getByRole('link')).toHaveCount(12);
  const showAll = section.getByRole('button', { name: 'Show all 14 sub-categories' });
  await expect(showAll).toHaveAttribute('aria-expanded', 'false');
  await showAll.click();
  await expect(section.getByRole('link')).toHaveCount(14);
  await expect(section.getByRole('button', { name: 'Show the first 12 sub-categories' })).toHaveAttribute('aria-expanded', 'true');
  await section.getByRole('link', { name: /^Drawer 14/ }).click();
  await expect(tab.getByRole('heading', { level: 1, name: 'Drawer 14' })).toBeVisible();
  await expect(tab.getByRole('region', { name: 'Sub-categories' })).toHaveCount(0);
});

test('a location with many sub-locations shows twelve, all on request, and its stock asked for with it', async ({ app }) => {
  const { page } = app;
  await createFirstAdministrator(page);
  const store = await callAsPage<{ id: number }>(page, 'locations.create', { name: 'Store room' });
  for (const name of names('Shelf', 13)) await callAsPage(page, 'locations.create', { name, parentId: store.id });
  const part = await callAsPage<{ id: number }>(page, 'parts.create', { name: 'M3 screw' });
  await callAsPage(page, 'stock.create', { partId: part.id, locationId: store.id, quantity: '40' });

  const { tab, timeline } = await openInNewTab(page, `/locations/${store.id}`);
  await expect(tab.getByRole('table', { name: 'Stock at Store room' }).getByRole('link', { name: 'M3 screw' })).toBeVisible();
  expect(timeline.indexOf('ask stock.list'), timeline.join(', ')).toBeLessThan(timeline.indexOf('answer locations.get'));

  const section = tab.getByRole('region', { name: 'Sub-locations' });
  await expect(section.getByRole('link')).toHaveCount(12);
  await section.getByRole('button', { name: 'Show all 13 sub-locations' }).click();
  await expect(section.getByRole('link')).toHaveCount(13);
  await section.getByRole('button', { name: 'Show the first 12 sub-locations' }).click();
  await expect(section.getByRole('link')).toHaveCount(12);
});
