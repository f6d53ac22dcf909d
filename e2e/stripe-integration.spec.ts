import { expect, test } from '@playwright/test';
import pg from 'pg';
import Stripe from 'stripe';
import { signInByMagicLink } from './support/auth';

// The Stripe set-up and diagnostics pages against the built app: a webhook secret pasted in
// Settings › Integrations verifies real signed deliveries to /webhooks/stripe/{projectId}, and the
// diagnostics page shows them, the rejected one, and the unattributed payment with its fix.

/** The new user's project id, read from the e2e database (the one holding this user). */
async function projectIdOf(email: string): Promise<string> {
  const admin = new pg.Client({ connectionString: process.env.ZORI_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'zori_e2e_%'`);
  await admin.end();
  for (const { datname } of rows) {
    const url = new URL(process.env.ZORI_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
    url.pathname = `/${datname}`;
    const c = new pg.Client({ connectionString: url.toString() });
    try {
      await c.connect();
      const r = await c.query<{ id: string }>(
        `SELECT p.id FROM "Project" p JOIN "Membership" m ON m."organizationId" = p."organizationId" JOIN "User" u ON u.id = m."userId" WHERE u.email = $1 LIMIT 1`,
        [email],
      );
      if (r.rows[0]) return r.rows[0].id;
    } catch {
      // another run's database being created or dropped
    } finally {
      await c.end().catch(() => {});
    }
  }
  throw new Error(`no project for ${email}`);
}

test('paste a webhook secret, receive signed events, read them on the diagnostics page', async ({ page, request }) => {
  const email = `stripe-${Date.now()}@example.test`;
  await signInByMagicLink(page, email);
  await expect(page).toHaveURL(/\/app|\/projects\//);
  const projectId = await projectIdOf(email);

  await page.goto(`/projects/${projectId}/settings/integrations`);
  await expect(page.getByRole('heading', { name: 'Stripe with your own keys (self-hosted)' })).toBeVisible();
  await expect(page.getByTestId('webhook-url')).toContainText(`/webhooks/stripe/${projectId}`);

  await page.getByLabel('Webhook signing secret').fill('not-a-secret');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').first()).toContainText('whsec_');
  await expect(page.getByLabel('Webhook signing secret')).toHaveAttribute('aria-invalid', 'true');

  // A key Stripe (here the emulator, which opens an account for any well-formed unknown key but not
  // for this one) does not accept: a clear error, nothing saved.
  await page.getByLabel('Secret key').fill('sk_test_e2e_not_a_key');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').first()).toContainText(/Could not reach Stripe|rejected/, { timeout: 30_000 });
  await page.getByLabel('Secret key').fill('');

  const secret = `whsec_e2e${Date.now()}`;
  await page.getByLabel('Webhook signing secret').fill(secret);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('Saved');
  await page.reload();
  await expect(page.getByTestId('webhook-secrets')).toContainText(`whsec_…${secret.slice(-4)}`);
  await expect(page.getByTestId('webhook-secrets')).not.toContainText(secret);

  const evt = {
    id: `evt_e2e${Date.now()}`,
    object: 'event',
    api_version: '2025-03-31.basil',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    type: 'charge.succeeded',
    data: { object: { id: `ch_e2e${Date.now()}`, object: 'charge', amount: 1234, currency: 'jpy', payment_intent: `pi_e2e${Date.now()}`, metadata: {}, created: Math.floor(Date.now() / 1000), billing_details: { email: null } } },
  };
  const body = JSON.stringify(evt);
  const ok = await request.post(`/webhooks/stripe/${projectId}`, { data: body, headers: { 'content-type': 'application/json', 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload: body, secret }) } });
  expect(ok.status()).toBe(200);
  const bad = await request.post(`/webhooks/stripe/${projectId}`, { data: body, headers: { 'content-type': 'application/json', 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload: body, secret: 'whsec_other' }) } });
  expect(bad.status()).toBe(400);

  await page.goto(`/projects/${projectId}/diagnostics`);
  const deliveries = page.getByTestId('deliveries');
  await expect(deliveries).toContainText('charge.succeeded');
  await expect(deliveries).toContainText(/processed|pending/);
  await expect(page.getByTestId('rejections')).toContainText('does not match');
  await page.reload();
  await expect(page.getByTestId('unattributed')).toContainText('¥1,234');
  await expect(page.getByTestId('unattributed')).toContainText('payment_intent_data.metadata');
  await page.getByRole('button', { name: /^Re-run charge\.succeeded/ }).click();
  await expect(page.getByRole('status').first()).toContainText('Queued');

  await page.goto(`/projects/${projectId}/settings/integrations`);
  await expect(page.getByTestId('last-event')).toContainText('charge.succeeded');
});
