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

/** A project as the schema before the migration has it, inserted with SQL: the Prisma client of today would read back columns added since. */
async function oldProject(): Promise<{ id: string; name: string }> {
  const id = `prj_${uid()}`;
  await pool().query(`INSERT INTO "Organization" (id, name, "updatedAt") VALUES ($1, $1, now())`, [`org_${id}`]);
  await pool().query(
    `INSERT INTO "Project" (id, "organizationId", name, "nameKey", "publishableKey", domains, "updatedAt") VALUES ($1, $2, $1, $1, $3, ARRAY['shop.example.test'], now())`,
    [id, `org_${id}`, `zpk_${uid()}${uid()}`],
  );
  return { id, name: id };
}

describe('ledger_scoped_by_project migration', () => {
  it('re-keys rows written before it without losing any, and rollup verify passes after it', async () => {
    // --- Before: rows as the old code wrote them.
    const secret = `whsec_${uid()}`;
    const unverified = await oldProject(); // a webhook secret only: rows under `self:<id>`
    const keyedLater = await oldProject(); // its key was saved after its first events
    const victim = await oldProject();
    const attacker = await oldProject();
    await prisma().stripeConnection.createMany({
      data: [
        { projectId: unverified.id, kind: 'self_hosted', webhookSecrets: [seal(secret)] },
        { projectId: keyedLater.id, kind: 'self_hosted', stripeAccountId: 'acct_keyedlater', webhookSecrets: [seal(`whsec_${uid()}`)] },
        { projectId: victim.id, kind: 'self_hosted', stripeAccountId: 'acct_victim', webhookSecrets: [seal(`whsec_${uid()}`)] },
        { projectId: attacker.id, kind: 'self_hosted', stripeAccountId: 'acct_attacker', webhookSecrets: [seal(`whsec_${uid()}`)] },
      ],
    });
    const paidAt = new Date(Date.now() - 3 * DAY);
    // createMany reads nothing back: a column a later migration adds is never asked of this older schema.
    const payment = async (projectId: string, stripeAccount: string, key: string, amount: number, extra: object = {}) => {
      const row = { id: `pay_${uid()}`, paymentKey: key, chargeId: `ch_${key}` };
      await prisma().payment.createMany({
        data: [{ ...row, projectId, livemode: false, stripeAccount, paymentIntentId: key, amount: BigInt(amount), currency: 'usd', reportingAmount: BigInt(amount), reportingCurrency: 'usd', fxSource: 'same_currency', amountSource: 'charge', paidAt, ...extra }],
      });
      return row;
    };
    const inbox = (projectId: string, stripeAccount: string, eventId: string) =>
      prisma().stripeEvent.create({ data: { projectId, stripeAccount, eventId, type: 'charge.succeeded', livemode: false, stripeCreatedAt: paidAt, payload: {}, status: 'processed' } });

    const own = `self:${unverified.id}`;
    const early = await inbox(unverified.id, own, `evt_${uid()}`);
    const p1 = await payment(unverified.id, own, `pi_${uid()}`, 5000, { amountRefunded: 1000n, amountDisputed: 5000n });
    await prisma().refund.create({ data: { projectId: unverified.id, paymentId: p1.id, stripeAccount: own, stripeRefundId: `re_${uid()}`, amount: 1000n, currency: 'usd', status: 'succeeded', createdAt: new Date(paidAt.getTime() + DAY) } });
    // createMany: it reads no row back, so columns added by later migrations are not asked for.
    await prisma().checkoutSession.createMany({ data: [{ projectId: unverified.id, stripeAccount: own, sessionId: `cs_${uid()}`, paymentIntentId: p1.paymentKey, completedAt: paidAt }] });
    const p4 = await payment(keyedLater.id, `self:${keyedLater.id}`, `pi_${uid()}`, 700);
    await inbox(keyedLater.id, `self:${keyedLater.id}`, `evt_${uid()}`);
    const p2 = await payment(victim.id, 'acct_victim', `pi_${uid()}`, 3000, { amountRefunded: 3000n });
    await inbox(victim.id, 'acct_victim', `evt_${uid()}`);
    // What the hole let the attacker write: a refund on the victim's payment, a lost dispute on the
    // unverified project's payment (through `self:<its id>`), an event id squatted in its namespace.
    await prisma().refund.create({ data: { projectId: attacker.id, paymentId: p2.id, stripeAccount: 'acct_victim', stripeRefundId: `re_${uid()}`, amount: 3000n, currency: 'usd', status: 'succeeded', createdAt: paidAt } });
    await prisma().dispute.create({ data: { projectId: attacker.id, paymentId: p1.id, stripeAccount: own, stripeDisputeId: `dp_${uid()}`, amount: 5000n, currency: 'usd', status: 'lost', createdAt: paidAt } });
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
