/**
 * Issue 11 §2: amounts, currencies, money display and signature timestamps. Every event here is
 * correctly signed with the project's own secret (its admin can sign anything) and POSTed to the
 * real route; the figures checked are the ones the dashboard reads (the payment's totals and its
 * revenue credits). A bad amount or currency must change no figure and leave the event failed, with
 * its reason, and not waiting for a retry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportTableCsv } from '@/lib/analytics/export';
import { formatMoney as formatDashboardMoney, minorToMajor } from '@/lib/analytics/dashboard-params';
import { pool, prisma } from '@/lib/db/client';
import { formatMoney } from '@/lib/money/currencies';
import { inboxWorker } from '@/lib/stripe/inbox/worker';
import { actorOf } from '../helpers/factories';
import { charge, deliverTo, dispute, event, refund, type SelfHostedProject, selfHostedProject, signedHeader, startWebhookServer, uid } from '../helpers/stripe-events';

let server: Awaited<ReturnType<typeof startWebhookServer>>;
const worker = inboxWorker();
const deliver = (p: SelfHostedProject, evt: object, opts: { timestamp?: number } = {}) => deliverTo(server, worker, p, evt, opts);

beforeAll(async () => {
  server = await startWebhookServer();
  worker.start();
});
afterAll(async () => {
  await worker.stop();
  await server.close();
});

/** What the dashboard counts for a payment (first-touch credits): revenue and refunds, in minor units. */
async function credited(paymentId: string) {
  const { rows } = await pool().query<{ revenue: string | null; refunded: string | null }>(
    `SELECT SUM(revenue)::text AS revenue, SUM(refunded)::text AS refunded FROM "RevenueCredit" WHERE "paymentId" = $1 AND model = 'first_touch'`,
    [paymentId],
  );
  return { revenue: Number(rows[0]?.revenue ?? 0), refunded: Number(rows[0]?.refunded ?? 0) };
}

/** The inbox row of an event, as the diagnostics page shows it. */
const inboxRow = (p: SelfHostedProject, eventId: string) => prisma().stripeEvent.findFirstOrThrow({ where: { projectId: p.projectId, eventId } });

/** Failed once, with its reason, and not due again: the poller will never run it by itself. */
async function expectFailedForGood(p: SelfHostedProject, eventId: string, reason: RegExp) {
  const row = await inboxRow(p, eventId);
  expect({ status: row.status, attempts: row.attempts, lastError: row.lastError }).toEqual({ status: 'failed', attempts: 1, lastError: expect.stringMatching(reason) });
  expect(row.nextAttemptAt).toBeNull();
}

describe('amounts', () => {
  it('a negative refund amount raises no refunded figure and fails at once with its reason', async () => {
    const p = await selfHostedProject();
    const c = charge({ amount: 1000 });
    await deliver(p, event('charge.succeeded', c));
    await deliver(p, event('refund.created', refund({ amount: 300, charge: c.id, pi: c.payment_intent })));
    await deliver(p, event('charge.refunded', { ...c, amount_refunded: 300 }));
    const negative = event('refund.created', refund({ amount: -5000, charge: c.id, pi: c.payment_intent }));
    await deliver(p, negative);
    const pay = await prisma().payment.findFirstOrThrow({ where: { projectId: p.projectId } });
    expect(await credited(pay.id)).toEqual({ revenue: 1000, refunded: 300 });
    expect(pay.amountRefunded).toBe(300n);
    expect(await prisma().refund.count({ where: { paymentId: pay.id } })).toBe(1);
    await expectFailedForGood(p, negative.id, /refund\.amount.*-5000.*negative/);
  });

  it('a refund beyond what is left of the payment is refused, not capped into the figures', async () => {
    const p = await selfHostedProject();
    const c = charge({ amount: 1000 });
    await deliver(p, event('charge.succeeded', c));
    await deliver(p, event('refund.created', refund({ amount: 800, charge: c.id, pi: c.payment_intent })));
    const tooMuch = event('refund.created', refund({ amount: 500, charge: c.id, pi: c.payment_intent }));
    await deliver(p, tooMuch);
    const pay = await prisma().payment.findFirstOrThrow({ where: { projectId: p.projectId } });
    expect(pay.amountRefunded).toBe(800n);
    expect(await credited(pay.id)).toEqual({ revenue: 1000, refunded: 800 });
    await expectFailedForGood(p, tooMuch.id, /refund re_\w+ of 500 usd would bring the refunds of payment pi_\w+ to 1300 usd, more than its 1000 usd/);
  });

  it('amounts that are not integers or beyond Stripe limits record nothing (twelve digits in IDR are fine)', async () => {
    const p = await selfHostedProject();
    const bad = [
      event('charge.succeeded', charge({ amount: 100_000_000 })), // nine digits: more than Stripe charges in USD
      event('charge.succeeded', charge({ amount: 12.5 })),
      event('charge.succeeded', { ...charge(), amount: '1000' }),
      event('charge.succeeded', charge({ amount: 1_000_000_000_000, currency: 'idr' })),
      event('charge.dispute.created', dispute({ amount: 1e21, charge: `ch_${uid()}`, status: 'needs_response' })),
    ];
    for (const e of bad) await deliver(p, e);
    const ok = event('charge.succeeded', charge({ amount: 999_999_999_999, currency: 'idr' }));
    await deliver(p, ok);
    expect((await prisma().payment.findMany({ where: { projectId: p.projectId } })).map((r) => [r.currency, r.amount])).toEqual([['idr', 999_999_999_999n]]);
    for (const [i, e] of bad.entries()) {
      const why = [/charge\.amount: 100000000 is more than Stripe allows in usd \(99999999\)/, /charge\.amount: 12\.5 is not a whole number/, /charge\.amount: "1000" is not a number/, /charge\.amount: 1000000000000 is more than Stripe allows in idr/, /dispute\.amount: 1e\+21 is more than Stripe allows in usd/][i]!;
      await expectFailedForGood(p, e.id, why);
    }
  });
});

describe('currencies', () => {
  it('a currency Stripe does not support is refused where the event enters', async () => {
    const p = await selfHostedProject();
    const us = event('charge.succeeded', charge({ amount: 1000, currency: 'us' }));
    const made = event('charge.succeeded', charge({ amount: 1000, currency: 'zzz' }));
    await deliver(p, us);
    await deliver(p, made);
    expect(await prisma().payment.count({ where: { projectId: p.projectId } })).toBe(0);
    await expectFailedForGood(p, us.id, /charge\.currency: "us" is not a currency Stripe supports/);
    await expectFailedForGood(p, made.id, /charge\.currency: "zzz" is not a currency Stripe supports/);
  });

  it('money formatting never throws, whatever is stored, and the payments CSV still answers', async () => {
    for (const currency of ['us', '', 'ZZZ', 'usdollars', '€', 'u$d', 'jpy', 'kwd', 'isk']) {
      for (const amount of [1234, -5, 0, Number.MAX_SAFE_INTEGER]) {
        expect(() => formatMoney(amount, currency), `${amount} ${currency}`).not.toThrow();
        expect(() => formatDashboardMoney(amount, currency), `${amount} ${currency}`).not.toThrow();
        expect(Number.isFinite(minorToMajor(amount, currency))).toBe(true);
      }
    }
    expect(formatDashboardMoney(123456, 'usd')).toBe('$1,234.56');
    const plain = (s: string) => s.replace(/\s/g, ' ');
    expect(plain(formatDashboardMoney(1234, 'kwd'))).toBe('KWD 1.234');
    // ISK: Stripe counts it in hundredths (500 = 5 ISK) although it has no minor unit.
    expect(plain(formatDashboardMoney(500, 'isk'))).toBe('ISK 5.00');
    expect(plain(formatMoney(1000, 'us'))).toBe('US 10.00');
    // A payment stored with a bad currency before the check existed.
    const p = await selfHostedProject();
    await prisma().payment.create({
      data: { projectId: p.projectId, livemode: true, stripeAccount: p.account!, paymentKey: `pi_${uid()}`, amount: 1000n, currency: 'us', reportingCurrency: 'usd', paidAt: new Date() },
    });
    const { csv } = await exportTableCsv(actorOf(p.tenant.byRole.owner!), p.projectId, { table: 'payments', period: 'all' });
    expect(csv.split('\n')[1]).toContain('10.00,US,');
  });
});

describe('signature timestamps', () => {
  it('refuses a timestamp more than five minutes in the future, with its own counted reason', async () => {
    const p = await selfHostedProject();
    const now = Math.floor(Date.now() / 1000);
    const ahead = event('charge.succeeded', charge({ amount: 700 }));
    const res = await deliver(p, ahead, { timestamp: now + 400 });
    expect(await prisma().stripeEvent.count({ where: { projectId: p.projectId } })).toBe(0);
    expect(res).toMatchObject({ status: 400, body: { reason: 'future_signature' } });
    // A clock a minute ahead is not an attack.
    expect((await deliver(p, event('charge.succeeded', charge({ amount: 700 })), { timestamp: now + 60 })).status).toBe(200);
    const body = JSON.stringify(ahead);
    expect((await server.post(p.projectId, body, { 'stripe-signature': signedHeader(body, 'whsec_wrong', now + 400) })).body).toMatchObject({ reason: 'bad_signature' });
    const counts = await prisma().webhookRejection.findMany({ where: { projectId: p.projectId } });
    expect(Object.fromEntries(counts.map((c) => [c.reason, c.count]))).toEqual({ future_signature: 1, bad_signature: 1 });
  });
});
