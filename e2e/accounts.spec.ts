import { expect, test } from './fixtures';
import { openAddress, sectionLink } from './pages/navigation';
import { createFirstAdministrator, firstAdmin, signIn, signOut } from './pages/session';
import { UsersPage, type NewUser } from './pages/users';

const member: NewUser = {
  username: 'mira',
  displayName: 'Mira Okafor',
  email: 'mira@workshop.test',
  password: 'mira-secret-password',
  role: 'Member',
};

/** Typed by people, shown back to people: must read as these characters, never as markup. */
const markup = '<img src=x onerror=alert(1)><b>bold</b>';

test('the first administrator adds a member, who signs in without reaching administration', async ({ app }) => {
  const { page } = app;
  await createFirstAdministrator(page);
  await expect(sectionLink(page, 'Users')).toBeVisible();
  await expect(sectionLink(page, 'Settings')).toBeVisible();

  const users = new UsersPage(page);
  await users.open();
  await users.create(member);
  await expect(users.row(member.username)).toContainText(member.displayName);
  await expect(users.row(member.username)).toContainText('Member');
  await expect(users.row(member.username)).toContainText('Active');
  await signOut(page, firstAdmin.displayName);

  await signIn(page, member.username, 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
  await signIn(page, member.username, member.password);
  await expect(page.getByRole('button', { name: member.displayName })).toBeVisible();

  await expect(sectionLink(page, 'Home')).toBeVisible();
  await expect(sectionLink(page, 'Users')).toHaveCount(0);
  await expect(sectionLink(page, 'Settings')).toHaveCount(0);
  await page.getByRole('button', { name: member.displayName }).click();
  await expect(page.getByRole('menuitem', { name: 'Profile' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Users' })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: 'Settings' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  for (const path of ['/users', '/settings/notifications']) {
    await openAddress(page, path);
    await expect(page.getByRole('heading', { level: 1, name: 'Administrators only' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Users' })).toHaveCount(0);
  }
  await page.getByRole('link', { name: 'Go to Home' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administrators only' })).toBeHidden();
});

test('names people type render as text on the category page, the parts table and the Users page', async ({ app }) => {
  const { page } = app;
  page.on('dialog', (dialog) => {
    throw new Error(`A script ran from typed text: ${dialog.message()}`);
  });
  await createFirstAdministrator(page);
  const literal = () => page.getByRole('main').getByText(markup, { exact: true });
  const rendered = () => page.locator('b', { hasText: 'bold' });

  await sectionLink(page, 'Categories').click();
  await page.getByRole('main').getByRole('button', { name: 'New category' }).first().click();
  const newCategory = page.getByRole('dialog', { name: 'New category' });
  await newCategory.getByLabel('Name').fill(markup);
  await newCategory.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: markup, exact: true })).toBeVisible();
  await expect(rendered()).toHaveCount(0);

  await page.getByRole('main').getByRole('button', { name: 'New part' }).first().click();
  const newPart = page.getByRole('dialog', { name: 'New part' });
  await newPart.getByLabel('Name').fill(`Part ${markup}`);
  await newPart.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Part ${markup}`, exact: true })).toBeVisible();

  await sectionLink(page, 'Parts').click();
  const parts = page.getByRole('table', { name: 'Parts' });
  await expect(parts.getByText(`Part ${markup}`, { exact: true })).toBeVisible();
  await expect(parts.getByText(markup, { exact: true })).toBeVisible();
  await expect(rendered()).toHaveCount(0);

  const users = new UsersPage(page);
  await users.open();
  await users.create({ ...member, displayName: markup });
  await expect(users.row(member.username).getByText(markup, { exact: true })).toBeVisible();
  await expect(literal()).toHaveCount(1);
  await expect(rendered()).toHaveCount(0);
});
