import type { Locator, Page } from '@playwright/test';

/** A link in the navbar's sections (Home, Parts... and, for administrators, Users and Settings). */
export function sectionLink(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true });
}

/** Opens an in-app address such as `/users` the way a pasted or emailed link would. */
export async function openAddress(page: Page, path: string): Promise<void> {
  const url = new URL(page.url());
  url.hash = `#${path}`;
  await page.goto(url.toString());
}
