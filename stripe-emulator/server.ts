import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { authenticate, createApi } from './api';
import { Deliverer } from './delivery';
import { StripeApiError, readBody, readParams, sendApiError, sendJson } from './http';
import { createApps } from './apps';
import { createOAuth } from './oauth';
import { Payments } from './payments';
import { EmulatorState } from './state';

// The local Stripe emulator: one HTTP server for the API (/v1), Connect OAuth (/oauth) and a
// control API (/_emulator) that makes payments happen. See README "Stripe emulator".

export type EmulatorOptions = {
  port?: number;
  host?: string;
  /** The platform's Connect client id (ca_…) and secret key. */
  clientId?: string;
  platformKey?: string;
  platformName?: string;
  /** Delays between delivery retries; Stripe's are hours, tests want milliseconds. */
  retryDelaysMs?: number[];
  /** JSON file the state is kept in across restarts. */
  stateFile?: string;
  /** Open an account for any well-formed unknown secret key (offline development). */
  acceptAnyKey?: boolean;
  /** The Zori Stripe App's OAuth client id (install links) and its access tokens' lifetime. */
  appClientId?: string;
  appName?: string;
  appPermissions?: string[];
  accessTokenTtlSeconds?: number;
  log?: (line: string) => void;
};

const paymentSchema = z.object({
  account: z.string().min(1),
  amount: z.number().int().positive(),
  currency: z.string().regex(/^[a-zA-Z]{3}$/, 'a three-letter ISO currency code'),
  visitorId: z.string().min(1).max(200).nullish(),
  mode: z.enum(['payment', 'checkout', 'subscription', 'checkout_subscription']).default('payment'),
  email: z.string().email().nullish(),
  created: z.number().int().positive().optional(),
  interval: z.enum(['month', 'year']).optional(),
});
const accountSchema = z.object({ id: z.string().regex(/^acct_\w+$/).optional(), name: z.string().min(1).default('Emulated Shop'), email: z.string().email().optional(), secretKey: z.string().regex(/^sk_(test|live)_\w+$/).optional() });
const refundSchema = z.object({ amount: z.number().int().positive().optional(), reason: z.string().optional() });
const renewSchema = z.object({ created: z.number().int().positive().optional() });
const rateLimitSchema = z.object({ count: z.number().int().min(0).max(1000), after: z.number().int().min(0).max(100000).default(0) });

export type Emulator = { url: string; port: number; state: EmulatorState; settled: () => Promise<void>; close: () => Promise<void> };

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const log = opts.log ?? (() => {});
  const state = new EmulatorState(
    { clientId: opts.clientId ?? 'ca_emulator0000000000000000', platformKey: opts.platformKey ?? 'sk_test_emulator_platform_key', platformName: opts.platformName ?? 'Zori' },
    opts.stateFile,
  );
  const deliverer = new Deliverer(state, opts.retryDelaysMs ?? [1_000, 5_000, 30_000, 120_000], log);
  const payments = new Payments(state, deliverer);
  const oauth = createOAuth(state, deliverer);
  const apps = createApps(state, deliverer, {
    clientId: opts.appClientId ?? 'ca_emulatorapp000000000000',
    name: opts.appName ?? opts.platformName ?? 'Zori',
    permissions: opts.appPermissions ?? ['charge_read', 'checkout_session_read', 'customer_read', 'invoice_read', 'subscription_read', 'event_read'],
    accessTokenTtlSeconds: opts.accessTokenTtlSeconds ?? 3600,
  });
  const api = createApi(state, payments);
  // The next `rateLimited` /v1 requests, after `rateLimitAfter` more that pass, answer 429.
  let rateLimited = 0;
  let rateLimitAfter = 0;

  async function control(req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void> {
    const text = req.method === 'POST' ? await readBody(req) : '';
    const body = text ? JSON.parse(text) : {};
    const owner = (id: string) => {
      const account = typeof body.account === 'string' ? body.account : state.ownerOf(id);
      if (!account) throw new StripeApiError(404, 'invalid_request_error', `No such object: '${id}'`, 'resource_missing', 'id');
      return account;
    };
    let m: RegExpMatchArray | null;
    if (req.method === 'GET' && path === '/_emulator/state') {
      return sendJson(res, 200, {
        platform: { accountId: state.data.platform.accountId, clientId: state.data.platform.clientId },
        accounts: Object.values(state.data.accounts).map((a) => ({ id: a.account.id, name: a.account.settings.dashboard.display_name, connected: Boolean(state.data.connections[a.account.id]) })),
      });
    }
    if (req.method === 'GET' && path === '/_emulator/deliveries') return sendJson(res, 200, { data: state.data.deliveries });
    if (req.method === 'POST' && path === '/_emulator/settle') {
      await deliverer.idle();
      return sendJson(res, 200, { settled: true });
    }
    if (req.method === 'POST' && path === '/_emulator/accounts') {
      const a = accountSchema.parse(body);
      const secretKey = a.secretKey ?? `sk_test_${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
      return sendJson(res, 200, { account: state.createAccount({ ...a, secretKey }), secretKey });
    }
    if (req.method === 'POST' && path === '/_emulator/payments') return sendJson(res, 200, payments.create(paymentSchema.parse(body)));
    if (req.method === 'POST' && (m = path.match(/^\/_emulator\/subscriptions\/([^/]+)\/renew$/))) {
      return sendJson(res, 200, payments.renew(owner(m[1]), m[1], renewSchema.parse(body).created));
    }
    if (req.method === 'POST' && (m = path.match(/^\/_emulator\/charges\/([^/]+)\/refund$/))) {
      const r = refundSchema.parse(body);
      return sendJson(res, 200, payments.refund(owner(m[1]), m[1], r.amount, r.reason ?? null));
    }
    if (req.method === 'POST' && (m = path.match(/^\/_emulator\/accounts\/([^/]+)\/uninstall$/))) {
      if (state.data.connections[m[1]]?.kind !== 'app') throw new StripeApiError(400, 'invalid_request_error', `The app is not installed on account ${m[1]}.`);
      apps.uninstall(m[1]);
      return sendJson(res, 200, { stripe_user_id: m[1] });
    }
    if (req.method === 'POST' && (m = path.match(/^\/_emulator\/accounts\/([^/]+)\/expire-access-token$/))) {
      if (!apps.expireAccessToken(m[1])) throw new StripeApiError(400, 'invalid_request_error', `The app is not installed on account ${m[1]}.`);
      return sendJson(res, 200, { expired: true });
    }
    if (req.method === 'GET' && path === '/_emulator/apps') return sendJson(res, 200, { refreshCount: state.data.refreshCount ?? 0 });
    if (req.method === 'POST' && (m = path.match(/^\/_emulator\/accounts\/([^/]+)\/deauthorize$/))) {
      if (!state.data.connections[m[1]]) throw new StripeApiError(400, 'invalid_request_error', `Account ${m[1]} is not connected to the platform.`);
      oauth.revoke(m[1]);
      return sendJson(res, 200, { stripe_user_id: m[1] });
    }
    if (req.method === 'POST' && path === '/_emulator/rate-limit') {
      const r = rateLimitSchema.parse(body);
      rateLimited = r.count;
      rateLimitAfter = r.after;
      return sendJson(res, 200, r);
    }
    throw new StripeApiError(404, 'invalid_request_error', `Unrecognized emulator control URL (${req.method}: ${path}).`);
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    log(`${req.method} ${path}`);
    if (path.startsWith('/_emulator/')) return control(req, res, path);
    if (path === '/oauth/authorize' && req.method === 'GET') return oauth.consentPage(res, await readParams(req, url));
    if (path === '/oauth/authorize/decision' && req.method === 'POST') return oauth.decision(res, await readParams(req, url));
    if (path === '/oauth/token' && req.method === 'POST') {
      const p = await readParams(req, url);
      return oauth.handleJson(res, () => oauth.token(req, p));
    }
    // Stripe Apps: the install link (live, or a test link with its chnlink_… segment) and the token endpoint.
    let link: RegExpMatchArray | null;
    if ((link = path.match(/^(\/oauth\/v2(?:\/chnlink_\w+)?\/authorize)$/)) && req.method === 'GET') return apps.installPage(res, await readParams(req, url), link[1]);
    if (path.match(/^\/oauth\/v2(?:\/chnlink_\w+)?\/authorize\/decision$/) && req.method === 'POST') return apps.decision(res, await readParams(req, url));
    if (path === '/v1/oauth/token' && req.method === 'POST') {
      const p = await readParams(req, url);
      return apps.handleJson(res, () => apps.token(req, p));
    }
    if (path === '/oauth/deauthorize' && req.method === 'POST') {
      const p = await readParams(req, url);
      return oauth.handleJson(res, () => oauth.deauthorize(req, p));
    }
    if (path.startsWith('/v1/')) {
      const auth = authenticate(state, req, { acceptAnyKey: opts.acceptAnyKey ?? false });
      if (rateLimitAfter > 0) rateLimitAfter -= 1;
      else if (rateLimited > 0) {
        rateLimited -= 1;
        throw new StripeApiError(429, 'invalid_request_error', 'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.', 'rate_limit');
      }
      const params = await readParams(req, url);
      return sendJson(res, 200, api({ method: req.method ?? 'GET', path, params, ...auth }));
    }
    throw new StripeApiError(404, 'invalid_request_error', `Unrecognized request URL (${req.method}: ${path}).`);
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((err) => {
      if (res.headersSent) return res.end();
      if (err instanceof StripeApiError) return sendApiError(res, err);
      if (err instanceof z.ZodError) return sendApiError(res, new StripeApiError(400, 'invalid_request_error', err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), 'parameter_invalid', String(err.issues[0]?.path[0] ?? '')));
      if (err instanceof SyntaxError) return sendApiError(res, new StripeApiError(400, 'invalid_request_error', `Invalid JSON body: ${err.message}`));
      log(`internal error: ${(err as Error).stack}`);
      sendApiError(res, new StripeApiError(500, 'api_error', 'An unknown error occurred in the emulator.'));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    port,
    state,
    settled: () => deliverer.idle(),
    close: async () => {
      deliverer.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
