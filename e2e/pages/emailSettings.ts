import { expect, type Locator, type Page } from '@playwright/test';
import { sectionLink } from './navigation';

export interface EmailServer {
  host: string;
  port: number;
  security: 'None' | 'STARTTLS' | 'TLS';
  sender: string;
  instanceName: string;
}

/** Settings > Notifications: the email server form and the outbox. */
export class EmailSettings {
  constructor(private readonly page: Page) {}

  private card(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  async open(): Promise<void> {
    await sectionLink(this.page, 'Settings').click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  }

  /** Fills the form, switches sending on and saves. */
  async configure(server: EmailServer): Promise<void> {
    const card = this.card('Email server');
    await card.getByLabel('SMTP host').fill(server.host);
    await card.getByRole('combobox', { name: 'Security' }).click();
    await this.page.getByRole('option', { name: server.security, exact: true }).click();
    // After Security: choosing a mode moves a default port along with it.
    await card.getByLabel('Port').fill(String(server.port));
    await card.getByLabel('Sender address').fill(server.sender);
    await card.getByLabel('Instance name').fill(server.instanceName);
    await card.getByRole('switch', { name: 'Send notification emails' }).check();
    await card.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(card.getByRole('button', { name: 'Send test email' })).toBeEnabled();
  }

  /** Sends the test email and returns the alert that reports how it went. */
  async sendTestEmail(): Promise<Locator> {
    const card = this.card('Email server');
    await card.getByRole('button', { name: 'Send test email' }).click();
    const result = card.getByRole('status').or(card.getByRole('alert'));
    await expect(result).toBeVisible();
    return result;
  }

  outbox(): Locator {
    return this.card('Outbox');
  }
}
