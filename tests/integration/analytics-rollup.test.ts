import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildDirtyCredits } from '@/lib/analytics/credits/rebuild';
import type { RevenueQuery } from '@/lib/analytics/attributed-revenue';
import { rollupAndRaw } from '@/lib/analytics/rollup-check';
import { addDays, todayIn } from '@/lib/analytics/period';
import { buildRevenueRollup } from '@/lib/analytics/revenue-rollup/build';
import { revenueAggregatesFromDays } from '@/lib/analytics/revenue-rollup/query';
import { MODEL_IDS } from '@/lib/attribution/models';
import { authorizeProject, systemActor } from '@/lib/authz';
import { seal } from '@/lib/crypto/secrets';
import { pool, prisma } from '@/lib/db/client';
import { writeBatch } from '@/lib/ingest/write';
import type { TouchRow } from '@/lib/ingest/rows';
import { forgetWebhookTarget } from '@/lib/stripe/connection';
import { inboxWorker } from '@/lib/stripe/inbox/worker';
import { updateProject } from '@/lib/tenancy/projects';
import { makeTenant } from '../helpers/factories';
import { charge, dispute, event, refund, signedHeader, startWebhookServer, uid } from '../helpers/stripe-events';

// The rollup (RevenueCredit) against the raw rows, on random data written through the real paths:
// payments, refunds and lost disputes as signed webhooks through the inbox, touches through the
// ingest writer, in random order (late beacons included), then with the attribution window changed.
// For random periods, models, filters and buckets the rollup must give exactly what a
// recomputation from the raw rows gives.

let server: Awaited<ReturnType<typeof startWebhookServer>>;
const worker = inboxWorker();
let seed = 20261127;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
const DAY = 86_400_000;
const START = Date.UTC(2026, 1, 1); // data spans February to April 2026 (New York's DST starts 8 March)
const unix = (ms: number) => Math.floor(ms / 1000);

const CHANNELS = [
  { channel: 'Organic Search', source: 'google', medium: 'organic' },
  { channel: 'Paid Search', source: 'google', medium: 'cpc' },
  { channel: 'Email', source: 'newsletter', medium: 'email' },
  { channel: 'Organic Social', source: 'twitter.com', medium: 'social' },
  { channel: 'Direct', source: '(direct)', medium: '(none)' },
];

let projectId: string;
let secret: string;
let lateTouches: TouchRow[] = [];

async function deliver(evt: object) {
  const body = JSON.stringify(evt);
  const res = await server.post(projectId, body, { 'stripe-signature': signedHeader(body, secret) });
  expect(res.status).toBe(200);
}

function touchRow(visitorId: string, at: number): TouchRow {
  const c = pick(CHANNELS);
  return {
    projectId,
    visitorId,
    sessionId: `s_${uid()}`,
    occurredAt: new Date(at),
    ...c,
    campaign: rand() < 0.4 ? pick(['spring', 'launch']) : null,
    term: null,
    content: null,
    referrerDomain: c.channel === 'Organic Social' ? 't.co' : null,
    referrerPath: null,
    landingPath: pick(['/', '/pricing', '/blog']),
    clickIdType: null,
    clickId: null,
    onlyIfFirst: false,
  };
}

async function writeTouches(rows: TouchRow[]) {
  const visitors = [...new Set(rows.map((r) => r.visitorId))].map((visitorId) => {
    const at = new Date(Math.min(...rows.filter((r) => r.visitorId === visitorId).map((r) => r.occurredAt.getTime())));
    return { projectId, visitorId, firstSeenAt: at, lastSeenAt: at, country: null, appUserIdHash: null, emailHash: null, identifiedAt: null };
  });
  await writeBatch({ visitors, touches: rows, pageviews: [], events: [] });
}

async function compare(q: RevenueQuery) {
  return rollupAndRaw(await authorizeProject(systemActor, projectId, 'read'), q);
}

async function compareRandomly(perModel: number) {
  for (const model of MODEL_IDS) {
    for (let i = 0; i < perModel; i++) {
      const filter = pick([undefined, undefined, { channel: pick(CHANNELS).channel }, { source: 'google' }, { campaign: '(none)' }, { channel: 'Email', campaign: 'spring' }]);
      const q: RevenueQuery = { range: randomRange(), model, mode: rand() < 0.8 ? 'live' : 'test', filter, interval: pick(['day', 'week', 'month'] as const) };
      const { rollup, raw } = await compare(q);
      expect(rollup, JSON.stringify(q)).toEqual(raw);
    }
  }
}

const randomRange = () => {
  const from = START + Math.floor(rand() * 80) * DAY;
  const to = from + Math.floor(rand() * 40) * DAY;
  return { from: new Date(from).toISOString().slice(0, 10), to: new Date(to).toISOString().slice(0, 10) };
};

beforeAll(async () => {
  server = await startWebhookServer();
  worker.start();
  const { project } = await makeTenant(['owner']);
  projectId = project.id;
  secret = `whsec_${uid()}`;
  await prisma().project.update({ where: { id: projectId }, data: { timeZone: 'America/New_York', attributionWindowDays: 30 } });
  await prisma().stripeConnection.create({
    data: { projectId, kind: 'self_hosted', stripeAccountId: `acct_${uid()}`, webhookSecrets: [seal(secret)] },
  });
  forgetWebhookTarget(projectId);

  // 40 visitors with 1–4 touches each, written in three waves: before the payments, between them
  // (some older than payments already recorded: late beacons), and after the window change.
  const touches: TouchRow[] = [];
  for (let v = 0; v < 40; v++) {
    const first = START - 20 * DAY + rand() * 90 * DAY;
    for (let k = 0, n = 1 + Math.floor(rand() * 4); k < n; k++) touches.push(touchRow(`zv_${v}`, first + k * rand() * 12 * DAY));
  }
  const waves = [touches.filter(() => rand() < 0.5), [] as TouchRow[], [] as TouchRow[]];
  for (const t of touches) if (!waves[0].includes(t)) waves[rand() < 0.5 ? 1 : 2].push(t);
  await writeTouches(waves[0]);

  // 70 payments (some by returning customers, some without a visitor id, some in EUR, some test
  // mode), delivered in random order; then refunds and lost disputes at later times.
  const charges: { id: string; at: number; amount: number; livemode: boolean }[] = [];
  for (let i = 0; i < 70; i++) {
    const at = START + rand() * 85 * DAY;
    const amount = 500 + Math.floor(rand() * 20_000);
    const livemode = rand() < 0.85;
    const c = charge({
      amount,
      currency: rand() < 0.2 ? 'eur' : 'usd',
      customer: rand() < 0.8 ? `cus_${Math.floor(rand() * 15)}` : null,
      metadata: rand() < 0.85 ? { zori_visitor_id: `zv_${Math.floor(rand() * 42)}` } : {},
    });
    c.created = unix(at);
    charges.push({ id: c.id, at, amount, livemode });
    await deliver(event('charge.succeeded', c, { livemode }));
    if (i === 35) await writeTouches(waves[1]);
  }
  for (const c of charges) {
    const r = rand();
    if (r < 0.25) {
      const parts = rand() < 0.5 ? [Math.floor(c.amount / 3), Math.floor(c.amount / 4)] : [c.amount];
      for (const amount of parts) {
        const re = { ...refund({ amount, charge: c.id }), created: unix(c.at + rand() * 30 * DAY) };
        await deliver(event('refund.created', re, { livemode: c.livemode }));
      }
    } else if (r < 0.32) {
      const dp = dispute({ amount: c.amount, charge: c.id, status: 'lost' });
      await deliver(event('charge.dispute.closed', dp, { livemode: c.livemode, created: unix(c.at + rand() * 40 * DAY) }));
    }
  }
  await worker.idle();
  lateTouches = waves[2];
}, 120_000);

afterAll(async () => {
  await worker.stop();
  await server.close();
});

describe('the revenue rollup agrees with the raw rows', () => {
  it('has data to compare: attributed, unattributed and unconverted payments, refunds in later periods', async () => {
    const { rows } = await pool().query(
      `SELECT count(*) FILTER (WHERE kind = 'payment' AND "touchId" IS NOT NULL) AS attributed,
              count(*) FILTER (WHERE kind = 'payment' AND "touchId" IS NULL AND revenue IS NOT NULL) AS unattributed,
              count(*) FILTER (WHERE revenue IS NULL) AS unconverted,
              count(*) FILTER (WHERE kind = 'refund') AS refunds
       FROM "RevenueCredit" WHERE "projectId" = $1 AND model = 'first_touch'`,
      [projectId],
    );
    expect(Number(rows[0].attributed)).toBeGreaterThan(10);
    expect(Number(rows[0].unattributed)).toBeGreaterThan(3);
    expect(Number(rows[0].refunds)).toBeGreaterThan(3);
    expect(await prisma().payment.count({ where: { projectId, creditsDirty: true } })).toBe(0);
  });

  it.each(MODEL_IDS)('%s: random periods, filters and buckets', async (model) => {
    for (let i = 0; i < 8; i++) {
      const filter = i % 4 === 1 ? { channel: pick(CHANNELS).channel } : i % 4 === 2 ? { campaign: pick(['spring', 'launch', '(none)']) } : undefined;
      const q: RevenueQuery = { range: randomRange(), model, mode: rand() < 0.8 ? 'live' : 'test', filter, interval: pick(['day', 'week', 'month'] as const) };
      const { rollup, raw } = await compare(q);
      expect(rollup, JSON.stringify(q)).toEqual(raw);
    }
    const all = await compare({ range: { from: '2026-01-01', to: '2026-06-30' }, model, mode: 'live', interval: 'month' });
    expect(all.rollup).toEqual(all.raw);
    expect(all.rollup.entries.length).toBeGreaterThan(30);
  });

  it('the daily revenue rollup, once built, gives the same figures', async () => {
    expect(await buildRevenueRollup(projectId)).toBeGreaterThan(60);
    const scope = await authorizeProject(systemActor, projectId, 'read');
    expect(await revenueAggregatesFromDays(scope, { range: { from: '2026-02-01', to: '2026-04-30' }, model: 'linear', mode: 'live' })).not.toBeNull();
    expect(await revenueAggregatesFromDays(scope, { range: { from: '2026-02-01', to: '2026-04-30' }, model: 'linear', mode: 'live', filter: { source: 'google' } })).not.toBeNull();
    await compareRandomly(6);
  });

  it('after the attribution window changes and more late touches arrive, before and after the daily rebuild', async () => {
    await updateProject(systemActor, projectId, { attributionWindowDays: 14 });
    await writeTouches(lateTouches);
    expect(await prisma().dayRollupDirty.count({ where: { projectId, rollup: 'revenue' } })).toBeGreaterThan(0);
    await compareRandomly(3);
    await buildRevenueRollup(projectId);
    expect(await prisma().dayRollupDirty.count({ where: { projectId, rollup: 'revenue' } })).toBe(0);
    await compareRandomly(3);
  });

  it("counts today's payments and refunds (not rolled up yet) from their credit rows", async () => {
    await buildRevenueRollup(projectId);
    const now = Date.now();
    const old = await prisma().payment.findFirstOrThrow({ where: { projectId, livemode: true, customerId: { not: null }, reportingAmount: { not: null } }, orderBy: { paidAt: 'asc' } });
    await pool().query(`UPDATE "Payment" SET "paidAt" = $2 WHERE id = $1`, [old.id, new Date(now - 3 * DAY)]); // an earlier payment in the range
    await pool().query(`UPDATE "Payment" SET "creditsDirty" = true WHERE id = $1`, [old.id]);
    await rebuildDirtyCredits(projectId);
    await buildRevenueRollup(projectId);
    await writeTouches([touchRow('zv_today', now - 3600_000)]);
    for (const customer of [old.customerId, old.customerId, `cus_new_${uid()}`]) {
      const c = charge({ amount: 1234, customer, metadata: { zori_visitor_id: 'zv_today' } });
      c.created = unix(now - 60_000);
      await deliver(event('charge.succeeded', c, { livemode: true }));
    }
    await deliver(event('refund.created', { ...refund({ amount: 100, charge: old.chargeId ?? old.paymentKey }), created: unix(now - 30_000) }, { livemode: true }));
    await worker.idle();
    const scope = await authorizeProject(systemActor, projectId, 'read');
    const today = todayIn(scope.project.timeZone);
    for (const model of MODEL_IDS) {
      for (const filter of [undefined, { campaign: '(none)' }]) {
        const q: RevenueQuery = { range: { from: addDays(today, -6), to: today }, model, mode: 'live', filter, interval: 'day' };
        expect(await revenueAggregatesFromDays(scope, q)).not.toBeNull();
        const { rollup, raw } = await compare(q);
        expect(rollup, model).toEqual(raw);
        expect(rollup.entries.length).toBeGreaterThanOrEqual(4);
      }
    }
  });

  it('notices a rollup left stale, and the sweep repairs it', async () => {
    // A refund written to the ledger without the rebuild that follows (a crash in between).
    const p = await prisma().payment.findFirstOrThrow({ where: { projectId, livemode: true, amountRefunded: 0, reportingAmount: { not: null } }, orderBy: { paidAt: 'asc' } });
    await pool().query(
      `INSERT INTO "Refund" (id, "projectId", "paymentId", "stripeAccount", "stripeRefundId", amount, currency, status, "createdAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'succeeded', $8)`,
      [uid(), projectId, p.id, p.stripeAccount, `re_${uid()}`, 100, p.currency, new Date(p.paidAt.getTime() + 2 * DAY)],
    );
    await pool().query(`UPDATE "Payment" SET "amountRefunded" = 100, "creditsDirty" = true WHERE id = $1`, [p.id]);
    const q: RevenueQuery = { range: { from: '2026-01-01', to: '2026-06-30' }, model: 'linear', mode: 'live', interval: 'day' };
    const stale = await compare(q);
    expect(stale.rollup).not.toEqual(stale.raw);
    expect(await rebuildDirtyCredits(projectId)).toBeGreaterThanOrEqual(1);
    const repaired = await compare(q);
    expect(repaired.rollup).toEqual(repaired.raw);
    expect(repaired.rollup.entries.some((e) => e.includes(`|refund|`))).toBe(true);
  });
});
