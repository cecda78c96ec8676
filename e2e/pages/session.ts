import { expect, type Page } from '@playwright/test';

export interface Account {
  username: string;
  displayName: string;
  email: string;
  password: string;
}

export const firstAdmin: Account = {
  username: 'ada',
  displayName: 'Ada Lovelace',
  email: 'ada@workshop.test',
  password: 'analytical-engine',
};

/** First run: the person at the keyboard becomes the first administrator. */
export async function createFirstAdministrator(page: Page, account: Account = firstAdmin): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Welcome to Stockbell' })).toBeVisible();
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Your name').fill(account.displayName);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByLabel('Confirm password').fill(account.password);
  await page.getByRole('button', { name: 'Create administrator account' }).click();
  await expect(page.getByRole('button', { name: account.displayName })).toBeVisible();
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in to Stockbell' })).toBeVisible();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page, displayName: string): Promise<void> {
  await page.getByRole('button', { name: displayName }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Stockbell' })).toBeVisible();
}
