import { expect, test } from '@playwright/test';
import { signInByMagicLink } from './support/auth';

test('a new user signs in by magic link and lands in their personal organization', async ({ page }) => {
  const email = `newcomer-${Date.now()}@example.test`;
  await signInByMagicLink(page, email);
  await expect(page).toHaveURL(/\/projects\//);
  // The account menu says who is signed in.
  await page.getByRole('button', { name: 'Account' }).click();
  await expect(page.getByRole('menu').getByText(`Signed in as ${email}`)).toBeVisible();
});

test('a used magic link is refused with a clear message', async ({ page, context }) => {
  const email = `once-${Date.now()}@example.test`;
  await signInByMagicLink(page, email);
  await expect(page).toHaveURL(/\/projects\//);
  await page.goto('/dev/outbox');
  const link = await page.getByTestId('outbox-message').filter({ hasText: email }).first().getByRole('link').getAttribute('href');
  await context.clearCookies();
  await page.goto(link!);
  await expect(page.getByRole('main').getByRole('alert')).toContainText(/expired or has already been used/);
});
