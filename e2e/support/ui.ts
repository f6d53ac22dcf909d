import { expect, type Locator, type Page } from '@playwright/test';

// Driving the app's react-aria controls the way a person does: open, pick.

/** Picks an option of a select (a button that opens a listbox), by the select's label. */
export async function chooseOption(scope: Page | Locator, label: string | RegExp, option: string) {
  const page = 'page' in scope ? scope.page() : scope;
  await scope.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(page.getByRole('listbox')).toHaveCount(0);
}

/** Picks Live or Test data on the report pages. */
export async function chooseData(page: Page, mode: 'Live' | 'Test') {
  await page.getByRole('radiogroup', { name: 'Data' }).getByRole('radio', { name: mode }).click();
}
