import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeProject, ForbiddenError, NotFoundError, type Actor } from '@/lib/authz';
import { open } from '@/lib/crypto/secrets';
import { prisma } from '@/lib/db/client';
import { processInboxEvent } from '@/lib/stripe/inbox/process';
import { completeConnection, confirmMove, connectionView, disconnect } from '@/lib/stripe/connect/connections';
import { beginConnect, finishConnect } from '@/lib/stripe/connect/flow';
import { importStatus, runImport, startImport } from '@/lib/stripe/connect/history-import';
import { ConnectOAuthError, exchangeCode } from '@/lib/stripe/connect/oauth-client';
import { consumeState, issueState, OAuthStateError } from '@/lib/stripe/connect/oauth-state';
import { ensurePlatformWebhook } from '@/lib/stripe/connect/platform-webhook';
import type { Emulator } from '@/stripe-emulator/server';
import { stripeConnectWebhookRoute } from '@/server/routes/stripe-connect-webhook';
import { actorOf, makeTenant } from '../helpers/factories';
import { CLIENT_ID, consent, control, PLATFORM_KEY, startStripe } from '../helpers/stripe-emulator';

// Connect Stripe end to end below the browser: Zori's lib against the Stripe emulator over real
// HTTP (OAuth consent, token exchange, webhook registration and signed deliveries to the real lean
// route), on the real test database.

let emulator: Emulator;
let zori: http.Server;

beforeAll(async () => {
  emulator = await startStripe();
  zori = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://zori.test');
    if (!stripeConnectWebhookRoute.match(url.pathname)) return void res.writeHead(404).end();
    void stripeConnectWebhookRoute.handle(req, res, url);
  });
  await new Promise<void>((r) => zori.listen(0, '127.0.0.1', r));
  process.env.ZORI_PUBLIC_URL = `http://127.0.0.1:${(zori.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await emulator?.close();
  await new Promise((r) => zori?.close(r));
});

const platform = () => new Stripe(PLATFORM_KEY, { host: '127.0.0.1', port: emulator.port, protocol: 'http', maxNetworkRetries: 0 });

/** The whole Connect flow for one user and project; returns the callback's redirect and the account id. */
async function connect(actor: Actor, email: string, projectId: string, opts: { account?: string; name?: string } = {}) {
  const url = await beginConnect(actor, email, projectId);
  const query = await consent(url, 'allow', opts);
  const target = await finishConnect(actor, query);
  const row = await prisma().stripeConnection.findUnique({ where: { projectId } });
  return { target, query, stripeAccount: row?.stripeAccountId ?? null };
}

async function waitForImport(projectId: string) {
  for (let i = 0; i < 200; i++) {
    const job = await prisma().stripeImportJob.findFirst({ where: { projectId }, orderBy: { startedAt: 'desc' } });
    if (job && job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

describe('connecting a project', () => {
  it('builds Stripe’s authorize URL and stores the connection with sealed tokens after consent', async () => {
    const { project, byRole } = await makeTenant(['owner']);
    const owner = byRole.owner!;
    const url = new URL(await beginConnect(actorOf(owner), owner.email, project.id));
    expect(`${url.origin}${url.pathname}`).toBe(`${emulator.url}/oauth/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: CLIENT_ID,
      scope: 'read_only',
      redirect_uri: `${process.env.ZORI_PUBLIC_URL}/api/stripe/connect/callback`,
      'stripe_user[email]': owner.email,
    });
    const query = await consent(url.toString(), 'allow', { name: 'Owner Shop' });
    expect(await finishConnect(actorOf(owner), query)).toBe(`/projects/${project.id}/settings/integrations?stripe=connected`);

    const row = await prisma().stripeConnection.findUniqueOrThrow({ where: { projectId: project.id } });
    expect(row).toMatchObject({ kind: 'connect', status: 'active', accountName: 'Owner Shop', livemode: false, scope: 'read_only', connectedById: owner.id });
    expect(row.stripeAccountId).toMatch(/^acct_/);
    expect(row.accessToken).not.toMatch(/sk_test_/);
    expect(open(row.accessToken!)).toMatch(/^sk_test_/);
    expect(open(row.refreshToken!)).toMatch(/^rt_/);
    const view = await connectionView(await authorizeProject(actorOf(owner), project.id, 'manage'));
    expect(view).toMatchObject({ state: 'connected', stripeAccountId: row.stripeAccountId, accountName: 'Owner Shop', connectedBy: owner.email });
    expect(JSON.stringify(view)).not.toContain('sk_test_');

    // The platform's Connect endpoint now exists on Stripe, once, with its secret sealed here.
    const endpoints = await platform().webhookEndpoints.list();
    expect(endpoints.data.filter((w) => w.url === `${process.env.ZORI_PUBLIC_URL}/webhooks/stripe/connect`)).toHaveLength(1);
    expect((await ensurePlatformWebhook()).created).toBe(false);
    expect(await waitForImport(project.id)).toMatchObject({ status: 'done' });
  });

  it('shows Stripe’s access_denied as a denial and stores nothing', async () => {
    const { project, byRole } = await makeTenant(['owner']);
    const query = await consent(await beginConnect(actorOf(byRole.owner!), null, project.id), 'deny');
    expect(query.error).toBe('access_denied');
    expect(await finishConnect(actorOf(byRole.owner!), query)).toBe(`/projects/${project.id}/settings/integrations?stripe=denied`);
    expect(await prisma().stripeConnection.findUnique({ where: { projectId: project.id } })).toBeNull();
  });
});

describe('the OAuth state', () => {
  it('refuses a missing, forged or tampered state', async () => {
    const { project, org, byRole } = await makeTenant(['owner']);
    const owner = byRole.owner!;
    await expect(consumeState(undefined, owner.id)).rejects.toMatchObject({ reason: 'missing' });
    await expect(consumeState('made.up.state', owner.id)).rejects.toMatchObject({ reason: 'forged' });
    const state = await issueState({ userId: owner.id, organizationId: org.id, projectId: project.id });
    const [nonce, exp, mac] = state.split('.');
    await expect(consumeState(`${nonce}.${exp}.${mac.slice(0, -2)}AA`, owner.id)).rejects.toMatchObject({ reason: 'forged' });
    await expect(consumeState(`${nonce}.${Number(exp) + 60_000}.${mac}`, owner.id)).rejects.toMatchObject({ reason: 'forged' });
    // A refused forgery does not use up the real state.
    await expect(consumeState(state, owner.id)).resolves.toEqual({ userId: owner.id, organizationId: org.id, projectId: project.id });
  });

  it('works once, for 10 minutes, for the user it was made for', async () => {
    const { project, org, byRole } = await makeTenant(['owner', 'admin']);
    const binding = { userId: byRole.owner!.id, organizationId: org.id, projectId: project.id };
    const state = await issueState(binding);
    await expect(consumeState(state, byRole.admin!.id)).rejects.toMatchObject({ reason: 'wrong_user' });
    await consumeState(state, binding.userId);
    await expect(consumeState(state, binding.userId)).rejects.toMatchObject({ reason: 'reused' });
    const old = await issueState(binding, new Date(Date.now() - 11 * 60_000));
    await expect(consumeState(old, binding.userId)).rejects.toBeInstanceOf(OAuthStateError);
    await expect(consumeState(await issueState(binding, new Date(Date.now() - 11 * 60_000)), binding.userId)).rejects.toMatchObject({ reason: 'expired' });
  });

  it('refuses a callback replayed with a used state, after a real consent', async () => {
    const { project, byRole } = await makeTenant(['owner']);
    const { query } = await connect(actorOf(byRole.owner!), byRole.owner!.email!, project.id);
    await waitForImport(project.id);
    await expect(finishConnect(actorOf(byRole.owner!), query)).rejects.toMatchObject({ reason: 'reused' });
  });
});

describe('who may connect', () => {
  it('lets only owners and admins start, and never another tenant', async () => {
    const { project, byRole } = await makeTenant(['owner', 'admin', 'member', 'viewer']);
    const other = await makeTenant(['owner']);
    await expect(beginConnect(actorOf(byRole.admin!), null, project.id)).resolves.toContain('/oauth/authorize');
    await expect(beginConnect(actorOf(byRole.member!), null, project.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(beginConnect(actorOf(byRole.viewer!), null, project.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(beginConnect(actorOf(other.byRole.owner!), null, project.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses the callback of an admin demoted since starting, and stores nothing', async () => {
    const { project, org, byRole } = await makeTenant(['owner', 'admin']);
    const admin = byRole.admin!;
    const url = await beginConnect(actorOf(admin), null, project.id);
    const query = await consent(url, 'allow');
    await prisma().membership.update({ where: { organizationId_userId: { organizationId: org.id, userId: admin.id } }, data: { role: 'member' } });
    await expect(finishConnect(actorOf(admin), query)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await prisma().stripeConnection.findUnique({ where: { projectId: project.id } })).toBeNull();
  });
});

describe('Stripe OAuth errors', () => {
  it('turns invalid_grant into a clear message and a callback error code', async () => {
    const { project, byRole } = await makeTenant(['owner']);
    const url = await beginConnect(actorOf(byRole.owner!), null, project.id);
    const query = await consent(url, 'allow');
    await exchangeCode(query.code); // someone else used the code first
    const err = await exchangeCode(query.code).catch((e) => e);
    expect(err).toBeInstanceOf(ConnectOAuthError);
    expect(err).toMatchObject({ oauthCode: 'invalid_grant' });
    expect(err.message).toContain('already used or has expired');
    expect(await finishConnect(actorOf(byRole.owner!), query)).toBe(`/projects/${project.id}/settings/integrations?stripe=error&code=invalid_grant`);
    expect(await prisma().stripeConnection.findUnique({ where: { projectId: project.id } })).toBeNull();
  });

  it('explains a wrong platform key as invalid_client', async () => {
    const saved = process.env.STRIPE_PLATFORM_SECRET_KEY;
    process.env.STRIPE_PLATFORM_SECRET_KEY = 'sk_test_not_the_platform_key';
    try {
      await expect(exchangeCode('ac_whatever')).rejects.toMatchObject({ oauthCode: 'invalid_client', message: expect.stringContaining('STRIPE_PLATFORM_SECRET_KEY') });
    } finally {
      process.env.STRIPE_PLATFORM_SECRET_KEY = saved;
    }
  });
});

describe('events on the platform Connect endpoint', () => {
  it('routes a connected account’s events to its project, ignores unknown accounts, refuses bad signatures', async () => {
    const { project, byRole } = await makeTenant(['owner']);
    const { stripeAccount } = await connect(actorOf(byRole.owner!), byRole.owner!.email!, project.id);
    await waitForImport(project.id);
    const paid = await control(emulator, '/_emulator/payments', { account: stripeAccount, amount: 4900, currency: 'eur', visitorId: 'zv_twitter' });
    await emulator.settled();
    const stored = await prisma().stripeEvent.findMany({ where: { projectId: project.id, eventId: { in: paid.events } } });
    // The endpoint subscribes to the ingestion events only: payment_intent.succeeded is never sent.
    expect(stored.map((e) => e.type).sort()).toEqual(['charge.succeeded']);
    expect(stored.every((e) => e.stripeAccount === stripeAccount)).toBe(true);
    // Same inbox, handlers and ledger as self-hosted events.
    for (const e of stored) await processInboxEvent(String(e.id));
    const payment = await prisma().payment.findFirstOrThrow({ where: { projectId: project.id, stripeAccount: stripeAccount!, currency: 'eur' }, orderBy: { createdAt: 'desc' } });
    expect([payment.amount, payment.visitorId, payment.visitorIdSource]).toEqual([4900n, 'zv_twitter', expect.any(String)]);

    // An account connected to the platform but to no Zori project: acknowledged, ignored, nothing stored.
    const stranger = await platform().oauth.token({ grant_type: 'authorization_code', code: (await consent(`${emulator.url}/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: CLIENT_ID, scope: 'read_only', redirect_uri: 'http://localhost:9/x', state: 's' })}`, 'allow')).code });
    const strangerPay = await control(emulator, '/_emulator/payments', { account: stranger.stripe_user_id, amount: 100, currency: 'usd' });
    await emulator.settled();
    const deliveries = (await (await fetch(`${emulator.url}/_emulator/deliveries`)).json()).data as { eventId: string; lastStatus: number; attempts: number }[];
    const strangerDeliveries = deliveries.filter((d) => strangerPay.events.includes(d.eventId));
    // charge.succeeded only (the subscribed type), acknowledged at the first attempt.
    expect(strangerDeliveries.map((d) => [d.lastStatus, d.attempts])).toEqual([[200, 1]]);
    expect(await prisma().stripeEvent.count({ where: { stripeAccount: stranger.stripe_user_id! } })).toBe(0);

    const body = JSON.stringify({ id: 'evt_forged', object: 'event', type: 'charge.succeeded', account: stripeAccount, data: { object: {} } });
    const forged = await fetch(`${process.env.ZORI_PUBLIC_URL}/webhooks/stripe/connect`, {
      method: 'POST',
      headers: { 'stripe-signature': platform().webhooks.generateTestHeaderString({ payload: body, secret: 'whsec_not_ours' }) },
      body,
    });
    expect(forged.status).toBe(400);
    expect(await prisma().stripeEvent.count({ where: { eventId: 'evt_forged' } })).toBe(0);
  });

  it('marks the connection revoked when the merchant deauthorizes from Stripe, and keeps its events', async () => {
    const { project, byRole } = await makeTenant(['owner']);
    const { stripeAccount } = await connect(actorOf(byRole.owner!), byRole.owner!.email!, project.id);
    await waitForImport(project.id);
    await control(emulator, '/_emulator/payments', { account: stripeAccount, amount: 1000, currency: 'usd' });
    await emulator.settled();
    const before = await prisma().stripeEvent.count({ where: { projectId: project.id } });
    await control(emulator, `/_emulator/accounts/${stripeAccount}/deauthorize`);
    await emulator.settled();
    const row = await prisma().stripeConnection.findUniqueOrThrow({ where: { projectId: project.id } });
    expect(row).toMatchObject({ status: 'revoked', accessToken: null, refreshToken: null });
    expect(row.statusReason).toMatch(/revoked/i);
    expect(await prisma().stripeEvent.count({ where: { projectId: project.id } })).toBe(before);
    const view = await connectionView(await authorizeProject(actorOf(byRole.owner!), project.id, 'read'));
    expect(view.state).toBe('needs_attention');
  });
});

describe('one Stripe account, one project', () => {
  it('asks to move an account connected elsewhere, and moves it on confirmation', async () => {
    const { org, project, byRole } = await makeTenant(['owner']);
    const owner = byRole.owner!;
    const second = await prisma().project.create({ data: { organizationId: org.id, name: 'Second', nameKey: `second-${project.id}`, publishableKey: `zpk_${project.id}2` } });
    const { stripeAccount } = await connect(actorOf(owner), owner.email!, project.id);
    await waitForImport(project.id);
    const again = await connect(actorOf(owner), owner.email!, second.id, { account: stripeAccount! });
    expect(again.target).toMatch(new RegExp(`^/projects/${second.id}/settings/integrations\\?stripe=move&move=`));
    expect(await prisma().stripeConnection.findUnique({ where: { projectId: second.id } })).toBeNull();
    const moveId = new URLSearchParams(again.target.split('?')[1]).get('move')!;
    await confirmMove(await authorizeProject(actorOf(owner), second.id, 'manage'), moveId);
    expect(await prisma().stripeConnection.findUniqueOrThrow({ where: { projectId: second.id } })).toMatchObject({ status: 'active', stripeAccountId: stripeAccount });
    expect(await prisma().stripeConnection.findUniqueOrThrow({ where: { projectId: project.id } })).toMatchObject({ status: 'revoked', statusReason: 'Moved to another project' });
  });

  it('refuses to take an account from a project in another tenant', async () => {
    const a = await makeTenant(['owner']);
    const b = await makeTenant(['owner']);
    const { stripeAccount } = await connect(actorOf(a.byRole.owner!), a.byRole.owner!.email!, a.project.id);
    await waitForImport(a.project.id);
    const tokens = { stripeUserId: stripeAccount!, accessToken: 'sk_test_x', refreshToken: null, scope: 'read_only', livemode: false };
    const outcome = await completeConnection(actorOf(b.byRole.owner!), b.project.id, tokens);
    expect(outcome.kind).toBe('needs_move');
    const moveId = outcome.kind === 'needs_move' ? outcome.moveId : '';
    await expect(confirmMove(await authorizeProject(actorOf(b.byRole.owner!), b.project.id, 'manage'), moveId)).rejects.toThrow(/project you do not manage/);
    expect(await prisma().stripeConnection.findUniqueOrThrow({ where: { projectId: a.project.id } })).toMatchObject({ status: 'active' });
  });
});

describe('disconnect', () => {
  it('deauthorizes on Stripe and marks the connection revoked', async () => {
    const { project, byRole } = await makeTenant(['owner']);
    const { stripeAccount } = await connect(actorOf(byRole.owner!), byRole.owner!.email!, project.id);
    await waitForImport(project.id);
    await disconnect(await authorizeProject(actorOf(byRole.owner!), project.id, 'manage'));
    expect(await prisma().stripeConnection.findUniqueOrThrow({ where: { projectId: project.id } })).toMatchObject({ status: 'revoked', accessToken: null });
    await expect(platform().charges.list({}, { stripeAccount: stripeAccount! })).rejects.toBeInstanceOf(Stripe.errors.StripePermissionError);
  });
});

describe('history import', () => {
  it('imports the last 90 days once, resuming after an interruption without double counting', async () => {
    const { project, byRole } = await makeTenant(['owner']);
    const owner = byRole.owner!;
    // The account's history exists before it is connected to Zori (no webhook saw it).
    const made = await control(emulator, '/_emulator/accounts', { name: 'History Shop' });
    const account = made.account.id as string;
    const day = 86400;
    const now = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 120; i++) await control(emulator, '/_emulator/payments', { account, amount: 1000 + i, currency: 'usd', visitorId: `zv_${i}`, created: now - 80 * day + i * 3600 });
    for (let i = 0; i < 3; i++) await control(emulator, '/_emulator/payments', { account, amount: 500, currency: 'usd', created: now - 100 * day + i });
    const sub = await control(emulator, '/_emulator/payments', { account, amount: 2000, currency: 'usd', visitorId: 'zv_sub', mode: 'subscription', created: now - 10 * day });
    const refund = await control(emulator, `/_emulator/charges/${sub.charge.id}/refund`, { amount: 300 });

    // Connect without the background import, so this test drives the runs.
    const query = await consent(await beginConnect(actorOf(owner), null, project.id), 'allow', { account });
    const tokens = await exchangeCode(query.code);
    await completeConnection(actorOf(owner), project.id, tokens);
    const scope = await authorizeProject(actorOf(owner), project.id, 'manage');
    const job = await startImport(scope);

    // The first run dies on rate limits after two pages (retries exhausted)…
    await control(emulator, '/_emulator/rate-limit', { after: 2, count: 5 });
    await runImport(job.id, { baseDelayMs: 1, maxRetries: 2 });
    const failed = await prisma().stripeImportJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(failed.status).toBe('failed');
    expect(failed.pages).toBe(2);
    expect(failed.cursor).toMatch(/^ch_/);
    const partial = await importStatus(scope);
    expect(partial!.progress).toBeGreaterThan(0);
    expect(partial!.progress).toBeLessThan(1);

    // …the re-run resumes from the saved cursor, backing off through the remaining 429s.
    await control(emulator, '/_emulator/rate-limit', { count: 2 });
    expect((await startImport(scope)).id).toBe(job.id);
    await runImport(job.id, { baseDelayMs: 1, maxRetries: 3 });
    const done = await prisma().stripeImportJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(done.status).toBe('done');

    const imported = await prisma().stripeEvent.findMany({ where: { projectId: project.id, eventId: { startsWith: 'evt_import_' } } });
    const byType = (t: string) => imported.filter((e) => e.type === t);
    // 120 recent charges + the subscription's; the three 100-day-old charges are outside the window.
    expect(byType('charge.succeeded')).toHaveLength(121);
    expect(byType('invoice.paid').map((e) => (e.payload as any).data.object.id)).toEqual([sub.invoice.id]);
    expect(byType('invoice_payment.paid')).toHaveLength(1);
    expect(byType('refund.created').map((e) => (e.payload as any).data.object.id)).toEqual([refund.refund.id]);
    expect(new Set(imported.map((e) => e.eventId)).size).toBe(imported.length);
    expect(done.imported).toBe(imported.length);
    expect((await importStatus(scope))!.progress).toBe(1);

    // Re-running adds nothing twice.
    const rerun = await startImport(scope);
    expect(rerun.id).not.toBe(job.id);
    await runImport(rerun.id, { baseDelayMs: 1 });
    expect(await prisma().stripeEvent.count({ where: { projectId: project.id, eventId: { startsWith: 'evt_import_' } } })).toBe(imported.length);
  });

  it('resumes an import whose process died (stale heartbeat) when the page asks for its progress', async () => {
    const { project, byRole } = await makeTenant(['owner']);
    const owner = byRole.owner!;
    const made = await control(emulator, '/_emulator/accounts', { name: 'Crashed Import Shop' });
    const account = made.account.id as string;
    for (let i = 0; i < 5; i++) await control(emulator, '/_emulator/payments', { account, amount: 100 + i, currency: 'usd' });
    const query = await consent(await beginConnect(actorOf(owner), null, project.id), 'allow', { account });
    await completeConnection(actorOf(owner), project.id, await exchangeCode(query.code));
    const scope = await authorizeProject(actorOf(owner), project.id, 'manage');
    const job = await startImport(scope);
    // A run that died after the first phase: still "running", but its heartbeat is two minutes old.
    await prisma().stripeImportJob.update({ where: { id: job.id }, data: { phase: 1, heartbeatAt: new Date(Date.now() - 120_000) } });
    const status = await importStatus(scope);
    expect(status).toMatchObject({ status: 'running', phase: 'charges' });
    const finished = await waitForImport(project.id);
    expect(finished).toMatchObject({ id: job.id, status: 'done' });
    expect(await prisma().stripeEvent.count({ where: { projectId: project.id, type: 'charge.succeeded' } })).toBe(5);
  });
});
