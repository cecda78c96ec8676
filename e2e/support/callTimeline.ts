import type { Page } from '@playwright/test';

/**
 * The contract calls the page sends and the answers it receives from now on, in order:
 * "ask parts.list", "answer categories.get". The host answers in turn, so the order is what a person waits on.
 */
export function callTimeline(page: Page): string[] {
  const timeline: string[] = [];
  const methodOf = (url: string) => /\/api\/call\/([\w.]+)$/.exec(url)?.[1];
  page.on('request', (request) => {
    const method = methodOf(request.url());
    if (method) timeline.push(`ask ${method}`);
  });
  page.on('response', (response) => {
    const method = methodOf(response.url());
    if (method) timeline.push(`answer ${method}`);
  });
  return timeline;
}

/** Opens an in-app address in a new tab of the same session, recording that tab's calls from its first. */
export async function openInNewTab(page: Page, path: string): Promise<{ tab: Page; timeline: string[] }> {
  const tab = await page.context().newPage();
  const timeline = callTimeline(tab);
  const url = new URL(page.url());
  url.hash = `#${path}`;
  await tab.goto(url.toString());
  return { tab, timeline };
}
