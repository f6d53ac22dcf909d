import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open } from '@/lib/crypto/secrets';
import { prisma } from '@/lib/db/client';
import { appAccessToken, renewAppAccessToken } from '@/lib/stripe/app/access-tokens';
import { connectionView, disconnect } from '@/lib/stripe/connect/connections';
import { beginAppInstall, beginConnect, finishAppInstall, finishConnect } from '@/lib/stripe/connect/flow';
import { inboxWorker } from '@/lib/stripe/inbox/worker';
import { authorizeProject } from '@/lib/authz';
import { stripeConnectWebhookRoute } from '@/server/routes/stripe-connect-webhook';
import type { Emulator } from '@/stripe-emulator/server';
import { actorOf, makeTenant } from '../helpers/factories';
import { APP_CLIENT_ID, control, install, startStripe } from '../helpers/stripe-emulator';

// "Install the Zori app" (Stripe Apps OAuth) below the browser: Zori's lib against the Stripe
// emulator over real HTTP — the install link, the code exchange at /v1/oauth/token with the app
// developer's key, access tokens that expire after an hour and refresh tokens that roll, events at the
// platform's Connect endpoint routed by `event.account`, and the uninstall.

let emulator: Emulator;
let zori: http.Server;
const worker = inboxWorker();

beforeAll(async () => {
  emulator = await startStripe();
  zori = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://zori.test');
    if (!stripeConnectWebhookRoute.match(url.pathname)) return void res.writeHead(404).end();
    void stripeConnectWebhookRoute.handle(req, res, url);
  });
  await new Promise<void>((r) => zori.listen(0, '127.0.0.1', r));
  process.env.ZORI_PUBLIC_URL = `http://127.0.0.1:${(zori.address() as AddressInfo).port}`;
  worker.start();
});

afterAll(async () => {
  await worker.stop();
  await emulator?.close();
  await new Promise((r) => zori?.close(r));
});

async function installed(roles: ('owner' | 'admin' | 'viewer')[] = ['owner']) {
  const t = await makeTenant(roles);
  const owner = t.byRole.owner!;
  const link = new URL(await beginAppInstall(actorOf(owner), owner.email, t.project.id));
  const query = await install(link.toString(), 'allow');
  const target = await finishAppInstall(actorOf(owner), query);
  const connection = await prisma().stripeConnection.findUniqueOrThrow({ where: { projectId: t.project.id } });
  return { ...t, owner, link, target, connection };
}

const refreshCount = async () => ((await (await fetch(`${emulator.url}/_emulator/apps`)).json()) as { refreshCount: number }).refreshCount;
const expireInZori = (id: string) => prisma().stripeConnection.update({ where: { id }, data: { accessTokenExpiresAt: new Date(Date.now() - 1000) } });

describe('Install the Zori app', () => {
  it('sends the admin to the install link with a signed state, and stores the account with its own expiring token', async () => {
    const { project, link, target, connection } = await installed();
    expect(link.pathname).toBe('/oauth/v2/authorize');
    expect(Object.fromEntries(link.searchParams)).toEqual({ client_id: APP_CLIENT_ID, redirect_uri: `${process.env.ZORI_PUBLIC_URL}/api/stripe/app/callback`, state: expect.stringMatching(/^[\w-]+\.\d+\.[\w-]+$/) });
    expect(target).toBe(`/projects/${project.id}/settings/integrations?stripe=connected&via=app`);
    expect(connection).toMatchObject({ kind: 'app', status: 'active', scope: 'stripe_apps', stripeAccountId: expect.stringMatching(/^acct_/) });
    const ttl = connection.accessTokenExpiresAt!.getTime() - Date.now();
    expect(ttl).toBeGreaterThan(59 * 60_000);
    expect(ttl).toBeLessThanOrEqual(60 * 60_000);
    // Sealed at rest, and the account's own key: it reads its own account without any Stripe-Account header.
    expect(connection.accessToken).not.toContain('sk_test_');
    const me = await fetch(`${emulator.url}/v1/account`, { headers: { authorization: `Bearer ${open(connection.accessToken!)}` } });
    expect(((await me.json()) as { id: string }).id).toBe(connection.stripeAccountId);
    expect(await connectionView(await authorizeProject(actorOf((await prisma().user.findFirstOrThrow({ where: { id: connection.connectedById! } })) as { id: string }), project.id, 'read'))).toMatchObject({ state: 'connected', kind: 'app' });
  });

  it('refuses a forged state, a Connect state at the app callback, a reused state, and takes a denial calmly', async () => {
    const { project, byRole } = await makeTenant(['owner']);
    const owner = actorOf(byRole.owner!);
    await expect(finishAppInstall(owner, { state: 'made.up.state', code: 'ac_x' })).rejects.toMatchObject({ reason: 'forged' });
    // A state issued for Connect OAuth does not complete an app install (nor the other way round).
    const connectState = new URL(await beginConnect(owner, null, project.id)).searchParams.get('state')!;
    await expect(finishAppInstall(owner, { state: connectState, code: 'ac_x' })).rejects.toMatchObject({ reason: 'forged' });
    const appState = new URL(await beginAppInstall(owner, null, project.id)).searchParams.get('state')!;
    await expect(finishConnect(owner, { state: appState, code: 'ac_x' })).rejects.toMatchObject({ reason: 'forged' });
    // Denied on Stripe's install page.
    const denied = await install(await beginAppInstall(owner, null, project.id), 'deny');
    expect(denied.error).toBe('access_denied');
    expect(await finishAppInstall(owner, denied)).toBe(`/projects/${project.id}/settings/integrations?stripe=denied&via=app`);
    await expect(finishAppInstall(owner, denied)).rejects.toMatchObject({ reason: 'reused' });
    expect(await prisma().stripeConnection.findUnique({ where: { projectId: project.id } })).toBeNull();
  });

  it('renews an expired access token with the refresh token, stores the rolled refresh token, and the old one is dead', async () => {
    const { connection } = await installed();
    const oldRefresh = open(connection.refreshToken!);
    const before = await refreshCount();
    expect(await appAccessToken(connection.id)).toBe(open(connection.accessToken!)); // fresh: no exchange
    expect(await refreshCount()).toBe(before);
    await expireInZori(connection.id);
    const renewed = await appAccessToken(connection.id);
    expect(renewed).not.toBe(open(connection.accessToken!));
    expect(await refreshCount()).toBe(before + 1);
    const row = await prisma().stripeConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(open(row.refreshToken!)).not.toBe(oldRefresh);
    expect(row.accessTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);
    // Stripe rolled the refresh token: the old one is refused, the stored one works.
    const old = await fetch(`${emulator.url}/v1/oauth/token`, { method: 'POST', headers: { authorization: `Bearer ${process.env.STRIPE_PLATFORM_SECRET_KEY}`, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: oldRefresh }) });
    expect(old.status).toBe(400);
    expect(await old.json()).toMatchObject({ error: 'invalid_grant' });
    const me = await fetch(`${emulator.url}/v1/account`, { headers: { authorization: `Bearer ${renewed}` } });
    expect(me.status).toBe(200);
  });

  it('two processes renewing at once exchange the refresh token once and both get the new token', async () => {
    const { connection } = await installed();
    await expireInZori(connection.id);
    const before = await refreshCount();
    const tokens = await Promise.all([appAccessToken(connection.id), appAccessToken(connection.id), renewAppAccessToken(connection.id)]);
    expect(await refreshCount()).toBe(before + 1);
    expect(new Set(tokens).size).toBe(1);
    const row = await prisma().stripeConnection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(open(row.accessToken!)).toBe(tokens[0]);
    // The stored refresh token is the live one: the next renewal works.
    await expireInZori(connection.id);
    expect(await appAccessToken(connection.id)).toEqual(expect.any(String));
    expect(await refreshCount()).toBe(before + 2);
  });

  it('marks the connection as needing reconnection when Stripe refuses the refresh token', async () => {
    const { connection, project, owner } = await installed();
    // The refresh token is no longer valid on Stripe's side (rolled by someone else, or lapsed).
    await fetch(`${emulator.url}/v1/oauth/token`, { method: 'POST', headers: { authorization: `Bearer ${process.env.STRIPE_PLATFORM_SECRET_KEY}`, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: open(connection.refreshToken!) }) });
    await expireInZori(connection.id);
    expect(await appAccessToken(connection.id)).toBeNull();
    const view = await connectionView(await authorizeProject(actorOf(owner), project.id, 'read'));
    expect(view).toMatchObject({ state: 'needs_attention', kind: 'app', reason: expect.stringContaining('Install the Zori app again') });
  });

  it('imports the history with the account’s own token, renewing it when Stripe says it expired', async () => {
    const { connection, project } = await installed();
    await waitForImport(project.id);
    const paid = await control(emulator, '/_emulator/payments', { account: connection.stripeAccountId, amount: 3100, currency: 'usd', visitorId: 'zv_app_import' });
    // Stripe's clock says the token is over (Zori still thinks it has minutes left).
    await control(emulator, `/_emulator/accounts/${connection.stripeAccountId}/expire-access-token`);
    const before = await refreshCount();
    const { rerunImport } = await import('@/lib/stripe/connect/project-actions');
    await prisma().stripeImportJob.updateMany({ where: { projectId: project.id }, data: { status: 'done' } });
    await rerunImport(actorOf((await prisma().user.findUniqueOrThrow({ where: { id: connection.connectedById! } })) as { id: string }), project.id);
    const job = await waitForImport(project.id);
    expect(job).toMatchObject({ status: 'done', lastError: null });
    expect(await refreshCount()).toBe(before + 1);
    await worker.idle();
    const payment = await prisma().payment.findFirstOrThrow({ where: { projectId: project.id, paymentIntentId: paid.paymentIntent.id } });
    expect(payment).toMatchObject({ amount: 3100n, visitorId: 'zv_app_import' });
  });

  it('routes the account’s events to its project through the Connect endpoint, and the uninstall revokes it', async () => {
    const { connection, project, owner } = await installed();
    await waitForImport(project.id);
    await control(emulator, '/_emulator/payments', { account: connection.stripeAccountId, amount: 4900, currency: 'eur', visitorId: 'zv_app_event' });
    await emulator.settled();
    await worker.idle();
    expect(await prisma().payment.findFirst({ where: { projectId: project.id, visitorId: 'zv_app_event' } })).toMatchObject({ amount: 4900n, currency: 'eur' });
    await control(emulator, `/_emulator/accounts/${connection.stripeAccountId}/uninstall`);
    await emulator.settled();
    const revoked = await prisma().stripeConnection.findUniqueOrThrow({ where: { projectId: project.id } });
    expect(revoked).toMatchObject({ status: 'revoked', accessToken: null, refreshToken: null, statusReason: expect.stringContaining('uninstalled') });
    expect(await appAccessToken(connection.id)).toBeNull();
    // Later events for the account are acknowledged and ignored; the recorded revenue stays.
    await expect(disconnect(await authorizeProject(actorOf(owner), project.id, 'manage'))).rejects.toThrow(/no Stripe connection/);
    expect(await prisma().payment.count({ where: { projectId: project.id } })).toBeGreaterThan(0);
  });
});

async function waitForImport(projectId: string) {
  for (let i = 0; i < 400; i++) {
    const job = await prisma().stripeImportJob.findFirst({ where: { projectId }, orderBy: { startedAt: 'desc' } });
    if (job && job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}
