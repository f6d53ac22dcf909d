import { expect, test } from '@playwright/test';
import Stripe from 'stripe';
import { signInByMagicLink } from './support/auth';

// The Stripe set-up and diagnostics pages against the built app: a webhook secret pasted in
// Settings › Integrations verifies real signed deliveries to /webhooks/stripe/{projectId}, and the
// diagnostics page shows them, the rejected one, and the unattributed payment with its fix.

test('paste a webhook secret, receive signed events, read them on the diagnostics page', async ({ page, request }) => {
  const email = `stripe-${Date.now()}@example.test`;
  await signInByMagicLink(page, email);
  // A new user lands on the dashboard of their first project.
  await expect(page).toHaveURL(/\/projects\/[^/]+$/);
  const projectId = new URL(page.url()).pathname.split('/')[2];

  await page.goto(`/projects/${projectId}/settings/integrations`);
  await expect(page.getByRole('heading', { name: 'Stripe with your own keys (self-hosted)' })).toBeVisible();
  await expect(page.getByTestId('webhook-url')).toContainText(`/webhooks/stripe/${projectId}`);

  await page.getByLabel('Webhook signing secret').fill('not-a-secret');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').first()).toContainText('whsec_');
  await expect(page.getByLabel('Webhook signing secret')).toHaveAttribute('aria-invalid', 'true');

  // The key is checked with Stripe (here the local emulator) before it is saved: one Stripe refuses
  // is not stored; one it accepts names its account.
  await page.getByLabel('Webhook signing secret').fill('');
  await page.getByLabel('Secret key').fill('sk_test_bad');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Stripe rejected this key' }).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('Secret key')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('secret-key')).toHaveText('none');
  await page.getByLabel('Secret key').fill('sk_test_e2eKey0000');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText('Saved');
  await page.reload();
  await expect(page.getByTestId('secret-key')).toHaveText('sk_test_…0000');

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
