import { execFile } from 'node:child_process';
import http from 'node:http';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError } from '@/lib/authz';
import { open } from '@/lib/crypto/secrets';
import { prisma } from '@/lib/db/client';
import { listRecentDeliveries, listRejectionCounts, listUnattributedPayments, rerunInboxEvent } from '@/lib/stripe/diagnostics';
import { HANDLED_EVENT_TYPES } from '@/lib/stripe/handlers';
import { inboxWorker } from '@/lib/stripe/inbox/worker';
import { createWebhookEndpoint, dropOldWebhookSecrets, getStripeIntegration, saveStripeSettings } from '@/lib/stripe/settings';
import { actorOf, makeTenant } from '../helpers/factories';
import { charge, event, refund, signedHeader, startWebhookServer, uid } from '../helpers/stripe-events';

// Self-hosted set-up, CLI and diagnostics. Stripe's API is stood in for by a small local server
// answering the two calls used here in Stripe's wire format (GET /v1/account, POST /v1/webhook_endpoints);
// the shared Stripe emulator replaces it once it lands.

const GOOD_KEY = 'sk_test_goodkey123';
const RESTRICTED_NO_WEBHOOKS = 'rk_test_readonly123';
const created: URLSearchParams[] = [];
let stripeApi: http.Server;
let webhooks: Awaited<ReturnType<typeof startWebhookServer>>;
const endpointFixture = JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/stripe/webhook_endpoint.json'), 'utf8'));

function stripeError(res: http.ServerResponse, status: number, type: string, message: string) {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${uid()}` }).end(JSON.stringify({ error: { type, message } }));
}

beforeAll(async () => {
  stripeApi = http.createServer((req, res) => {
    const key = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (key !== GOOD_KEY && key !== RESTRICTED_NO_WEBHOOKS) return stripeError(res, 401, 'invalid_request_error', `Invalid API Key provided: ${key.slice(0, 8)}***`);
      res.setHeader('request-id', `req_${uid()}`);
      if (req.method === 'GET' && req.url === '/v1/account') {
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'acct_selfhosted1', object: 'account', settings: { dashboard: { display_name: 'Shop Inc' } }, business_profile: { name: null } }));
      }
      if (req.method === 'POST' && req.url === '/v1/webhook_endpoints') {
        if (key === RESTRICTED_NO_WEBHOOKS) return stripeError(res, 403, 'invalid_request_error', 'The provided key does not have the required permissions for this endpoint.');
        const params = new URLSearchParams(body);
        created.push(params);
        const enabled = [...params.entries()].filter(([k]) => k.startsWith('enabled_events')).map(([, v]) => v);
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({ ...endpointFixture, id: `we_${uid()}`, url: params.get('url'), enabled_events: enabled, api_version: params.get('api_version'), secret: `whsec_created${uid()}` }),
        );
      }
      stripeError(res, 404, 'invalid_request_error', `Unrecognized request URL (${req.method}: ${req.url})`);
    });
  });
  await new Promise<void>((r) => stripeApi.listen(0, '127.0.0.1', r));
  process.env.STRIPE_API_BASE = `http://127.0.0.1:${(stripeApi.address() as AddressInfo).port}`;
  webhooks = await startWebhookServer();
  inboxWorker().start();
});

afterAll(async () => {
  await inboxWorker().stop();
  await webhooks.close();
  await new Promise((r) => stripeApi.close(r));
});

describe('saveStripeSettings', () => {
  it('checks the key with Stripe, seals it, and never shows it in full', async () => {
    const { project, byRole } = await makeTenant(['owner']);
    const result = await saveStripeSettings(actorOf(byRole.owner!), project.id, { secretKey: GOOD_KEY, webhookSecret: 'whsec_first123' });
    expect(result.connection).toMatchObject({ stripeAccountId: 'acct_selfhosted1', accountName: 'Shop Inc', livemode: false, secretKey: 'sk_test_…y123', webhookSecrets: ['whsec_…t123'] });
    expect(JSON.stringify(result)).not.toContain(GOOD_KEY);
    const row = await prisma().stripeConnection.findUniqueOrThrow({ where: { projectId: project.id } });
    expect(row.secretKey).not.toContain(GOOD_KEY);
    expect(open(row.secretKey!)).toBe(GOOD_KEY);
    expect(result.webhookUrl).toMatch(new RegExp(`/webhooks/stripe/${project.id}$`));
  });

  it('saves nothing when Stripe rejects the key, is unreachable, or the input is malformed', async () => {
    const { project, byRole } = await makeTenant(['owner']);
    const actor = actorOf(byRole.owner!);
    await expect(saveStripeSettings(actor, project.id, { secretKey: 'sk_test_wrongkey', webhookSecret: 'whsec_x1' })).rejects.toThrow(/Stripe rejected this key/);
    await expect(saveStripeSettings(actor, project.id, { secretKey: 'pk_test_publishable' })).rejects.toThrow(/secret key/);
    await expect(saveStripeSettings(actor, project.id, { webhookSecret: 'nope' })).rejects.toThrow(/whsec_/);
    const base = process.env.STRIPE_API_BASE;
    process.env.STRIPE_API_BASE = 'http://127.0.0.1:9'; // nothing listens
    try {
      await expect(saveStripeSettings(actor, project.id, { secretKey: GOOD_KEY })).rejects.toThrow(/Could not reach Stripe/);
    } finally {
      process.env.STRIPE_API_BASE = base;
    }
    expect(await prisma().stripeConnection.findUnique({ where: { projectId: project.id } })).toBeNull();
  });

  it('lets only owners and admins change it, and hides other tenants', async () => {
    const { project, byRole } = await makeTenant(['owner', 'viewer']);
    const stranger = await makeTenant(['owner']);
    await expect(saveStripeSettings(actorOf(byRole.viewer!), project.id, { webhookSecret: 'whsec_v1' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveStripeSettings(actorOf(stranger.byRole.owner!), project.id, { webhookSecret: 'whsec_v1' })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getStripeIntegration(actorOf(byRole.viewer!), project.id)).canManage).toBe(false);
  });

  it('keeps the previous webhook secret valid during a roll until the roll is finished', async () => {
    const { project, byRole } = await makeTenant(['owner']);
    const actor = actorOf(byRole.owner!);
    await saveStripeSettings(actor, project.id, { webhookSecret: 'whsec_old1' });
    const rolled = await saveStripeSettings(actor, project.id, { webhookSecret: 'whsec_new2' });
    expect(rolled.connection?.webhookSecrets).toEqual(['whsec_…new2', 'whsec_…old1']);
    const body = JSON.stringify(event('charge.succeeded', charge()));
    expect((await webhooks.post(project.id, body, { 'stripe-signature': signedHeader(body, 'whsec_old1') })).status).toBe(200);
    await dropOldWebhookSecrets(actor, project.id);
    const body2 = JSON.stringify(event('charge.succeeded', charge()));
    expect((await webhooks.post(project.id, body2, { 'stripe-signature': signedHeader(body2, 'whsec_old1') })).status).toBe(400);
    expect((await webhooks.post(project.id, body2, { 'stripe-signature': signedHeader(body2, 'whsec_new2') })).status).toBe(200);
  });
});

describe('the verified account', () => {
  it('takes over what arrived before the key was saved: a later refund finds its payment, a redelivery stays a duplicate', async () => {
    const { project, byRole } = await makeTenant(['owner']);
    const actor = actorOf(byRole.owner!);
    await saveStripeSettings(actor, project.id, { webhookSecret: 'whsec_early1' });
    const post = async (evt: object) => {
      const body = JSON.stringify(evt);
      const r = await webhooks.post(project.id, body, { 'stripe-signature': signedHeader(body, 'whsec_early1') });
      await inboxWorker().idle();
      return r;
    };
    const c = charge({ amount: 1200 });
    const early = event('charge.succeeded', c);
    expect((await post(early)).status).toBe(200);
    // Before the key, no account is verified: an event naming one is refused.
    expect((await post(event('charge.succeeded', charge(), { account: 'acct_selfhosted1' }))).body).toMatchObject({ reason: 'account_mismatch' });
    await saveStripeSettings(actor, project.id, { secretKey: GOOD_KEY });
    const payment = await prisma().payment.findFirstOrThrow({ where: { projectId: project.id } });
    expect(payment.stripeAccount).toBe('acct_selfhosted1');
    expect(await prisma().stripeEvent.findMany({ where: { projectId: project.id }, select: { stripeAccount: true } })).toEqual([{ stripeAccount: 'acct_selfhosted1' }]);
    expect((await post(event('refund.created', refund({ amount: 200, charge: c.id, pi: c.payment_intent }), { account: 'acct_selfhosted1' }))).status).toBe(200);
    expect((await prisma().payment.findUniqueOrThrow({ where: { id: payment.id } })).amountRefunded).toBe(200n);
    expect((await post(early)).body).toEqual({ received: true, duplicate: true });
    expect(await prisma().payment.count({ where: { projectId: project.id } })).toBe(1);
  });
});

describe('createWebhookEndpoint', () => {
  it('creates the endpoint with the handled events and pinned API version, and its secret verifies deliveries', async () => {
    const { project, byRole } = await makeTenant(['owner']);
    const actor = actorOf(byRole.owner!);
    await saveStripeSettings(actor, project.id, { secretKey: GOOD_KEY });
    const { endpointId, url } = await createWebhookEndpoint(actor, project.id);
    const sent = created.at(-1)!;
    expect(sent.get('url')).toBe(url);
    expect(url).toMatch(new RegExp(`/webhooks/stripe/${project.id}$`));
    expect([...sent.entries()].filter(([k]) => k.startsWith('enabled_events')).map(([, v]) => v).sort()).toEqual([...HANDLED_EVENT_TYPES].sort());
    expect(sent.get('api_version')).toMatch(/^\d{4}-\d{2}-\d{2}\./);
    const row = await prisma().stripeConnection.findUniqueOrThrow({ where: { projectId: project.id } });
    expect(row.webhookEndpointId).toBe(endpointId);
    const secret = open(row.webhookSecrets[0]);
    const body = JSON.stringify(event('charge.succeeded', charge()));
    expect((await webhooks.post(project.id, body, { 'stripe-signature': signedHeader(body, secret) })).status).toBe(200);
  });

  it('explains when the key may not create endpoints', async () => {
    const { project, byRole } = await makeTenant(['owner']);
    const actor = actorOf(byRole.owner!);
    await saveStripeSettings(actor, project.id, { secretKey: RESTRICTED_NO_WEBHOOKS });
    await expect(createWebhookEndpoint(actor, project.id)).rejects.toThrow(/may not create webhook endpoints/);
  });
});

/** Runs the real CLI (tsx cli/index.ts) against the test database and the local Stripe stand-in. */
async function zori(...args: string[]) {
  const root = path.resolve(import.meta.dirname, '../..');
  try {
    const { stdout, stderr } = await promisify(execFile)(path.join(root, 'node_modules/.bin/tsx'), ['cli/index.ts', ...args], { cwd: root, env: process.env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// Each test starts the real CLI several times (a tsx process each): seconds apiece on a busy machine.
const CLI_TIMEOUT = 120_000;

describe('zori stripe set', () => {
  it('saves a webhook secret and a checked key, printing only masked secrets', async () => {
    const { project } = await makeTenant(['owner']);
    const run = await zori('stripe', 'set', '--project', project.id, '--webhook-secret', 'whsec_fromcli9', '--secret-key', GOOD_KEY);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toContain('whsec_…cli9');
    expect(run.stdout).toContain('acct_selfhosted1');
    expect(run.stdout).not.toContain('whsec_fromcli9');
    expect(run.stdout).not.toContain(GOOD_KEY);
    const stored = await prisma().stripeConnection.findUniqueOrThrow({ where: { projectId: project.id } });
    expect(open(stored.webhookSecrets[0])).toBe('whsec_fromcli9');
  }, CLI_TIMEOUT);

  it('rejects bad flags and malformed secrets (exit 2) and unknown projects (exit 1), saving nothing', async () => {
    const { project } = await makeTenant(['owner']);
    expect((await zori('stripe', 'set', '--webhook-secret', 'whsec_x')).code).toBe(2);
    expect((await zori('stripe', 'set', '--project', project.id, '--bogus')).code).toBe(2);
    expect((await zori('stripe', 'set', '--project', project.id)).code).toBe(2);
    const bad = await zori('stripe', 'set', '--project', project.id, '--webhook-secret', 'secret');
    expect(bad.code).toBe(2); // a malformed flag value is a usage error, like any other bad flag
    expect(bad.stderr).toMatch(/whsec_/);
    const unknown = await zori('stripe', 'set', '--project', 'nope', '--webhook-secret', 'whsec_abc');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/not found/i);
    expect(await prisma().stripeConnection.findUnique({ where: { projectId: project.id } })).toBeNull();
  }, CLI_TIMEOUT);
});

describe('diagnostics', () => {
  it('lists deliveries with errors, re-runs a failed one, counts rejections and explains unattributed payments', async () => {
    const { project, byRole } = await makeTenant(['owner', 'viewer']);
    const owner = actorOf(byRole.owner!);
    await saveStripeSettings(owner, project.id, { webhookSecret: 'whsec_diag1' });
    const post = async (evt: object, secret = 'whsec_diag1') => {
      const body = JSON.stringify(evt);
      const r = await webhooks.post(project.id, body, { 'stripe-signature': signedHeader(body, secret) });
      await inboxWorker().idle();
      return r;
    };
    const c = charge({ amount: 500 });
    await post(event('refund.created', refund({ amount: 500, charge: c.id, pi: c.payment_intent })));
    await post(event('charge.succeeded', c));
    await post(event('charge.succeeded', charge()), 'whsec_wrong');
    const deliveries = await listRecentDeliveries(actorOf(byRole.viewer!), project.id);
    const failed = deliveries.find((d) => d.type === 'refund.created')!;
    expect(failed).toMatchObject({ status: 'failed' });
    expect(failed.lastError).toMatch(/No payment recorded yet/);
    await expect(rerunInboxEvent(actorOf(byRole.viewer!), project.id, failed.id)).rejects.toBeInstanceOf(ForbiddenError);
    await rerunInboxEvent(owner, project.id, failed.id);
    await inboxWorker().idle();
    expect((await listRecentDeliveries(owner, project.id)).find((d) => d.id === failed.id)).toMatchObject({ status: 'processed', lastError: null });
    expect((await prisma().payment.findFirstOrThrow({ where: { projectId: project.id } })).amountRefunded).toBe(500n);
    expect((await listRejectionCounts(owner, project.id)).map((r) => [r.reason, r.count])).toEqual([['bad_signature', 1]]);
    const [unattributed] = await listUnattributedPayments(owner, project.id);
    expect(unattributed.attributionStatus).toBe('no_visitor_id');
    expect(unattributed.fix.fix).toMatch(/payment_intent_data\.metadata/);
  });
});
