import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { signInByMagicLink } from './support/auth';
import { chooseOption } from './support/ui';

// The dashboard on the demo data (serve.sh starts the app with ZORI_DEMO=1 on a fresh database).

const DASHBOARD = '/projects/demo-shop';

async function gross(page: Page) {
  return (await page.getByTestId('value-gross').textContent())?.trim();
}

function parseCsv(text: string): string[][] {
  return text
    .trim()
    .split(/\r\n/)
    .map((line) => [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1].replace(/^"|"$/g, '').replaceAll('""', '"')).slice(0, -1));
}

test('the dashboard renders charts and tables from the demo data', async ({ page }) => {
  await signInByMagicLink(page, 'demo@zori.local');
  await page.goto(`${DASHBOARD}?period=90d`);
  await expect(page.getByRole('heading', { name: 'Demo shop' })).toBeVisible();
  expect(await gross(page)).toMatch(/^\$[\d,]+\.\d\d$/);
  expect(await gross(page)).not.toBe('$0.00');
  await expect(page.getByTestId('channel-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('timeseries-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('table-channel').locator('tbody tr')).not.toHaveCount(0);
  await expect(page.getByTestId('value-unattributedRevenue')).not.toHaveText('$0.00');
  // The accessible table view of the time series.
  await page.getByText('Show as table').click();
  await expect(page.getByTestId('table-timeseries').locator('tbody tr').first()).toBeVisible();
});

test('clicking a row filters the page through the URL and changes the figures', async ({ page }) => {
  await signInByMagicLink(page, 'demo@zori.local');
  await page.goto(`${DASHBOARD}?period=90d`);
  const before = await gross(page);
  const link = page.getByTestId('table-channel').locator('tbody tr th a').nth(1);
  const channel = (await link.textContent())!.trim();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`channel=${encodeURIComponent(channel).replaceAll('%20', '(\\+|%20)')}`));
  await expect(page.getByTestId('active-filters')).toContainText(channel);
  await expect(page.getByTestId('value-gross')).not.toHaveText(before!);
  // Every channel row but the filtered one now has no revenue.
  const rows = page.getByTestId('table-channel').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('th')).toHaveText(channel);
  // Changing the model is in the URL too.
  await chooseOption(page, /Attribution model/, 'Linear');
  await expect(page).toHaveURL(/model=linear/);
  await expect(page.getByTestId('active-filters')).toContainText(channel);
});

test('CSV export downloads what the table shows', async ({ page }) => {
  await signInByMagicLink(page, 'demo@zori.local');
  await page.goto(`${DASHBOARD}?period=90d&model=position_based`);
  const table = page.getByTestId('table-source');
  const shown = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
  );
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV of Sources' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^zori-source-.*\.csv$/);
  const csv = parseCsv(await readFile((await download.path())!, 'utf8'));
  expect(csv[0].slice(0, 3)).toEqual(['Source', 'Visitors', 'Customers']);
  const rows = csv.slice(1);
  expect(rows.length).toBe(shown.length);
  rows.forEach((r, i) => {
    expect(r[0]).toBe(shown[i][0]);
    expect(Number(r[1])).toBe(Number(shown[i][1].replaceAll(',', '')));
    expect(Number(r[2])).toBe(Number(shown[i][2].replaceAll(',', '')));
    expect(Number(r[4])).toBe(Number(shown[i][4].replace(/[$,]/g, '')));
  });
});

test('a viewer reads the dashboard and the payments list', async ({ page }) => {
  await signInByMagicLink(page, 'demo-viewer@zori.local');
  await page.goto(`${DASHBOARD}?period=90d`);
  expect(await gross(page)).not.toBe('$0.00');
  await page.getByRole('link', { name: 'Payments', exact: true }).click();
  await expect(page.getByTestId('payments-table').locator('tbody tr').first()).toBeVisible();
  await page.getByRole('link', { name: 'Unattributed', exact: true }).click();
  await expect(page).toHaveURL(/status=unattributed/);
  await expect(page.getByTestId('payments-table')).toContainText('Unattributed');
});

test('a user of another organization gets a 404 for the demo dashboard', async ({ page }) => {
  await signInByMagicLink(page, 'stranger@example.test');
  const res = await page.goto(DASHBOARD);
  expect(res?.status()).toBe(404);
  const csv = await page.request.get(`${DASHBOARD}/export?table=source`);
  expect(csv.status()).toBe(404);
});
