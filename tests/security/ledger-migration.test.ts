/**
 * Issue 11 §1: the migration that scopes the inbox and ledger keys by project, on a database whose
 * rows were written before it (the shapes the old code wrote, including what the cross-tenant hole
 * let one project write into another's figures). Nothing is lost, rows move to the keys the code now
 * uses, forged refunds and disputes stop counting, the live route keeps working on the moved rows,
 * and `zori rollup verify` (the real CLI) passes for every project afterwards.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRollupSweep } from '@/lib/analytics/rollup-sweep';
import { seal } from '@/lib/crypto/secrets';
import { disconnect, pool, prisma } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { inboxWorker } from '@/lib/stripe/inbox/worker';
import { charge, deliverTo, event, refund, startWebhookServer, uid } from '../helpers/stripe-events';

const MIGRATION = '20261207210912_ledger_scoped_by_project';
const root = path.resolve(import.meta.dirname, '../..');
const adminUrl = process.env.ZORI_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const dbName = `zori_test_ledger_migration_${Date.now().toString(36)}_${uid()}`;
let dbUrl: string;

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function zori(...args: string[]) {
  try {
    const { stdout } = await promisify(execFile)(path.join(root, 'node_modules/.bin/tsx'), ['cli/index.ts', ...args], { cwd: root, env: { ...process.env, DATABASE_URL: dbUrl } });
    return { code: 0, stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: `${e.stdout}${e.stderr}` };
  }
}

beforeAll(async () => {
  await admin(`CREATE DATABASE "${dbName}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  dbUrl = url.toString();
  await applyMigrations(dbUrl, { before: MIGRATION });
  // This file's process works on its own database from here on (the pool follows DATABASE_URL).
  await disconnect();
  process.env.DATABASE_URL = dbUrl;
}, 120_000);

afterAll(async () => {
  await disconnect();
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
});

const DAY = 86400_000;

describe('ledger_scoped_by_project migration', () => {
  it('re-keys rows written before it without losing any, and rollup verify passes after it', async () => {
    // --- Before: rows as the old code wrote them, in SQL with only the columns that existed then
    // (columns added by later migrations must not be asked for).
    const insert = async (table: string, row: Record<string, unknown>) => {
      const cols = Object.keys(row);
      await pool().query(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(row));
      return row;
    };
    const now = new Date();
    const org = await insert('Organization', { id: `org_${uid()}`, name: 'Migrated org', updatedAt: now });
    const project = (name: string) => insert('Project', { id: `prj_${uid()}`, organizationId: org.id, name, nameKey: `${name}-${uid()}`, publishableKey: `zpk_${uid()}${uid()}`, updatedAt: now }) as Promise<{ id: string; name: string }>;
    const secret = `whsec_${uid()}`;
    const unverified = await project('unverified'); // a webhook secret only: rows under `self:<id>`
    const keyedLater = await project('keyed-later'); // its key was saved after its first events
    const victim = await project('victim');
    const attacker = await project('attacker');
    const connection = (projectId: string, stripeAccountId: string | null, whsec: string) =>
      insert('StripeConnection', { id: `sc_${uid()}`, projectId, kind: 'self_hosted', stripeAccountId, webhookSecrets: [seal(whsec)], updatedAt: now });
    await connection(unverified.id, null, secret);
    await connection(keyedLater.id, 'acct_keyedlater', `whsec_${uid()}`);
    await connection(victim.id, 'acct_victim', `whsec_${uid()}`);
    await connection(attacker.id, 'acct_attacker', `whsec_${uid()}`);
    const paidAt = new Date(Date.now() - 3 * DAY);
    const payment = (projectId: string, stripeAccount: string, key: string, amount: number, extra: Record<string, unknown> = {}) =>
      insert('Payment', {
        id: `pay_${uid()}`, projectId, livemode: false, stripeAccount, paymentKey: key, paymentIntentId: key, chargeId: `ch_${key}`, amount, currency: 'usd',
        reportingAmount: amount, reportingCurrency: 'usd', fxSource: 'same_currency', amountSource: 'charge', paidAt, updatedAt: now, ...extra,
      }) as Promise<{ id: string; paymentKey: string; chargeId: string }>;
    const inbox = (projectId: string, stripeAccount: string, eventId: string) =>
      insert('StripeEvent', { projectId, stripeAccount, eventId, type: 'charge.succeeded', livemode: false, stripeCreatedAt: paidAt, payload: '{}', status: 'processed' }) as Promise<{ eventId: string }>;
    const refundRow = (projectId: string, paymentId: string, stripeAccount: string, amount: number, createdAt: Date) =>
      insert('Refund', { id: `rf_${uid()}`, projectId, paymentId, stripeAccount, stripeRefundId: `re_${uid()}`, amount, currency: 'usd', status: 'succeeded', createdAt });

    const own = `self:${unverified.id}`;
    const early = await inbox(unverified.id, own, `evt_${uid()}`);
    const p1 = await payment(unverified.id, own, `pi_${uid()}`, 5000, { amountRefunded: 1000, amountDisputed: 5000 });
    await refundRow(unverified.id, p1.id, own, 1000, new Date(paidAt.getTime() + DAY));
    await insert('CheckoutSession', { projectId: unverified.id, stripeAccount: own, sessionId: `cs_${uid()}`, paymentIntentId: p1.paymentKey, completedAt: paidAt });
    const p4 = await payment(keyedLater.id, `self:${keyedLater.id}`, `pi_${uid()}`, 700);
    await inbox(keyedLater.id, `self:${keyedLater.id}`, `evt_${uid()}`);
    const p2 = await payment(victim.id, 'acct_victim', `pi_${uid()}`, 3000, { amountRefunded: 3000 });
    await inbox(victim.id, 'acct_victim', `evt_${uid()}`);
    // What the hole let the attacker write: a refund on the victim's payment, a lost dispute on the
    // unverified project's payment (through `self:<its id>`), an event id squatted in its namespace.
    await refundRow(attacker.id, p2.id, 'acct_victim', 3000, paidAt);
    await insert('Dispute', { id: `dp_${uid()}`, projectId: attacker.id, paymentId: p1.id, stripeAccount: own, stripeDisputeId: `dp_${uid()}`, amount: 5000, currency: 'usd', status: 'lost', createdAt: paidAt, updatedAt: now });
    await inbox(attacker.id, own, `evt_${uid()}`);
    await runRollupSweep();

    const count = async () => ({
      events: await prisma().stripeEvent.count(),
      payments: await prisma().payment.count(),
      refunds: await prisma().refund.count(),
      disputes: await prisma().dispute.count(),
      sessions: await prisma().checkoutSession.count(),
    });
    const before = await count();

    // --- The migration.
    expect(await applyMigrations(dbUrl)).toContain(MIGRATION);

    expect(await count()).toEqual(before);
    expect(await prisma().stripeEvent.findMany({ where: { projectId: unverified.id }, select: { stripeAccount: true } })).toEqual([{ stripeAccount: 'self' }]);
    expect(await prisma().checkoutSession.findMany({ where: { projectId: unverified.id }, select: { stripeAccount: true } })).toEqual([{ stripeAccount: 'self' }]);
    expect(await prisma().refund.findMany({ where: { projectId: unverified.id }, select: { stripeAccount: true } })).toEqual([{ stripeAccount: 'self' }]);
    expect((await prisma().payment.findUniqueOrThrow({ where: { id: p4.id } })).stripeAccount).toBe('acct_keyedlater');
    expect(await prisma().stripeEvent.findMany({ where: { projectId: keyedLater.id }, select: { stripeAccount: true } })).toEqual([{ stripeAccount: 'acct_keyedlater' }]);
    // The attacker's rows stay in the attacker's project, under the names they gave; they no longer count.
    expect(await prisma().stripeEvent.findMany({ where: { projectId: attacker.id }, select: { stripeAccount: true } })).toEqual([{ stripeAccount: own }]);
    expect(await prisma().payment.findUniqueOrThrow({ where: { id: p1.id } })).toMatchObject({ stripeAccount: 'self', amountRefunded: 1000n, amountDisputed: 0n, creditsDirty: true });
    expect(await prisma().payment.findUniqueOrThrow({ where: { id: p2.id } })).toMatchObject({ stripeAccount: 'acct_victim', amountRefunded: 0n, creditsDirty: true });

    // --- After: the live route works on the moved rows (a refund finds its payment; a redelivery is a duplicate).
    const server = await startWebhookServer();
    const worker = inboxWorker().start();
    try {
      const p = { projectId: unverified.id, secret };
      const c = { ...charge({ id: p1.chargeId!, pi: p1.paymentKey, amount: 5000 }) };
      expect(await deliverTo(server, worker, p, event('refund.created', refund({ amount: 500, charge: c.id, pi: c.payment_intent })))).toEqual({ status: 200, body: { received: true } });
      expect((await prisma().payment.findUniqueOrThrow({ where: { id: p1.id } })).amountRefunded).toBe(1500n);
      const redelivered = { ...event('charge.succeeded', c), id: early.eventId };
      expect(await deliverTo(server, worker, p, redelivered)).toEqual({ status: 200, body: { received: true, duplicate: true } });
    } finally {
      await worker.stop();
      await server.close();
    }

    // The server's rollup sweep rebuilds what the migration marked; then the rollups agree with the raw rows.
    await runRollupSweep();
    const projects = [unverified, keyedLater, victim, attacker];
    const verified = await Promise.all(projects.map((project) => zori('rollup', 'verify', '--project', project.id)));
    for (const [i, result] of verified.entries()) {
      expect(result, projects[i]!.name).toMatchObject({ code: 0, stdout: expect.stringContaining('The rollup agrees with the raw rows') });
    }
  }, 180_000);
});
