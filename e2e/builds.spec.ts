import { expect, test } from './fixtures';
import { BuildOrders } from './pages/builds';
import { Inventory } from './pages/inventory';
import { NotificationCentre } from './pages/notificationCentre';
import { signIn } from './pages/session';

test.use({ demo: true });

test('a build order short of stock reaches the bell naming the short part; completing one moves stock', async ({ app }) => {
  const { page } = app;
  const builds = new BuildOrders(page);
  const centre = new NotificationCentre(page);
  await signIn(page, 'alex', 'stockbell-demo');
  await expect(page.getByRole('button', { name: 'Alex Morgan' })).toBeVisible();

  // Follow the assembly, then order far more than the stock can cover.
  await builds.openPart('Sensor board v2');
  const bell = new Inventory(page).subscribeToggle();
  if ((await bell.getAttribute('aria-pressed')) !== 'true') await bell.click();
  await expect(bell).toHaveAttribute('aria-pressed', 'true');
  await builds.openBomTab();
  const large = await builds.create({ quantity: '500' });
  await expect(page.getByRole('main').getByText(/^\d+ lines? (is|are) short of stock$/)).toBeVisible();
  const [shortPart] = await builds.shortParts();
  expect(shortPart).toBeTruthy();

  await centre.openFlyout();
  const notice = centre.flyoutItem(`Stock required for build order ${large}`);
  await expect(notice).toBeVisible();
  // Each short line with what it needs and what there is, as the order's page shows it.
  await expect(notice).toContainText(new RegExp(`${(shortPart ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: needs [^,]+, [^;]+? available`));
  await centre.closeFlyout();

  // A small order the stock covers (a line may still be flagged for its minimum): completing it builds one and uses its materials.
  await builds.openPart('Power supply module');
  const assemblyBefore = await builds.totalStock();
  const consumed = await builds.firstBomLine();
  await builds.openPart(consumed.part);
  const consumedBefore = await builds.totalStock();

  await builds.openList();
  await builds.create({ assembly: 'Power supply module', quantity: '1' });
  await builds.complete('Workshop / Assembly bench');

  await builds.openPart('Power supply module');
  await builds.expectTotalStock(assemblyBefore + 1);
  await builds.openPart(consumed.part);
  await builds.expectTotalStock(consumedBefore - consumed.perAssembly);
});
