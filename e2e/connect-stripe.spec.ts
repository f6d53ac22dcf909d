import { expect, test, type Page } from '@playwright/test';
import { signInByMagicLink } from './support/auth';
import { emulatorControl, query, STRIPE_EMULATOR_URL } from './support/stripe-emulator';

// Zori Cloud's Connect Stripe as a user does it: Settings > Integrations > Connect Stripe, the
// (emulated) Stripe consent page, back to Zori connected; a payment arrives through the platform's
// Connect endpoint; the merchant revokes access on Stripe's side; a denial reads as a friendly message.

async function signInAndFindProject(page: Page, email: string): Promise<string> {
  await signInByMagicLink(page, email);
  await expect(page).toHaveURL(/\/projects\/[^/]+$/); // /app sends a user to their first project
  const rows = await query<{ id: string }>(
    'SELECT p.id FROM "Project" p JOIN "Membership" m ON m."organizationId" = p."organizationId" JOIN "User" u ON u.id = m."userId" WHERE u.email = $1',
    [email],
  );
  expect(rows).toHaveLength(1);
  return rows[0].id;
}

test('an owner connects Stripe, a payment arrives, and a revocation on Stripe shows up', async ({ page }) => {
  const email = `connect-${Date.now()}@example.test`;
  const projectId = await signInAndFindProject(page, email);
  await page.goto(`/projects/${projectId}/settings/integrations`);
  await expect(page.getByTestId('stripe-connection-state')).toHaveText('Not connected');

  await page.getByRole('link', { name: 'Connect Stripe' }).click();
  await expect(page).toHaveURL(new RegExp(`^${STRIPE_EMULATOR_URL}/oauth/authorize`));
  await expect(page.getByLabel('Name of a new account')).toHaveValue(/connect-/); // stripe_user[email] prefill reached Stripe
  await page.getByLabel('Name of a new account').fill('Twitter Shop');
  await page.getByRole('button', { name: 'Authorize access to this account' }).click();

  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/settings/integrations\\?stripe=connected`));
  await expect(page.getByRole('status')).toContainText('Stripe is connected');
  await expect(page.getByTestId('stripe-connection-state')).toHaveText('Connected');
  await expect(page.getByTestId('stripe-account')).toContainText('Twitter Shop');
  await expect(page.getByText(`by ${email}`)).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100', { timeout: 20_000 });

  const account = (await query<{ stripeAccountId: string }>('SELECT "stripeAccountId" FROM "StripeConnection" WHERE "projectId" = $1', [projectId]))[0].stripeAccountId;
  const paid = await emulatorControl('/_emulator/payments', { account, amount: 4900, currency: 'eur', visitorId: 'zv_from_twitter' });
  await emulatorControl('/_emulator/settle');
  const events = await query<{ type: string }>('SELECT type FROM "StripeEvent" WHERE "projectId" = $1 AND "eventId" = ANY($2) ORDER BY type', [projectId, paid.events]);
  expect(events.map((e) => e.type)).toEqual(['charge.succeeded']); // the only one of the two Zori subscribes to

  await emulatorControl(`/_emulator/accounts/${account}/deauthorize`);
  await emulatorControl('/_emulator/settle');
  await page.goto(`/projects/${projectId}/settings/integrations`);
  await expect(page.getByTestId('stripe-connection-state')).toHaveText('Needs attention');
  await expect(page.getByText('Access was revoked from the Stripe dashboard')).toBeVisible();
});

test('denying consent on Stripe shows a friendly message and connects nothing', async ({ page }) => {
  const projectId = await signInAndFindProject(page, `deny-${Date.now()}@example.test`);
  await page.goto(`/projects/${projectId}/settings/integrations`);
  await page.getByRole('link', { name: 'Connect Stripe' }).click();
  await page.getByRole('button', { name: 'Deny' }).click();
  await expect(page).toHaveURL(/stripe=denied/);
  await expect(page.getByRole('status')).toContainText('You cancelled the connection on Stripe');
  await expect(page.getByTestId('stripe-connection-state')).toHaveText('Not connected');
});

test('the owner disconnects; the revenue already received stays', async ({ page }) => {
  const projectId = await signInAndFindProject(page, `disconnect-${Date.now()}@example.test`);
  await page.goto(`/projects/${projectId}/settings/integrations`);
  await page.getByRole('link', { name: 'Connect Stripe' }).click();
  await page.getByRole('button', { name: 'Authorize access to this account' }).click();
  await expect(page.getByTestId('stripe-connection-state')).toHaveText('Connected');
  const account = (await query<{ stripeAccountId: string }>('SELECT "stripeAccountId" FROM "StripeConnection" WHERE "projectId" = $1', [projectId]))[0].stripeAccountId;
  await emulatorControl('/_emulator/payments', { account, amount: 1200, currency: 'usd' });
  await emulatorControl('/_emulator/settle');
  const before = (await query<{ n: string }>('SELECT count(*)::text AS n FROM "StripeEvent" WHERE "projectId" = $1', [projectId]))[0].n;

  await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, disconnect' }).click();
  await expect(page.getByTestId('stripe-connection-state')).toHaveText('Needs attention');
  await expect(page.getByText(/Disconnected by disconnect-/)).toBeVisible();
  const after = (await query<{ n: string }>('SELECT count(*)::text AS n FROM "StripeEvent" WHERE "projectId" = $1', [projectId]))[0].n;
  expect(after).toBe(before);
  const state = await (await fetch(`${STRIPE_EMULATOR_URL}/_emulator/state`)).json();
  expect(state.accounts.find((a: { id: string }) => a.id === account).connected).toBe(false);
});
