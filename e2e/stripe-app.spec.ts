import { expect, test, type Page } from '@playwright/test';
import { signInByMagicLink } from './support/auth';
import { emulatorControl, query, STRIPE_EMULATOR_URL } from './support/stripe-emulator';

// "Install the Zori app" as a merchant does it, in Chromium against the emulated Stripe: the install
// link's page, back to Zori installed; a denial; a forged state; an hour later (the access token has
// expired on both sides) Zori still imports and attributes a payment; the merchant uninstalls the app.

async function signInAndFindProject(page: Page, email: string): Promise<string> {
  await signInByMagicLink(page, email);
  await expect(page).toHaveURL(/\/projects\/[^/]+$/);
  const rows = await query<{ id: string }>(
    'SELECT p.id FROM "Project" p JOIN "Membership" m ON m."organizationId" = p."organizationId" JOIN "User" u ON u.id = m."userId" WHERE u.email = $1',
    [email],
  );
  return rows[0].id;
}

const connectionOf = async (projectId: string) =>
  (await query<{ id: string; stripeAccountId: string; kind: string; status: string }>('SELECT id, "stripeAccountId", kind::text, status::text FROM "StripeConnection" WHERE "projectId" = $1', [projectId]))[0];

test('install the app, let the access token expire, import and attribute a payment, then uninstall', async ({ page }) => {
  const projectId = await signInAndFindProject(page, `app-${Date.now()}@example.test`);
  // A visit from ChatGPT an hour ago (what the tracker would have stored).
  const vid = `zv_app${Date.now()}`;
  await query(
    `INSERT INTO "Visitor" ("projectId", "visitorId", "firstSeenAt", "lastSeenAt") VALUES ($1, $2, now() - interval '1 hour', now() - interval '1 hour')`,
    [projectId, vid],
  );
  await query(
    `INSERT INTO "Touch" ("projectId", "visitorId", "sessionId", "occurredAt", channel, source, medium) VALUES ($1, $2, 's1', now() - interval '1 hour', 'AI Assistants', 'chatgpt.com', 'referral')`,
    [projectId, vid],
  );

  await page.goto(`/projects/${projectId}/settings/integrations`);
  await page.getByRole('link', { name: 'Install the Zori app' }).click();
  await expect(page).toHaveURL(new RegExp(`^${STRIPE_EMULATOR_URL}/oauth/v2/authorize\\?client_id=`));
  await page.getByLabel('Name of a new account').fill('App Shop');
  await page.getByRole('button', { name: 'Install app' }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/settings/integrations\\?stripe=connected&via=app`));
  await expect(page.getByRole('status')).toContainText('The Zori app is installed');
  await expect(page.getByTestId('stripe-connection-kind')).toHaveText('Zori Stripe App');
  await expect(page.getByTestId('stripe-account')).toContainText('App Shop');
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100', { timeout: 20_000 });
  const connection = await connectionOf(projectId);
  expect(connection).toMatchObject({ kind: 'app', status: 'active' });

  // An hour later: the access token has expired, for Stripe and for Zori.
  const paid = await emulatorControl('/_emulator/payments', { account: connection.stripeAccountId, amount: 2900, currency: 'usd', visitorId: vid });
  await emulatorControl('/_emulator/settle');
  await emulatorControl(`/_emulator/accounts/${connection.stripeAccountId}/expire-access-token`);
  await query(`UPDATE "StripeConnection" SET "accessTokenExpiresAt" = now() - interval '1 minute' WHERE id = $1`, [connection.id]);
  await query(`DELETE FROM "StripeEvent" WHERE "projectId" = $1`, [projectId]); // as if the webhook deliveries were lost
  await query(`DELETE FROM "Payment" WHERE "projectId" = $1`, [projectId]);
  const refreshesBefore = (await (await fetch(`${STRIPE_EMULATOR_URL}/_emulator/apps`)).json()).refreshCount;
  await page.reload();
  await page.getByRole('button', { name: 'Import history again' }).click();
  // The import renews the expired token (one refresh-token exchange) and reads the payment with it.
  await expect.poll(async () => (await (await fetch(`${STRIPE_EMULATOR_URL}/_emulator/apps`)).json()).refreshCount, { timeout: 20_000 }).toBe(refreshesBefore + 1);
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100', { timeout: 20_000 });
  await expect
    .poll(async () => (await query<{ visitorId: string; attributionStatus: string }>('SELECT "visitorId", "attributionStatus"::text FROM "Payment" WHERE "projectId" = $1 AND "paymentIntentId" = $2', [projectId, paid.paymentIntent.id]))[0])
    .toEqual({ visitorId: vid, attributionStatus: 'attributed' });

  // The merchant uninstalls the app in their Stripe Dashboard.
  await emulatorControl(`/_emulator/accounts/${connection.stripeAccountId}/uninstall`);
  await emulatorControl('/_emulator/settle');
  await page.reload();
  await expect(page.getByTestId('stripe-connection-state')).toHaveText('Needs reconnecting');
  await expect(page.getByText('The Zori app was uninstalled from the Stripe dashboard')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Install the Zori app again' })).toBeVisible();
});

test('denying the install, and a forged state, change nothing', async ({ page }) => {
  const projectId = await signInAndFindProject(page, `app-deny-${Date.now()}@example.test`);
  await page.goto(`/projects/${projectId}/settings/integrations`);
  await page.getByRole('link', { name: 'Install the Zori app' }).click();
  await page.getByRole('button', { name: 'Deny' }).click();
  await expect(page).toHaveURL(/stripe=denied&via=app/);
  await expect(page.getByRole('status')).toContainText('You did not install the Zori app');
  await expect(page.getByTestId('stripe-connection-state')).toHaveText('Not connected');

  await page.goto('/api/stripe/app/callback?code=ac_forged&state=forged.123.abc');
  await expect(page.getByRole('alert')).toContainText('not one Zori asked for');
  await page.goto(`/projects/${projectId}/settings/integrations`);
  await expect(page.getByTestId('stripe-connection-state')).toHaveText('Not connected');
  expect(await connectionOf(projectId)).toBeUndefined();
});
