import { rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toMinorUnits } from './cli';
import { startEmulator, type Emulator } from './server';

// The emulator driven by the real stripe SDK over real HTTP, and its webhook deliveries received
// by a real server that verifies them with the SDK's constructEvent.

const PLATFORM_KEY = 'sk_test_platform_for_emulator_tests';
const CLIENT_ID = 'ca_emulatortests000000000000';

let emulator: Emulator;
const sdk = (key: string, extra: Stripe.StripeConfig = {}) =>
  new Stripe(key, { host: '127.0.0.1', port: emulator.port, protocol: 'http', maxNetworkRetries: 0, ...extra });

async function control<T = any>(path: string, body: unknown = {}): Promise<T> {
  const res = await fetch(`${emulator.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) throw new Error(JSON.stringify(json));
  return json as T;
}

/** Runs the consent page's Authorize button and returns the redirect's query. */
async function authorize(opts: { decision: 'allow' | 'deny'; state: string; account?: string; name?: string }) {
  const redirectUri = 'http://localhost:9/callback';
  const consent = await fetch(`${emulator.url}/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: CLIENT_ID, scope: 'read_only', redirect_uri: redirectUri, state: opts.state, 'stripe_user[email]': 'shop@example.test' })}`);
  const html = await consent.text();
  expect(consent.status).toBe(200);
  expect(html).toContain('Authorize access to this account');
  // Submit the page's form as the browser would: its hidden fields plus the chosen button.
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(m[1], m[2].replace(/&#(\d+);/g, (_, c) => String.fromCharCode(Number(c))));
  form.set('account', opts.account ?? 'new');
  form.set('account_name', opts.name ?? 'Test Shop');
  form.set('decision', opts.decision);
  const res = await fetch(`${emulator.url}/oauth/authorize/decision`, { method: 'POST', body: form, redirect: 'manual' });
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location')!);
  expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
  return location.searchParams;
}

async function connectAccount(name = 'Test Shop') {
  const q = await authorize({ decision: 'allow', state: 'st', name });
  return sdk(PLATFORM_KEY).oauth.token({ grant_type: 'authorization_code', code: q.get('code')! });
}

beforeAll(async () => {
  emulator = await startEmulator({ clientId: CLIENT_ID, platformKey: PLATFORM_KEY, retryDelaysMs: [50, 100] });
});
afterAll(async () => {
  await emulator?.close();
});

describe('API keys and errors', () => {
  it('answers the platform account for the platform key', async () => {
    const account = await sdk(PLATFORM_KEY).accounts.retrieveCurrent();
    expect(account.id).toBe(emulator.state.data.platform.accountId);
    expect(account.object).toBe('account');
  });

  it('refuses an unknown key with 401 and a missing object with 404 resource_missing', async () => {
    await expect(sdk('sk_test_nobody0000000000').charges.list()).rejects.toMatchObject({ type: 'StripeAuthenticationError', statusCode: 401 });
    const err = await sdk(PLATFORM_KEY).charges.retrieve('ch_doesnotexist').catch((e) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'id', message: "No such charge: 'ch_doesnotexist'" });
  });

  it('says which keys it accepts when it refuses one', async () => {
    const err = await sdk('sk_test_nobody0000000000').charges.list().catch((e) => e);
    expect(err.message).toMatch(/^Invalid API Key provided: sk_test_\**0000\. This Stripe emulator accepts only the keys of the accounts it was started with/);
  });

  it('in offline development opens an account for any well-formed key, underscores included', async () => {
    const open = await startEmulator({ clientId: CLIENT_ID, platformKey: PLATFORM_KEY, acceptAnyKey: true });
    try {
      const client = new Stripe('sk_test_newcomer_0123456789abcdef', { host: '127.0.0.1', port: open.port, protocol: 'http', maxNetworkRetries: 0 });
      const account = await client.accounts.retrieveCurrent();
      expect(account.id).toMatch(/^acct_/);
      const refused = await new Stripe('sk_test_short', { host: '127.0.0.1', port: open.port, protocol: 'http', maxNetworkRetries: 0 }).accounts.retrieveCurrent().catch((e) => e);
      expect(refused).toMatchObject({ type: 'StripeAuthenticationError' });
      expect(refused.message).toContain('accepts any key shaped like sk_test_…');
    } finally {
      await open.close();
    }
  });

  it('answers Stripe-format errors for bad list parameters and unknown URLs', async () => {
    await expect(sdk(PLATFORM_KEY).charges.list({ limit: 101 })).rejects.toMatchObject({ statusCode: 400, param: 'limit' });
    const res = await fetch(`${emulator.url}/v1/nothing_here`, { headers: { authorization: `Bearer ${PLATFORM_KEY}` } });
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ type: 'invalid_request_error', message: expect.stringContaining('Unrecognized request URL (GET: /v1/nothing_here)') });
  });

  it('answers 429 rate_limit when told to, then recovers', async () => {
    await control('/_emulator/rate-limit', { count: 1 });
    await expect(sdk(PLATFORM_KEY).charges.list()).rejects.toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    await expect(sdk(PLATFORM_KEY).charges.list()).resolves.toMatchObject({ object: 'list' });
  });
});

describe('list pagination', () => {
  let key: string;
  let chargeIds: string[];
  beforeAll(async () => {
    const made = await control<{ account: { id: string }; secretKey: string }>('/_emulator/accounts', { name: 'Paginated' });
    key = made.secretKey;
    chargeIds = [];
    for (let i = 0; i < 23; i++) {
      const p = await control('/_emulator/payments', { account: made.account.id, amount: 100 + i, currency: 'eur', visitorId: `zv_${i}`, created: 1_700_000_000 + i * 60 });
      chargeIds.push(p.charge.id);
    }
  });

  it('serves newest first, in pages with has_more and starting_after', async () => {
    const first = await sdk(key).charges.list({ limit: 10 });
    expect(first.has_more).toBe(true);
    expect(first.url).toBe('/v1/charges');
    expect(first.data.map((c) => c.id)).toEqual([...chargeIds].reverse().slice(0, 10));
    const second = await sdk(key).charges.list({ limit: 10, starting_after: first.data[9].id });
    expect(second.data.map((c) => c.id)).toEqual([...chargeIds].reverse().slice(10, 20));
    const third = await sdk(key).charges.list({ limit: 10, starting_after: second.data[9].id });
    expect(third.data).toHaveLength(3);
    expect(third.has_more).toBe(false);
  });

  it('pages backwards with ending_before and auto-pagination visits every object once', async () => {
    const newest = [...chargeIds].reverse();
    const back = await sdk(key).charges.list({ limit: 5, ending_before: newest[12] });
    expect(back.data.map((c) => c.id)).toEqual(newest.slice(7, 12));
    expect(back.has_more).toBe(true);
    const all: string[] = [];
    for await (const c of sdk(key).charges.list({ limit: 7 })) all.push(c.id);
    expect(all).toEqual(newest);
  });

  it('filters by created range and rejects an unknown cursor', async () => {
    const page = await sdk(key).charges.list({ created: { gte: 1_700_000_000 + 20 * 60 }, limit: 100 });
    expect(page.data.map((c) => c.id)).toEqual(chargeIds.slice(20).reverse());
    await expect(sdk(key).charges.list({ starting_after: 'ch_unknown' })).rejects.toMatchObject({ code: 'resource_missing', param: 'starting_after' });
  });

  it('expands balance_transaction on a charge and on list items', async () => {
    const charge = await sdk(key).charges.retrieve(chargeIds[0], { expand: ['balance_transaction'] });
    const txn = charge.balance_transaction as Stripe.BalanceTransaction;
    expect(txn.object).toBe('balance_transaction');
    expect(txn).toMatchObject({ amount: 100, currency: 'eur', source: chargeIds[0], net: 100 - txn.fee });
    expect(charge.metadata).toEqual({ zori_visitor_id: 'zv_0' });
    const list = await sdk(key).charges.list({ limit: 2, expand: ['data.balance_transaction'] });
    expect(list.data.every((c) => typeof c.balance_transaction === 'object')).toBe(true);
    const plain = await sdk(key).charges.retrieve(chargeIds[0]);
    expect(typeof plain.balance_transaction).toBe('string');
  });
});

describe('Connect OAuth', () => {
  it('redirects with code, scope and state on Authorize, and exchanges the code once', async () => {
    const q = await authorize({ decision: 'allow', state: 'state-123' });
    expect(q.get('state')).toBe('state-123');
    expect(q.get('scope')).toBe('read_only');
    const code = q.get('code')!;
    expect(code).toMatch(/^ac_/);
    const token = await sdk(PLATFORM_KEY).oauth.token({ grant_type: 'authorization_code', code });
    expect(token).toMatchObject({ scope: 'read_only', livemode: false, token_type: 'bearer' });
    expect(token.stripe_user_id).toMatch(/^acct_/);
    expect(token.access_token).toMatch(/^sk_test_/);
    const reused = await sdk(PLATFORM_KEY).oauth.token({ grant_type: 'authorization_code', code }).catch((e) => e);
    expect(reused).toBeInstanceOf(Stripe.errors.StripeInvalidGrantError);
    expect(reused.message).toContain('already been used');
  });

  it('redirects with error=access_denied and state on Deny', async () => {
    const q = await authorize({ decision: 'deny', state: 'state-456' });
    expect(q.get('error')).toBe('access_denied');
    expect(q.get('state')).toBe('state-456');
    expect(q.get('code')).toBeNull();
  });

  it('answers OAuth error bodies for an unknown code, a wrong key and an unknown grant type', async () => {
    const res = await fetch(`${emulator.url}/oauth/token`, { method: 'POST', headers: { authorization: `Bearer ${PLATFORM_KEY}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=authorization_code&code=ac_nope' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_grant', error_description: 'Authorization code does not exist: ac_nope' });
    await expect(sdk('sk_test_notplatform000000').oauth.token({ grant_type: 'authorization_code', code: 'ac_x' })).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidClientError);
    await expect(sdk(PLATFORM_KEY).oauth.token({ grant_type: 'password' as 'authorization_code', code: 'x' })).rejects.toBeInstanceOf(Stripe.errors.StripeUnsupportedGrantTypeError);
  });

  it('scopes calls with Stripe-Account to connected accounts only, and refreshes and deauthorizes', async () => {
    const token = await connectAccount('Scoped Shop');
    const acct = token.stripe_user_id!;
    const viaPlatform = await sdk(PLATFORM_KEY).accounts.retrieveCurrent({}, { stripeAccount: acct });
    expect(viaPlatform.settings?.dashboard.display_name).toBe('Scoped Shop');
    const viaToken = await sdk(token.access_token!).accounts.retrieveCurrent();
    expect(viaToken.id).toBe(acct);

    const refreshed = await sdk(PLATFORM_KEY).oauth.token({ grant_type: 'refresh_token', refresh_token: token.refresh_token! });
    expect(refreshed.stripe_user_id).toBe(acct);
    await expect(sdk(token.access_token!).accounts.retrieveCurrent()).rejects.toMatchObject({ statusCode: 401 });

    await expect(sdk(PLATFORM_KEY).oauth.deauthorize({ client_id: CLIENT_ID, stripe_user_id: acct })).resolves.toEqual({ stripe_user_id: acct });
    const denied = await sdk(PLATFORM_KEY).charges.list({}, { stripeAccount: acct }).catch((e) => e);
    expect(denied).toBeInstanceOf(Stripe.errors.StripePermissionError);
    expect(denied.message).toContain(`does not have access to account '${acct}'`);
    await expect(sdk(PLATFORM_KEY).oauth.deauthorize({ client_id: CLIENT_ID, stripe_user_id: acct })).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidClientError);
  });
});

describe('Stripe Apps OAuth', () => {
  const APP = 'ca_emulatorapp000000000000';
  async function installCode(decision: 'allow' | 'deny') {
    const link = `${emulator.url}/oauth/v2/chnlink_test123/authorize?${new URLSearchParams({ client_id: APP, redirect_uri: 'http://localhost:9/cb', state: 's1' })}`;
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('action="/oauth/v2/chnlink_test123/authorize/decision"');
    const form = new URLSearchParams({ client_id: APP, redirect_uri: 'http://localhost:9/cb', state: 's1', account: 'new', account_name: 'Apps Shop', decision });
    const res = await fetch(`${emulator.url}/oauth/v2/chnlink_test123/authorize/decision`, { method: 'POST', body: form, redirect: 'manual' });
    return new URL(res.headers.get('location')!).searchParams;
  }
  const token = (params: Record<string, string>, key = PLATFORM_KEY) => sdk(key).rawRequest('POST', '/v1/oauth/token', params);

  it('installs through the install link, exchanges the code once at /v1/oauth/token, and denies', async () => {
    const denied = await installCode('deny');
    expect(Object.fromEntries(denied)).toMatchObject({ error: 'access_denied', state: 's1' });
    const q = await installCode('allow');
    expect(q.get('state')).toBe('s1');
    const t = (await token({ grant_type: 'authorization_code', code: q.get('code')! })) as Record<string, unknown>;
    expect(t).toMatchObject({ scope: 'stripe_apps', token_type: 'bearer', livemode: false, stripe_user_id: expect.stringMatching(/^acct_/) });
    expect(t).not.toHaveProperty('expires_in');
    await expect(token({ grant_type: 'authorization_code', code: q.get('code')! })).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidGrantError);
    await expect(token({ grant_type: 'authorization_code', code: q.get('code')! }, 'sk_test_notthedeveloper')).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidClientError);
    // The token is the account's own key; the platform key cannot act for an app install with Stripe-Account.
    expect((await sdk(t.access_token as string).accounts.retrieveCurrent()).id).toBe(t.stripe_user_id);
    await expect(sdk(PLATFORM_KEY).charges.list({}, { stripeAccount: t.stripe_user_id as string })).rejects.toBeInstanceOf(Stripe.errors.StripePermissionError);
  });

  it('expires access tokens (401 api_key_expired) and rolls refresh tokens on every exchange', async () => {
    const q = await installCode('allow');
    const t = (await token({ grant_type: 'authorization_code', code: q.get('code')! })) as Record<string, string>;
    await control(`/_emulator/accounts/${t.stripe_user_id}/expire-access-token`);
    const expired = await sdk(t.access_token).charges.list().catch((e) => e);
    expect(expired).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(expired.code).toBe('api_key_expired');
    const next = (await token({ grant_type: 'refresh_token', refresh_token: t.refresh_token })) as Record<string, string>;
    expect(next.refresh_token).not.toBe(t.refresh_token);
    await expect(token({ grant_type: 'refresh_token', refresh_token: t.refresh_token })).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidGrantError);
    expect((await sdk(next.access_token).charges.list()).object).toBe('list');
  });
});

describe('webhook endpoints and signed deliveries', () => {
  let receiver: http.Server;
  let receiverUrl: string;
  let platformSecret: string;
  const received: { event: Stripe.Event; header: string }[] = [];
  let failNext = 0;

  beforeAll(async () => {
    receiver = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const raw = Buffer.concat(chunks).toString('utf8');
      if (failNext > 0) {
        failNext -= 1;
        res.writeHead(500).end();
        return;
      }
      try {
        const event = sdk(PLATFORM_KEY).webhooks.constructEvent(raw, req.headers['stripe-signature'] as string, platformSecret);
        received.push({ event, header: req.headers['stripe-signature'] as string });
        res.writeHead(200).end('{}');
      } catch {
        res.writeHead(400).end();
      }
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/stripe/connect`;
  });
  afterAll(async () => {
    await new Promise((r) => receiver.close(r));
  });

  it('returns the secret only on creation and refuses endpoints on a connected account', async () => {
    const we = await sdk(PLATFORM_KEY).webhookEndpoints.create({ url: receiverUrl, enabled_events: ['*'], connect: true, api_version: '2026-10-28.endive' });
    expect(we.secret).toMatch(/^whsec_/);
    platformSecret = we.secret!;
    const again = await sdk(PLATFORM_KEY).webhookEndpoints.retrieve(we.id);
    expect(again.secret).toBeUndefined();
    expect(again.url).toBe(receiverUrl);
    const listed = await sdk(PLATFORM_KEY).webhookEndpoints.list();
    expect(listed.data.map((w) => w.id)).toContain(we.id);

    const token = await connectAccount('Hook Shop');
    const refused = await sdk(PLATFORM_KEY).webhookEndpoints.create({ url: receiverUrl, enabled_events: ['*'] }, { stripeAccount: token.stripe_user_id! }).catch((e) => e);
    expect(refused).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(refused.message).toBe('You are not permitted to configure webhook endpoints on a connected account. Did you mean to create a Connect webhook on your account instead?');
    await expect(sdk(PLATFORM_KEY).webhookEndpoints.create({ url: receiverUrl } as Stripe.WebhookEndpointCreateParams)).rejects.toMatchObject({ code: 'parameter_missing', param: 'enabled_events' });
  });

  it('delivers a connected account’s payment events, signed, with account set, retrying after a 500', async () => {
    const token = await connectAccount('Paying Shop');
    const acct = token.stripe_user_id!;
    received.length = 0;
    failNext = 1;
    const made = await control('/_emulator/payments', { account: acct, amount: 4900, currency: 'eur', visitorId: 'zv_twitter', mode: 'payment' });
    await emulator.settled();
    const types = received.map((r) => r.event.type).sort();
    expect(types).toEqual(['charge.succeeded', 'payment_intent.succeeded']);
    for (const r of received) {
      expect(r.event.account).toBe(acct);
      expect(r.header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    }
    const charge = received.find((r) => r.event.type === 'charge.succeeded')!.event.data.object as Stripe.Charge;
    expect(charge).toMatchObject({ id: made.charge.id, amount: 4900, currency: 'eur', metadata: { zori_visitor_id: 'zv_twitter' }, payment_intent: made.paymentIntent.id });
    const deliveries = (await (await fetch(`${emulator.url}/_emulator/deliveries`)).json()).data as { eventId: string; attempts: number; delivered: boolean }[];
    expect(deliveries.filter((d) => made.events.includes(d.eventId)).map((d) => d.attempts).sort()).toEqual([1, 2]);
    // The events are also listed on the account.
    const listed = await sdk(PLATFORM_KEY).events.list({ type: 'charge.*' }, { stripeAccount: acct });
    expect(listed.data.map((e) => e.type)).toEqual(['charge.succeeded']);
  });

  it('puts a subscription’s visitor id on invoice.parent, not on the charge, and renews and refunds', async () => {
    const token = await connectAccount('Subscription Shop');
    const acct = token.stripe_user_id!;
    received.length = 0;
    const made = await control('/_emulator/payments', { account: acct, amount: 2000, currency: 'usd', visitorId: 'zv_sub', mode: 'subscription', email: 'buyer@example.test' });
    await emulator.settled();
    expect(received.map((r) => r.event.type)).toEqual(['customer.subscription.created', 'charge.succeeded', 'payment_intent.succeeded', 'invoice.paid', 'invoice.payment_succeeded', 'invoice_payment.paid']);
    const invoice = received.find((r) => r.event.type === 'invoice.paid')!.event.data.object as Stripe.Invoice;
    expect(invoice.parent).toMatchObject({ type: 'subscription_details', subscription_details: { subscription: made.subscription.id, metadata: { zori_visitor_id: 'zv_sub' } } });
    expect((received.find((r) => r.event.type === 'charge.succeeded')!.event.data.object as Stripe.Charge).metadata).toEqual({});
    const inpay = await sdk(PLATFORM_KEY).invoicePayments.list({ invoice: invoice.id }, { stripeAccount: acct });
    expect(inpay.data[0].payment).toEqual({ type: 'payment_intent', payment_intent: made.paymentIntent.id });

    received.length = 0;
    const renewal = await control(`/_emulator/subscriptions/${made.subscription.id}/renew`);
    await emulator.settled();
    expect(renewal.invoice.billing_reason).toBe('subscription_cycle');
    expect(received.filter((r) => r.event.type === 'invoice.paid')).toHaveLength(1);

    received.length = 0;
    await control(`/_emulator/charges/${renewal.charge.id}/refund`, { amount: 500 });
    const viaApi = await sdk(PLATFORM_KEY).refunds.create({ charge: renewal.charge.id }, { stripeAccount: acct });
    expect(viaApi.amount).toBe(1500);
    await emulator.settled();
    const refunded = received.filter((r) => r.event.type === 'charge.refunded').map((r) => (r.event.data.object as Stripe.Charge).amount_refunded);
    expect(refunded).toEqual([500, 2000]);
    await expect(sdk(PLATFORM_KEY).refunds.create({ charge: renewal.charge.id }, { stripeAccount: acct })).rejects.toMatchObject({ code: 'charge_already_refunded' });
  });

  it('keeps checkout session metadata on the session only', async () => {
    const token = await connectAccount('Checkout Shop');
    received.length = 0;
    await control('/_emulator/payments', { account: token.stripe_user_id, amount: 1000, currency: 'usd', visitorId: 'zv_checkout', mode: 'checkout' });
    await emulator.settled();
    const session = received.find((r) => r.event.type === 'checkout.session.completed')!.event.data.object as Stripe.Checkout.Session;
    const charge = received.find((r) => r.event.type === 'charge.succeeded')!.event.data.object as Stripe.Charge;
    expect(session.metadata).toEqual({ zori_visitor_id: 'zv_checkout' });
    expect(session.payment_intent).toBe(charge.payment_intent);
    expect(charge.metadata).toEqual({});
  });

  it('sends account.application.deauthorized to the Connect endpoint when access is revoked', async () => {
    const token = await connectAccount('Leaving Shop');
    received.length = 0;
    await control(`/_emulator/accounts/${token.stripe_user_id}/deauthorize`);
    await emulator.settled();
    expect(received).toHaveLength(1);
    expect(received[0].event).toMatchObject({ type: 'account.application.deauthorized', account: token.stripe_user_id, data: { object: { object: 'application', id: CLIENT_ID } } });
  });
});

describe('consent page errors and persistence', () => {
  it('shows an error page, without redirecting, for an unknown client_id or a bad redirect_uri', async () => {
    const bad = await fetch(`${emulator.url}/oauth/authorize?response_type=code&client_id=ca_someoneelse&redirect_uri=http://localhost:9/cb`, { redirect: 'manual' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('invalid_client');
    const noUri = await fetch(`${emulator.url}/oauth/authorize?response_type=code&client_id=${CLIENT_ID}&redirect_uri=javascript:alert(1)`, { redirect: 'manual' });
    expect(noUri.status).toBe(400);
  });

  it('keeps accounts, keys and objects in the state file across restarts', async () => {
    const file = `${process.env.TMPDIR ?? '/tmp'}/stripe-emulator-${process.pid}-${Date.now()}.json`;
    const first = await startEmulator({ stateFile: file, platformKey: PLATFORM_KEY, clientId: CLIENT_ID });
    const made = await (await fetch(`${first.url}/_emulator/accounts`, { method: 'POST', body: JSON.stringify({ name: 'Kept' }) })).json();
    const paid = await (await fetch(`${first.url}/_emulator/payments`, { method: 'POST', body: JSON.stringify({ account: made.account.id, amount: 700, currency: 'usd' }) })).json();
    await first.close();
    const second = await startEmulator({ stateFile: file, platformKey: PLATFORM_KEY, clientId: CLIENT_ID });
    try {
      const client = new Stripe(made.secretKey, { host: '127.0.0.1', port: second.port, protocol: 'http', maxNetworkRetries: 0 });
      await expect(client.charges.retrieve(paid.charge.id)).resolves.toMatchObject({ amount: 700 });
    } finally {
      await second.close();
      rmSync(file, { force: true });
    }
  });
});

describe('CLI amounts', () => {
  it('converts decimal amounts to minor units by currency exponent', () => {
    expect(toMinorUnits('49.00', 'EUR')).toBe(4900);
    expect(toMinorUnits('49.5', 'usd')).toBe(4950);
    expect(toMinorUnits('500', 'jpy')).toBe(500);
    expect(toMinorUnits('1.250', 'kwd')).toBe(1250);
    expect(() => toMinorUnits('1.5', 'jpy')).toThrow(/0 decimals/);
    expect(() => toMinorUnits('abc', 'usd')).toThrow(/--amount/);
  });
});
