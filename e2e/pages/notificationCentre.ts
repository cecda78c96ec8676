import { expect, type Locator, type Page } from '@playwright/test';

function unreadPhrase(count: number): string {
  if (count === 0) return 'No unread notifications';
  return count === 1 ? '1 unread notification' : `${count} unread notifications`;
}

/** The header bell, its flyout, and the Inbox and History pages, as one person uses them. */
export class NotificationCentre {
  constructor(private readonly page: Page) {}

  bell(): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: 'Notifications', exact: true });
  }

  /** The number on the bell, as shown (hidden at 0). */
  unreadCount(): Locator {
    return this.page.getByRole('banner').getByText(/^(\d+|99\+)$/);
  }

  async expectUnread(count: number): Promise<void> {
    await expect(this.bell()).toHaveAccessibleDescription(unreadPhrase(count));
    if (count === 0) await expect(this.unreadCount()).toHaveCount(0);
    else await expect(this.unreadCount()).toHaveText(count > 99 ? '99+' : String(count));
  }

  flyout(): Locator {
    return this.page.getByRole('dialog', { name: 'Notifications' });
  }

  async openFlyout(): Promise<Locator> {
    await this.bell().click();
    await expect(this.flyout()).toBeVisible();
    return this.flyout();
  }

  async closeFlyout(): Promise<void> {
    await this.flyout().getByRole('button', { name: 'Close notifications' }).click();
    await expect(this.flyout()).toBeHidden();
  }

  flyoutItem(title: string): Locator {
    return this.flyout().getByRole('listitem').filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  /** Follows a notification's link from the flyout (which reads it). */
  async follow(title: string): Promise<void> {
    await this.flyout().getByRole('link', { name: title, exact: true }).click();
    await expect(this.flyout()).toBeHidden();
  }

  async markAllRead(): Promise<void> {
    await this.flyout().getByRole('button', { name: 'Mark all as read' }).click();
    await expect(this.flyout().getByText('You have no unread notifications')).toBeVisible();
  }

  private navLink(name: 'Inbox' | 'History'): Locator {
    return this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name });
  }

  async openInbox(): Promise<void> {
    await this.navLink('Inbox').click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  }

  async openHistory(): Promise<void> {
    await this.navLink('History').click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  }

  /** A row of the Inbox or History list, whichever page is open. */
  listItem(title: string): Locator {
    return this.page.getByRole('main').getByRole('listitem').filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  async deleteFromHistory(title: string): Promise<void> {
    await this.listItem(title).getByRole('button', { name: 'Delete' }).click();
    await expect(this.listItem(title)).toHaveCount(0);
  }

  async deleteAll(): Promise<void> {
    await this.page.getByRole('main').getByRole('button', { name: 'Delete all' }).click();
    const confirm = this.page.getByRole('dialog', { name: 'Delete all read notifications?' });
    await confirm.getByRole('button', { name: 'Delete all' }).click();
    await expect(confirm).toBeHidden();
  }

  emptyInbox(): Locator {
    return this.page.getByRole('main').getByText('You have no unread notifications');
  }

  emptyHistory(): Locator {
    return this.page.getByRole('main').getByText('No read notifications');
  }
}
