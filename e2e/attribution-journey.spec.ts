import http from 'node:http';
import { expect, type Page, test } from '@playwright/test';
import { signInByMagicLink } from './support/auth';
import { chooseData } from './support/ui';
import { emulatorControl, STRIPE_EMULATOR_URL, ZORI_PORT } from './support/stripe-emulator';

// The product's whole promise, as a user lives it (issue 5, Tests): a merchant signs in, lists their
// site's host, connects Stripe on the (emulated) consent page; a visitor lands on the merchant's site
// (a second origin embedding /zori.js) from a Twitter campaign; Stripe takes that visitor's payment;
// the dashboard and the payments list credit it to twitter / Organic Social / launch. Then the
// merchant revokes access on Stripe's side, the Integrations page says so, and a reconnect they deny
// ends in a friendly message.

const SITE_PORT = ZORI_PORT + 400; // 1797 next to 1397: a second origin for the merchant's site
const SITE = `http://127.0.0.1:${SITE_PORT}`;
// Headless Chromium announces itself as HeadlessChrome, which the bot filter drops (rightly).
const CHROME_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

let site: http.Server;
let publishableKey = '';

test.beforeAll(async () => {
  // The merchant's site: any page embeds the snippet Zori's settings page shows.
  site = http.createServer((req, res) => {
    if (req.url === '/favicon.ico') return void res.writeHead(404).end();
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(`<!doctype html><html><head><title>Twitter Shop</title><script async src="http://localhost:${ZORI_PORT}/zori.js" data-key="${publishableKey}"></script></head><body><h1>Launch offer</h1></body></html>`);
  });
  await new Promise<void>((r) => site.listen(SITE_PORT, '127.0.0.1', r));
});

test.afterAll(async () => {
  await new Promise((r) => site.close(r));
});

/** Reloads until the assertion holds: Stripe's events reach the page through the inbox worker. */
async function untilShown(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 20_000 });
}

test('a twitter visitor pays through connected Stripe and the revenue is credited to twitter', async ({ page, browser }) => {
  const email = `journey-${Date.now()}@example.test`;
  await signInByMagicLink(page, email);
  await page.waitForURL(/\/projects\/[^/?]+/);
  const projectId = new URL(page.url()).pathname.split('/')[2];

  // Settings: the site's host goes into the project's domains; the snippet carries the publishable key.
  await page.goto(`/projects/${projectId}/settings`);
  await page.getByLabel('Domains').fill('127.0.0.1');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toContainText('Settings saved');
  const snippet = await page.getByTestId('tracking-snippet').textContent();
  publishableKey = /data-key="([^"]+)"/.exec(snippet ?? '')?.[1] ?? '';
  expect(publishableKey).toMatch(/^zpk_/);

  // Settings > Integrations > Connect Stripe > authorise on Stripe > back, connected.
  await page.getByRole('link', { name: 'Integrations' }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/settings/integrations$`));
  await expect(page.getByTestId('stripe-connection-state')).toHaveText('Not connected');
  await page.getByRole('link', { name: 'Connect Stripe' }).click();
  await expect(page).toHaveURL(new RegExp(`^${STRIPE_EMULATOR_URL}/oauth/authorize`));
  await page.getByLabel('Name of a new account').fill('Twitter Shop');
  await page.getByRole('button', { name: 'Authorize access to this account' }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/settings/integrations\\?stripe=connected`));
  await expect(page.getByRole('status')).toContainText('Stripe is connected');
  await expect(page.getByTestId('stripe-connection-state')).toHaveText('Connected');
  await expect(page.getByTestId('stripe-account')).toContainText('Twitter Shop');
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100', { timeout: 20_000 });
  // The connected account's id, as the page shows it (the emulator takes payments on that account).
  const account = (await page.getByTestId('stripe-account').locator('code').textContent())?.trim() ?? '';
  expect(account).toMatch(/^acct_/);

  // A visitor, in their own browser, arrives on the merchant's site from the Twitter campaign.
  const visitor = await browser.newContext({ userAgent: CHROME_UA });
  const visit = await visitor.newPage();
  await visit.goto(`${SITE}/launch?utm_source=twitter&utm_medium=social&utm_campaign=launch`);
  await visit.waitForFunction(() => typeof (window as unknown as { ZoriHQ?: { getVisitorId?: unknown } }).ZoriHQ?.getVisitorId === 'function');
  const visitorId = await visit.evaluate(() => (window as unknown as { ZoriHQ: { getVisitorId(): Promise<string> } }).ZoriHQ.getVisitorId());
  const cookie = (await visitor.cookies(SITE)).find((c) => c.name === 'zori_visitor_id');
  expect(cookie?.value).toBe(visitorId);
  await visitor.close();

  // The merchant's backend passes that id to Stripe; Stripe takes the payment and sends the events.
  await emulatorControl('/_emulator/payments', { account, amount: 4900, currency: 'usd', visitorId });
  await emulatorControl('/_emulator/settle');

  // The dashboard credits the revenue to the channel, source and campaign the visitor came from.
  // The emulator is a test-mode Stripe, and the dashboard shows live data until told otherwise.
  await page.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}$`));
  await chooseData(page, 'Test');
  await expect(page).toHaveURL(/mode=test/);
  const rowOf = (table: string, name: string) => page.getByTestId(table).locator('tbody tr').filter({ has: page.locator('th', { hasText: name }) });
  await untilShown(page, async () => {
    await expect(page.getByTestId('value-gross')).toHaveText('$49.00', { timeout: 1_000 });
  });
  await expect(page.getByTestId('table-channel').locator('tbody tr')).toHaveCount(1);
  await expect(rowOf('table-channel', 'Organic Social')).toContainText('$49.00');
  await expect(rowOf('table-source', 'twitter')).toContainText('$49.00');
  await expect(rowOf('table-medium', 'social')).toContainText('$49.00');
  await expect(rowOf('table-campaign', 'launch')).toContainText('$49.00');
  await expect(page.getByTestId('value-unattributedRevenue')).toHaveText('$0.00');

  // The payments list shows the payment and whom it is credited to.
  await page.getByRole('link', { name: 'Payments', exact: true }).click();
  // The project tabs carry the period and the live/test choice from the dashboard to the payments list.
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/payments\\?.*mode=test`));
  await expect(page.getByRole('radiogroup', { name: 'Data' }).getByRole('radio', { name: 'Test' })).toBeChecked();
  const payment = page.getByTestId('payments-table').locator('tbody tr');
  await expect(payment).toHaveCount(1);
  await expect(payment).toContainText('$49.00');
  await expect(payment).toContainText('Organic Social · twitter · launch');

  // The merchant revokes Zori's access from Stripe's side; the Integrations page says so.
  await emulatorControl(`/_emulator/accounts/${account}/deauthorize`);
  await page.goto(`/projects/${projectId}/settings/integrations`);
  await untilShown(page, async () => {
    await expect(page.getByTestId('stripe-connection-state')).toHaveText('Needs attention', { timeout: 1_000 });
  });
  await expect(page.getByText('Access was revoked from the Stripe dashboard')).toBeVisible();

  // Reconnecting, they change their mind on Stripe's consent page: a friendly message, nothing connected.
  await page.getByRole('link', { name: 'Reconnect Stripe' }).click();
  await expect(page).toHaveURL(new RegExp(`^${STRIPE_EMULATOR_URL}/oauth/authorize`));
  await page.getByRole('button', { name: 'Deny' }).click();
  await expect(page).toHaveURL(/stripe=denied/);
  await expect(page.getByRole('status')).toContainText('You cancelled the connection on Stripe');
  await expect(page.getByTestId('stripe-connection-state')).toHaveText('Needs attention');

  // The revenue already credited stays after the revocation.
  await page.goto(`/projects/${projectId}?mode=test`);
  await expect(page.getByTestId('value-gross')).toHaveText('$49.00');
});
