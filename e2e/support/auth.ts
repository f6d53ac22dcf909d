import { expect, type Page } from '@playwright/test';

/** Signs in through the real magic-link flow: the form, the local outbox, the link. */
export async function signInByMagicLink(page: Page, email: string) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await page.goto('/dev/outbox');
  const message = page.getByTestId('outbox-message').filter({ hasText: email }).first();
  const link = await message.getByRole('link').getAttribute('href');
  expect(link).toBeTruthy();
  await page.goto(link!);
}
