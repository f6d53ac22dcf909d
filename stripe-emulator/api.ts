import type { IncomingMessage } from 'node:http';
import { StripeApiError, apiKeyOf, asArray, invalidParam, missingParam, noSuch, type Params } from './http';
import { expand, paginate, type ListObject } from './list';
import { customerObject, webhookEndpointObject } from './objects';
import type { Payments } from './payments';
import { newId, nowSeconds, type EmulatorState, type StripeObject } from './state';

// The /v1 endpoints Zori calls. Every request is authenticated by its secret key (the platform's,
// an account's own, or an OAuth access token) and acts on one account: the key's, or the one named
// in `Stripe-Account`, which only the platform may name, and only for accounts connected to it.

export type ApiRequest = { method: string; path: string; params: Params; accountId: string; viaStripeAccount: boolean; livemode: boolean };
type Handler = (req: ApiRequest, match: RegExpMatchArray) => unknown;

const WEBHOOK_ON_CONNECTED_ACCOUNT =
  'You are not permitted to configure webhook endpoints on a connected account. Did you mean to create a Connect webhook on your account instead?';

const WELL_FORMED_KEY = /^(sk|rk)_(test|live)_[A-Za-z0-9_]{8,}$/;

/** Which account a request acts as, or the error Stripe answers. */
export function authenticate(state: EmulatorState, req: IncomingMessage, opts: { acceptAnyKey: boolean }): { accountId: string; viaStripeAccount: boolean; livemode: boolean } {
  const key = apiKeyOf(req);
  if (!key) {
    throw new StripeApiError(
      401,
      'invalid_request_error',
      'You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. \'Authorization: Bearer YOUR_SECRET_KEY\').',
    );
  }
  const masked = `${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`;
  let accountId = state.data.keys[key];
  // Real keys are the prefix then letters and digits; names with underscores (sk_test_newcomer_…) are welcome too.
  if (!accountId && opts.acceptAnyKey && WELL_FORMED_KEY.test(key)) {
    // Offline development: any well-formed key opens (and thereafter names) its own account.
    accountId = state.createAccount({ name: `Emulated account ${key.slice(-4)}`, secretKey: key }).id;
  }
  if (!accountId) {
    // Stripe's message, then what this emulator accepts (Stripe itself would not say).
    const accepted = opts.acceptAnyKey
      ? 'This Stripe emulator accepts any key shaped like sk_test_…, sk_live_…, rk_test_… or rk_live_… followed by at least 8 letters, digits or underscores.'
      : 'This Stripe emulator accepts only the keys of the accounts it was started with (see GET /_emulator/state).';
    throw new StripeApiError(401, 'invalid_request_error', `Invalid API Key provided: ${masked}. ${accepted}`, 'api_key_invalid');
  }
  const expiresAt = state.data.tokenExpiry?.[key];
  if (expiresAt !== undefined && expiresAt <= Math.floor(Date.now() / 1000)) {
    throw new StripeApiError(401, 'invalid_request_error', `Expired API Key provided: ${masked}`, 'api_key_expired');
  }
  const livemode = /_live_/.test(key);
  const header = req.headers['stripe-account'];
  const target = Array.isArray(header) ? header[0] : header;
  if (target && target !== accountId) {
    // Connect grants only: an app acts for an account with that account's own access token.
    const grant = state.data.connections[target];
    const connected = accountId === state.data.platform.accountId && grant && grant.kind !== 'app';
    if (!connected) {
      throw new StripeApiError(
        403,
        'invalid_request_error',
        `The provided key '${masked}' does not have access to account '${target}' (or that account does not exist). Application access may have been revoked.`,
        'account_invalid',
      );
    }
    return { accountId: target, viaStripeAccount: true, livemode };
  }
  return { accountId, viaStripeAccount: false, livemode };
}

export function createApi(state: EmulatorState, payments: Payments) {
  const routes: { method: string; pattern: RegExp; handle: Handler }[] = [];
  const on = (method: string, pattern: RegExp, handle: Handler) => routes.push({ method, pattern, handle });

  const retrieve = (type: string, what: string) => (r: ApiRequest, m: RegExpMatchArray) => {
    const found = state.find(r.accountId, m[1], type);
    if (!found) throw noSuch(what, m[1]);
    return expand(state, r.accountId, publicView(found), r.params.expand);
  };
  const list =
    (type: string, url: string, what: string, filters: Record<string, (o: StripeObject, v: any) => boolean> = {}) =>
    (r: ApiRequest) => {
      let objects = state.list(r.accountId, type);
      for (const [param, test] of Object.entries(filters)) {
        const value = r.params[param];
        if (value !== undefined && value !== '') objects = objects.filter((o) => test(o, value));
      }
      const page = paginate(objects, r.params, url, what);
      page.data = page.data.map(publicView);
      return expand(state, r.accountId, page, r.params.expand) as ListObject;
    };

  on('GET', /^\/v1\/account$/, (r) => state.account(r.accountId)!.account);
  on('GET', /^\/v1\/accounts\/([^/]+)$/, (r, m) => {
    if (m[1] !== r.accountId && !state.data.connections[m[1]]) throw noSuch('account', m[1], 'account');
    return state.account(m[1])!.account;
  });

  // Webhook endpoints: the secret is in the response to the creation only.
  on('POST', /^\/v1\/webhook_endpoints$/, (r) => {
    if (r.viaStripeAccount) throw new StripeApiError(400, 'invalid_request_error', WEBHOOK_ON_CONNECTED_ACCOUNT);
    const p = r.params;
    if (!p.url) throw missingParam('url');
    const events = asArray(p.enabled_events);
    if (events.length === 0) throw missingParam('enabled_events');
    try {
      const u = new URL(String(p.url));
      if (!['http:', 'https:'].includes(u.protocol)) throw new Error();
    } catch {
      throw invalidParam('url', 'Invalid URL: URL must be publicly accessible. Consider using a tool like the Stripe CLI to test webhooks locally: https://github.com/stripe/stripe-cli');
    }
    const connect = p.connect === true || p.connect === 'true';
    const we = webhookEndpointObject({
      url: String(p.url),
      enabledEvents: events,
      apiVersion: p.api_version ? String(p.api_version) : null,
      description: p.description ? String(p.description) : null,
      metadata: (p.metadata as Record<string, string>) ?? {},
      connect,
      livemode: r.livemode,
      created: nowSeconds(),
    });
    we.secret = `whsec_${newId('x', 32).slice(2)}`;
    state.insert(r.accountId, we);
    return { ...publicView(we), secret: we.secret };
  });
  on('GET', /^\/v1\/webhook_endpoints$/, list('webhook_endpoint', '/v1/webhook_endpoints', 'webhook endpoint'));
  on('GET', /^\/v1\/webhook_endpoints\/([^/]+)$/, retrieve('webhook_endpoint', 'webhook endpoint'));
  on('POST', /^\/v1\/webhook_endpoints\/([^/]+)$/, (r, m) => {
    const we = state.find(r.accountId, m[1], 'webhook_endpoint');
    if (!we) throw noSuch('webhook endpoint', m[1]);
    if (r.params.url) we.url = String(r.params.url);
    if (r.params.enabled_events !== undefined) we.enabled_events = asArray(r.params.enabled_events);
    if (r.params.disabled !== undefined) we.status = r.params.disabled === 'true' || r.params.disabled === true ? 'disabled' : 'enabled';
    if (r.params.description !== undefined) we.description = String(r.params.description) || null;
    state.save();
    return publicView(we);
  });
  on('DELETE', /^\/v1\/webhook_endpoints\/([^/]+)$/, (r, m) => {
    const we = state.find(r.accountId, m[1], 'webhook_endpoint');
    if (!we) throw noSuch('webhook endpoint', m[1]);
    state.remove(r.accountId, we);
    return { id: we.id, object: 'webhook_endpoint', deleted: true };
  });

  const eq = (field: string) => (o: StripeObject, v: unknown) => o[field] === v;
  on('GET', /^\/v1\/charges$/, list('charge', '/v1/charges', 'charge', { customer: eq('customer'), payment_intent: eq('payment_intent') }));
  on('GET', /^\/v1\/charges\/([^/]+)$/, retrieve('charge', 'charge'));
  on('GET', /^\/v1\/payment_intents$/, list('payment_intent', '/v1/payment_intents', 'payment_intent', { customer: eq('customer') }));
  on('GET', /^\/v1\/payment_intents\/([^/]+)$/, retrieve('payment_intent', 'payment_intent'));
  on('GET', /^\/v1\/checkout\/sessions$/, list('checkout.session', '/v1/checkout/sessions', 'checkout.session', { payment_intent: eq('payment_intent'), subscription: eq('subscription'), customer: eq('customer') }));
  on('GET', /^\/v1\/checkout\/sessions\/([^/]+)$/, retrieve('checkout.session', 'checkout.session'));
  on('GET', /^\/v1\/invoices$/, list('invoice', '/v1/invoices', 'invoice', {
    customer: eq('customer'),
    status: eq('status'),
    subscription: (o, v) => o.parent?.subscription_details?.subscription === v,
  }));
  on('GET', /^\/v1\/invoices\/([^/]+)$/, retrieve('invoice', 'invoice'));
  on('GET', /^\/v1\/invoice_payments$/, list('invoice_payment', '/v1/invoice_payments', 'invoice_payment', {
    invoice: eq('invoice'),
    payment: (o, v) => !v?.payment_intent || o.payment?.payment_intent === v.payment_intent,
    status: eq('status'),
  }));
  on('GET', /^\/v1\/invoice_payments\/([^/]+)$/, retrieve('invoice_payment', 'invoice_payment'));
  on('GET', /^\/v1\/subscriptions$/, list('subscription', '/v1/subscriptions', 'subscription', { customer: eq('customer'), status: (o, v) => v === 'all' || o.status === v }));
  on('GET', /^\/v1\/subscriptions\/([^/]+)$/, retrieve('subscription', 'subscription'));
  on('GET', /^\/v1\/customers$/, list('customer', '/v1/customers', 'customer', { email: eq('email') }));
  on('GET', /^\/v1\/customers\/([^/]+)$/, retrieve('customer', 'customer'));
  on('POST', /^\/v1\/customers$/, (r) =>
    state.insert(r.accountId, customerObject({ email: r.params.email ?? null, name: r.params.name ?? null, metadata: r.params.metadata ?? {}, created: nowSeconds(), livemode: r.livemode })),
  );
  on('GET', /^\/v1\/balance_transactions$/, list('balance_transaction', '/v1/balance_transactions', 'balance transaction', { source: eq('source'), type: eq('type') }));
  on('GET', /^\/v1\/balance_transactions\/([^/]+)$/, retrieve('balance_transaction', 'balance transaction'));
  on('GET', /^\/v1\/refunds$/, list('refund', '/v1/refunds', 'refund', { charge: eq('charge'), payment_intent: eq('payment_intent') }));
  on('GET', /^\/v1\/refunds\/([^/]+)$/, retrieve('refund', 'refund'));
  on('POST', /^\/v1\/refunds$/, (r) => {
    let chargeId = r.params.charge as string | undefined;
    if (!chargeId && r.params.payment_intent) chargeId = state.find(r.accountId, String(r.params.payment_intent), 'payment_intent')?.latest_charge;
    if (!chargeId) throw new StripeApiError(400, 'invalid_request_error', 'One of the following params should be provided for this request: payment_intent or charge.');
    const amount = r.params.amount !== undefined ? Number(r.params.amount) : undefined;
    return payments.refund(r.accountId, chargeId, amount, r.params.reason ? String(r.params.reason) : null).refund;
  });
  on('GET', /^\/v1\/events$/, list('event', '/v1/events', 'event', { type: (o, v) => matchesType(o.type, String(v)), types: (o, v) => asArray(v).some((t) => matchesType(o.type, t)) }));
  on('GET', /^\/v1\/events\/([^/]+)$/, retrieve('event', 'event'));

  return function handleApi(req: ApiRequest): unknown {
    const matching = routes.filter((r) => r.pattern.test(req.path));
    const route = matching.find((r) => r.method === req.method);
    if (!route) {
      throw new StripeApiError(
        404,
        'invalid_request_error',
        `Unrecognized request URL (${req.method}: ${req.path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
      );
    }
    return route.handle(req, req.path.match(route.pattern)!);
  };
}

/** `type=charge.*` matches by prefix, as Stripe's event list filter does. */
function matchesType(type: string, filter: string): boolean {
  return filter.endsWith('.*') ? type.startsWith(filter.slice(0, -1)) : type === filter;
}

/** An object as the API returns it: without emulator-internal fields. */
function publicView(o: StripeObject): StripeObject {
  if (o.object !== 'webhook_endpoint') return o;
  const { secret: _secret, connect: _connect, ...rest } = o;
  return { ...rest, api_version: rest.api_version ?? null };
}

