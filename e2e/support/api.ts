import type { Page } from '@playwright/test';

/**
 * Calls a method as the person signed in on `page`, through the same HTTP contract the app uses.
 * For setting up data a journey needs (a hundred alerts, say), never for the steps under test.
 */
export async function callAsPage<T = unknown>(page: Page, method: string, input: unknown): Promise<T> {
  // The page's own access token and session cookie, so the call is that person's.
  const token = String(await page.evaluate('localStorage.getItem("stockbell.token")'));
  const cookies = (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
  const response = await fetch(new URL(`/api/call/${method}`, page.url()), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Cookie: cookies },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(`${method} failed: ${result.error?.message ?? 'unknown error'}`);
  return result.value as T;
}

/**
 * `count` parts in a category the person follows, each of which then falls below its minimum in one
 * bulk change: one unread low-stock notification per part.
 */
export async function lowStockAlerts(page: Page, count: number, category = 'Flapping fuses'): Promise<void> {
  const names = Array.from({ length: count }, (_, index) => `Fuse ${String(index + 1).padStart(3, '0')}`);
  const partsCsv = ['name,category,minimum_stock', ...names.map((name) => `${name},${category},10`)].join('\n');
  await callAsPage(page, 'import.csv.apply', { kind: 'parts', content: partsCsv });
  const stockCsv = ['part,location,quantity', ...names.map((name) => `${name},Fuse drawer,12`)].join('\n');
  await callAsPage(page, 'import.csv.apply', { kind: 'stock', content: stockCsv });
  const categories = await callAsPage<{ id: number; name: string }[]>(page, 'categories.list', {});
  const followed = categories.find((entry) => entry.name === category);
  if (!followed) throw new Error(`No category ${category}`);
  await callAsPage(page, 'subscriptions.subscribe', { kind: 'category', id: followed.id });
  const items = await callAsPage<{ rows: { id: number }[] }>(page, 'stock.list', { limit: 500 });
  await callAsPage(page, 'stock.adjustMany', { changes: items.rows.map((item) => ({ itemId: item.id, kind: 'remove', quantity: '5' })) });
}
