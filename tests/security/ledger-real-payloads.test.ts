/**
 * Issue 11 §7: the ledger on payloads as Stripe really sends them, across API versions. An
 * authorisation is not revenue until it is captured (and never if it expires or is released); an
 * invoice of 2016 without `amount_paid` records what it was paid; a malformed object (a 2013
 * dispute without an id) fails at once with the exact reason, while an event that is merely early
 * keeps its backoff. Through the real route and PostgreSQL, as every test here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { inboxWorker } from '@/lib/stripe/inbox/worker';
import { API, charge, deliverTo, event, LEGACY, refund, type SelfHostedProject, selfHostedProject, startWebhookServer, uid } from '../helpers/stripe-events';

let server: Awaited<ReturnType<typeof startWebhookServer>>;
const worker = inboxWorker();
const deliver = (p: SelfHostedProject, evt: object) => deliverTo(server, worker, p, evt);

beforeAll(async () => {
  server = await startWebhookServer();
  worker.start();
});
afterAll(async () => {
  await worker.stop();
  await server.close();
});

const paymentsOf = (p: SelfHostedProject) => prisma().payment.findMany({ where: { projectId: p.projectId }, orderBy: { createdAt: 'asc' } });
const inboxOf = (p: SelfHostedProject) =>
  prisma().stripeEvent.findMany({ where: { projectId: p.projectId }, orderBy: { id: 'asc' }, select: { type: true, status: true, attempts: true, lastError: true, nextAttemptAt: true } });
const later = (s: number) => Math.floor(Date.now() / 1000) + s;

describe('authorised, not captured', () => {
  it('is not revenue until charge.captured, which counts amount_captured', async () => {
    const p = await selfHostedProject();
    const auth = charge({ amount: 5000, captured: false, metadata: { zori_visitor_id: 'zv_auth' } });
    await deliver(p, event('charge.succeeded', auth, { apiVersion: API.basil }));
    expect(await paymentsOf(p)).toEqual([]);
    // Captured for less than authorised (basil and later: the rest is simply not captured, no refund).
    await deliver(p, event('charge.captured', { ...auth, captured: true, amount_captured: 3000 }, { apiVersion: API.basil, created: later(1) }));
    const rows = await paymentsOf(p);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ chargeId: auth.id, amount: 3000n, amountRefunded: 0n, visitorId: 'zv_auth' });
    expect((await inboxOf(p)).map((e) => [e.type, e.status])).toEqual([
      ['charge.succeeded', 'processed'],
      ['charge.captured', 'processed'],
    ]);
  });

  it('is never revenue when the authorisation expires or is released, and its release is not retried as an early refund', async () => {
    const p = await selfHostedProject();
    const auth = charge({ amount: 4000, captured: false });
    // Before basil, releasing an authorisation created a refund (and charge.refunded) of the uncaptured charge.
    const released = refund({ amount: 4000, charge: auth.id, pi: auth.payment_intent, reason: 'expired_uncaptured_charge' });
    const events = [
      event('refund.created', released, { apiVersion: API.legacy }), // may come first
      event('charge.succeeded', auth, { apiVersion: API.legacy }),
      event('charge.expired', { ...auth, refunded: true, amount_refunded: 4000 }, { apiVersion: API.legacy, created: later(1) }),
      event('charge.refunded', { ...auth, refunded: true, amount_refunded: 4000, refunds: { object: 'list', data: [released] } }, { apiVersion: API.legacy, created: later(1) }),
    ];
    for (const e of events) await deliver(p, e);
    // The refund that came first waited with a backoff: its time has come.
    await prisma().stripeEvent.updateMany({ where: { projectId: p.projectId, status: 'failed' }, data: { nextAttemptAt: new Date() } });
    await worker.poll();
    await worker.idle();
    expect(await paymentsOf(p)).toEqual([]);
    const inbox = await inboxOf(p);
    expect(inbox.filter((e) => e.status === 'failed')).toEqual([]);
    expect(inbox.find((e) => e.type === 'refund.created')).toMatchObject({ status: 'ignored', lastError: expect.stringMatching(/uncaptured/) });
  });

  it('before basil, a partial capture counts what was captured: the released rest is a refund of the authorised amount', async () => {
    const p = await selfHostedProject();
    const auth = charge({ amount: 1000, captured: false });
    await deliver(p, event('charge.succeeded', auth, { apiVersion: API.legacy }));
    expect(await paymentsOf(p)).toEqual([]);
    const captured = { ...auth, captured: true, amount_captured: 600, amount_refunded: 400 };
    const release = refund({ amount: 400, charge: auth.id, pi: auth.payment_intent });
    await deliver(p, event('charge.captured', captured, { apiVersion: API.legacy, created: later(1) }));
    await deliver(p, event('refund.created', release, { apiVersion: API.legacy, created: later(1) }));
    // Then the customer is refunded everything they paid.
    const full = refund({ amount: 600, charge: auth.id, pi: auth.payment_intent });
    await deliver(p, event('refund.created', full, { apiVersion: API.legacy, created: later(2) }));
    const [pay] = await paymentsOf(p);
    expect(pay).toMatchObject({ amount: 1000n, amountRefunded: 1000n });
    expect((await inboxOf(p)).every((e) => e.status === 'processed')).toBe(true);
  });
});

describe('older object shapes', () => {
  it('records a 2016 invoice paid without amount_paid (total, paid: true) once, with its charge', async () => {
    const p = await selfHostedProject();
    const ch = charge({ amount: 2000, pi: null });
    const inv = LEGACY.invoice2016({ total: 2000, charge: ch.id, visitorId: 'zv_2016' });
    ch.invoice = inv.id;
    await deliver(p, event('invoice.payment_succeeded', inv, { apiVersion: '2016-07-06' }));
    // Recorded from the invoice alone (its charge may come later, or never reach Zori).
    expect((await paymentsOf(p)).map((r) => [r.amount, r.amountSource])).toEqual([[2000n, 'invoice']]);
    await deliver(p, event('charge.succeeded', ch, { apiVersion: '2016-07-06' }));
    const rows = await paymentsOf(p);
    expect(rows.map((r) => ({ key: r.paymentKey, amount: r.amount, invoiceId: r.invoiceId, visitorId: r.visitorId }))).toEqual([
      { key: ch.id, amount: 2000n, invoiceId: inv.id, visitorId: 'zv_2016' },
    ]);
    expect((await inboxOf(p)).map((e) => e.status)).toEqual(['processed', 'processed']);
  });

  it('fails a 2013 dispute without an id at once, naming what is missing, while an early refund keeps its backoff', async () => {
    const p = await selfHostedProject();
    const c = charge({ amount: 3000 });
    await deliver(p, event('charge.succeeded', c, { apiVersion: '2013-08-13' }));
    await deliver(p, event('charge.dispute.created', LEGACY.dispute2013({ charge: c.id, amount: 3000, status: 'lost' }), { apiVersion: '2013-08-13' }));
    await deliver(p, event('refund.created', refund({ amount: 100, charge: `ch_${uid()}` })));
    const [, dispute, early] = await inboxOf(p);
    expect(dispute).toMatchObject({ status: 'failed', attempts: 1, lastError: 'dispute.id is missing', nextAttemptAt: null });
    expect(early).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringMatching(/No payment recorded yet/), nextAttemptAt: expect.any(Date) });
    expect((await paymentsOf(p))[0]).toMatchObject({ amount: 3000n, amountDisputed: 0n });
  });
});
