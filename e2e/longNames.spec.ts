import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openAddress } from './pages/navigation';
import { NotificationCentre } from './pages/notificationCentre';
import { createFirstAdministrator } from './pages/session';
import { callAsPage } from './support/api';
import { callsSettled } from './support/callsSettled';

// Names people really type, or paste: very long, without a space to break at, and with bidi controls
// that would show a name reversed. Every page must lay them out without sideways scrolling.

const unbroken = (stem: string, length: number) => (stem + 'X'.repeat(length)).slice(0, length);
const CATEGORY = unbroken('Category', 60);
const PART = unbroken('PartName', 120);
const IPN = unbroken('IPN-', 100);
const LOCATION = unbroken('Location', 80);
const PERSON = unbroken('Person', 100);
// U+202E (right-to-left override) would display "gnp.exe" as "exe.png".
const BIDI = 'Invoice \u202Egnp.exe';

/** The page, and every box in it that could scroll sideways (a table's container, a list), fits its width. */
async function expectNoSidewaysScroll(page: Page, settled: () => Promise<void>, where: string): Promise<void> {
  await settled();
  const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  expect(overflow, `${where} scrolls sideways`).toBeLessThanOrEqual(1);
  const scrollingBoxes = await page.evaluate(`[...document.querySelectorAll('main *')].filter((element) => {
    const overflowX = getComputedStyle(element).overflowX;
    return (overflowX === 'auto' || overflowX === 'scroll') && element.scrollWidth > element.clientWidth + 1;
  }).length`);
  expect(scrollingBoxes, `boxes on ${where} that scroll sideways`).toBe(0);
}

test('long, unbroken and bidi names never push a page sideways or squeeze its title', async ({ app }) => {
  const { page } = app;
  const settled = callsSettled(page);
  await createFirstAdministrator(page);
  const category = await callAsPage<{ id: number }>(page, 'categories.create', { name: CATEGORY, description: unbroken('Description', 300) });
  const location = await callAsPage<{ id: number }>(page, 'locations.create', { name: LOCATION });
  const part = await callAsPage<{ id: number }>(page, 'parts.create', { name: PART, ipn: IPN, categoryId: category.id, minimumStock: '10', units: 'pcs', isAssembly: true });
  const bidi = await callAsPage<{ id: number; name: string }>(page, 'parts.create', { name: BIDI, categoryId: category.id });
  await callAsPage(page, 'subscriptions.subscribe', { kind: 'category', id: category.id });
  const item = await callAsPage<{ id: number }>(page, 'stock.create', { partId: part.id, locationId: location.id, quantity: '12', batch: unbroken('Batch', 90) });
  await callAsPage(page, 'stock.remove', { itemId: item.id, quantity: '5', note: unbroken('Note', 200) });
  await callAsPage(page, 'bom.add', { assemblyId: part.id, subPartId: bidi.id, quantity: '2', note: unbroken('BomNote', 150) });
  const build = await callAsPage<{ id: number }>(page, 'builds.create', { assemblyId: part.id, quantity: '3', notes: unbroken('BuildNotes', 400) });
  await callAsPage(page, 'users.create', { username: 'long.person', displayName: PERSON, email: 'long@example.test', password: 'a long enough password' });

  const pages: [string, string][] = [
    ['/', 'Home'],
    ['/parts', 'Parts'],
    [`/parts/${part.id}`, 'the part page'],
    ['/categories', 'Categories'],
    [`/categories/${category.id}`, 'the category page'],
    ['/locations', 'Locations'],
    [`/locations/${location.id}`, 'the location page'],
    ['/stock', 'Stock'],
    ['/builds', 'Build orders'],
    [`/builds/${build.id}`, 'the build order page'],
    ['/inbox', 'Inbox'],
    ['/users', 'Users'],
  ];
  for (const [path, where] of pages) {
    await openAddress(page, path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page, settled, where);
    if (process.env.STOCKBELL_LONG_NAME_SHOTS) await page.screenshot({ path: `/tmp/long-${where.replace(/\W+/g, '-')}.png`, fullPage: true });
    // The title gets the room, not a column two letters wide beside the actions: three lines at most.
    const title = await page.getByRole('heading', { level: 1 }).boundingBox();
    expect(title?.height ?? 0, `the height of the title of ${where}`).toBeLessThan(110);
  }

  await openAddress(page, `/parts/${part.id}`);
  for (const tab of ['History', 'BOM', 'Build orders']) {
    await page.getByRole('main').getByRole('tab', { name: tab }).click();
    await expectNoSidewaysScroll(page, settled, `the part's ${tab} tab`);
  }
  const centre = new NotificationCentre(page);
  const flyout = await centre.openFlyout();
  await expect(flyout.getByText(/Low stock: PartName/)).toBeVisible();
  const flyoutOverflow = await flyout.getByRole('list').evaluate((list: { scrollWidth: number; clientWidth: number }) => list.scrollWidth - list.clientWidth);
  expect(flyoutOverflow, 'the flyout scrolls sideways').toBeLessThanOrEqual(1);
  await expectNoSidewaysScroll(page, settled, 'the flyout');

  // Bidi controls never reach the screen: the name reads as typed.
  expect(bidi.name).toBe('Invoice gnp.exe');
});
