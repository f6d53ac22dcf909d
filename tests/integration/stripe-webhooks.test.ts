import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { hashIdentity } from '@/lib/identity/hash';
import { inboxWorker } from '@/lib/stripe/inbox/worker';
import { API, charge, checkoutSession, deliverTo, dispute, event, invoice, invoicePayment, refund, type SelfHostedProject, selfHostedProject, signedHeader, startWebhookServer, uid } from '../helpers/stripe-events';

// The self-hosted webhook endpoint end to end: signed events POSTed over HTTP to the real lean
// route, stored in the real PostgreSQL inbox, processed by the in-process worker into the ledger.

let server: Awaited<ReturnType<typeof startWebhookServer>>;
const worker = inboxWorker();

const connectedProject = (secrets?: string[], reportingCurrency?: string) => selfHostedProject({ secrets, reportingCurrency });

type P = SelfHostedProject;

const deliver = (p: P, evt: object, opts: { secret?: string; timestamp?: number } = {}) => deliverTo(server, worker, p, evt, opts);

const payments = (projectId: string) => prisma().payment.findMany({ where: { projectId }, orderBy: { createdAt: 'asc' } });

beforeAll(async () => {
  server = await startWebhookServer();
  worker.start();
});
afterAll(async () => {
  await worker.stop();
  await server.close();
});

describe('charge.succeeded', () => {
  it('records one payment with the visitor id from the charge metadata', async () => {
    const p = await connectedProject();
    const c = charge({ amount: 4200, metadata: { zori_visitor_id: 'zv_alice' }, email: 'a@example.test' });
    const res = await deliver(p, event('charge.succeeded', c, { livemode: true }));
    expect(res).toEqual({ status: 200, body: { received: true } });
    const [pay, ...rest] = await payments(p.projectId);
    expect(rest).toHaveLength(0);
    expect(pay).toMatchObject({
      paymentKey: c.payment_intent,
      paymentIntentId: c.payment_intent,
      chargeId: c.id,
      amount: 4200n,
      currency: 'usd',
      reportingAmount: 4200n,
      fxSource: 'same_currency',
      livemode: true,
      customerEmail: 'a@example.test',
      visitorId: 'zv_alice',
      visitorIdSource: 'charge_metadata',
      attributionStatus: 'unknown_visitor',
      kind: 'one_time',
    });
    const stored = await prisma().stripeEvent.findMany({ where: { projectId: p.projectId } });
    expect(stored.map((e) => e.status)).toEqual(['processed']);
  });

  it('acknowledges a redelivery three times without doing the work again', async () => {
    const p = await connectedProject();
    const evt = event('charge.succeeded', charge({ amount: 999, metadata: { zori_visitor_id: 'zv_bob' } }));
    await deliver(p, evt);
    const before = await payments(p.projectId);
    for (let i = 0; i < 3; i++) expect(await deliver(p, evt)).toEqual({ status: 200, body: { received: true, duplicate: true } });
    const after = await payments(p.projectId);
    expect(after).toHaveLength(1);
    expect(after[0].amount).toBe(999n);
    expect(after[0].updatedAt).toEqual(before[0].updatedAt);
    expect(await prisma().stripeEvent.count({ where: { projectId: p.projectId } })).toBe(1);
  });

  it('attributes a payment whose visitor has a touch in the window', async () => {
    const p = await connectedProject();
    const now = new Date();
    await prisma().visitor.create({ data: { projectId: p.projectId, visitorId: 'zv_known', firstSeenAt: now, lastSeenAt: now } });
    await prisma().touch.create({ data: { projectId: p.projectId, visitorId: 'zv_known', sessionId: 's1', occurredAt: new Date(Date.now() - 3600_000), channel: 'Organic Search' } });
    await deliver(p, event('charge.succeeded', charge({ metadata: { zori_visitor_id: 'zv_known' } })));
    await deliver(p, event('charge.succeeded', charge({ metadata: {} })));
    const rows = await payments(p.projectId);
    expect(rows.map((r) => r.attributionStatus).sort()).toEqual(['attributed', 'no_visitor_id']);
  });

  it('falls back to the visitor identify() linked to the customer email', async () => {
    const p = await connectedProject();
    const project = await prisma().project.findUniqueOrThrow({ where: { id: p.projectId } });
    const now = new Date();
    await prisma().visitor.create({
      data: { projectId: p.projectId, visitorId: 'zv_identified', firstSeenAt: now, lastSeenAt: now, emailHash: hashIdentity(project.identitySalt, 'email', 'Carol@Example.test'), identifiedAt: now },
    });
    await deliver(p, event('charge.succeeded', charge({ email: 'carol@example.test ' })));
    const [pay] = await payments(p.projectId);
    expect(pay).toMatchObject({ visitorId: 'zv_identified', visitorIdSource: 'identify_email' });
  });
});

describe('one subscription payment, several events', () => {
  for (const version of [API.legacy, API.v2024]) {
    it(`counts charge + invoice once, in either order (API ${version})`, async () => {
      for (const order of ['charge-first', 'invoice-first'] as const) {
        const p = await connectedProject();
        const pi = `pi_${uid()}`;
        const inv = invoice(version, { pi, amountPaid: 1500, visitorId: 'zv_sub' });
        // Before basil a subscription charge still names its invoice.
        const ch = charge({ pi, amount: 1500, invoice: inv.id });
        inv.charge = ch.id;
        const events = [event('charge.succeeded', ch, { apiVersion: version }), event('invoice.payment_succeeded', inv, { apiVersion: version }), event('invoice.paid', inv, { apiVersion: version })];
        if (order === 'invoice-first') events.reverse();
        for (const e of events) await deliver(p, e);
        for (const e of events) await deliver(p, e); // and redelivered
        const rows = await payments(p.projectId);
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({
          paymentKey: pi,
          chargeId: ch.id,
          invoiceId: inv.id,
          subscriptionId: inv.subscription,
          amount: 1500n,
          amountSource: 'charge',
          kind: 'subscription_first',
          visitorId: 'zv_sub',
          visitorIdSource: version === API.legacy ? 'subscription_metadata' : 'invoice_subscription_metadata',
        });
      }
    });
  }

  it('merges a basil invoice and its charge through invoice_payment.paid, in reverse order', async () => {
    const p = await connectedProject();
    const pi = `pi_${uid()}`;
    const inv = invoice(API.basil, { amountPaid: 2000, visitorId: 'zv_basil', reason: 'subscription_cycle' });
    const ch = charge({ pi, amount: 2000 }); // basil charges no longer name their invoice
    const events = [
      event('charge.succeeded', ch, { apiVersion: API.basil }),
      event('invoice.payment_succeeded', inv, { apiVersion: API.basil }),
      event('invoice_payment.paid', invoicePayment({ invoice: inv.id, pi, amount: 2000 }), { apiVersion: API.basil }),
    ].reverse();
    for (const e of events) await deliver(p, e);
    const rows = await payments(p.projectId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ paymentKey: pi, invoiceId: inv.id, chargeId: ch.id, amount: 2000n, kind: 'subscription_renewal', visitorId: 'zv_basil' });
  });

  it('merges an invoice recorded first with its charge once they are linked (basil order)', async () => {
    const p = await connectedProject();
    const pi = `pi_${uid()}`;
    const inv = invoice(API.dahlia, { amountPaid: 3000, visitorId: 'zv_inv' });
    await deliver(p, event('invoice.payment_succeeded', inv));
    expect(await payments(p.projectId)).toHaveLength(1);
    await deliver(p, event('charge.succeeded', charge({ pi, amount: 3000 })));
    await deliver(p, event('invoice_payment.paid', invoicePayment({ invoice: inv.id, pi, amount: 3000 })));
    const rows = await payments(p.projectId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ paymentKey: pi, amount: 3000n, invoiceId: inv.id, visitorId: 'zv_inv', visitorIdSource: 'invoice_subscription_metadata' });
  });

  it('records no revenue for a zero-amount invoice', async () => {
    const p = await connectedProject();
    const res = await deliver(p, event('invoice.payment_succeeded', invoice(API.dahlia, { amountPaid: 0, visitorId: 'zv_trial' })));
    expect(res.status).toBe(200);
    expect(await payments(p.projectId)).toHaveLength(0);
    expect((await prisma().stripeEvent.findFirstOrThrow({ where: { projectId: p.projectId } })).status).toBe('ignored');
  });
});

describe('checkout sessions', () => {
  it('carries session metadata to a charge without metadata, whichever arrives first', async () => {
    for (const order of ['session-first', 'charge-first']) {
      const p = await connectedProject();
      const pi = `pi_${uid()}`;
      const events = [event('checkout.session.completed', checkoutSession({ pi, visitorId: 'zv_checkout' })), event('charge.succeeded', charge({ pi }))];
      if (order === 'charge-first') events.reverse();
      for (const e of events) await deliver(p, e);
      const [pay, ...rest] = await payments(p.projectId);
      expect(rest).toHaveLength(0);
      expect(pay).toMatchObject({ visitorId: 'zv_checkout', visitorIdSource: 'checkout_session_metadata', checkoutSessionId: expect.stringMatching(/^cs_test_/) });
    }
  });

  it('takes a visitor id from a Payment Link client_reference_id', async () => {
    const p = await connectedProject();
    const pi = `pi_${uid()}`;
    await deliver(p, event('checkout.session.completed', checkoutSession({ pi, clientReferenceId: 'zv_fromlink' })));
    await deliver(p, event('charge.succeeded', charge({ pi })));
    expect((await payments(p.projectId))[0]).toMatchObject({ visitorId: 'zv_fromlink', visitorIdSource: 'checkout_session_client_reference_id' });
  });

  it('prefers charge metadata over the session', async () => {
    const p = await connectedProject();
    const pi = `pi_${uid()}`;
    await deliver(p, event('checkout.session.completed', checkoutSession({ pi, visitorId: 'zv_session' })));
    await deliver(p, event('charge.succeeded', charge({ pi, metadata: { zori_visitor_id: 'zv_charge' } })));
    expect((await payments(p.projectId))[0]).toMatchObject({ visitorId: 'zv_charge', visitorIdSource: 'charge_metadata' });
  });
});

describe('currencies', () => {
  it('stores JPY and KWD in their own minor units and converts to the reporting currency', async () => {
    const p = await connectedProject(undefined, 'usd');
    const jpy = charge({ amount: 15240, currency: 'jpy' });
    const kwd = charge({ amount: 3060, currency: 'kwd' });
    await deliver(p, event('charge.succeeded', jpy));
    await deliver(p, event('charge.succeeded', kwd));
    const rows = await payments(p.projectId);
    const byCurrency = Object.fromEntries(rows.map((r) => [r.currency, r]));
    expect(byCurrency.jpy).toMatchObject({ amount: 15240n, reportingAmount: 10000n, reportingCurrency: 'usd', fxSource: expect.stringMatching(/^rate_table:/) });
    expect(byCurrency.kwd).toMatchObject({ amount: 3060n, reportingAmount: 1000n, reportingCurrency: 'usd' });
  });
});

describe('refunds and disputes', () => {
  it('applies a partial then a full refund, once each, whatever is redelivered', async () => {
    const p = await connectedProject();
    const c = charge({ amount: 1000 });
    await deliver(p, event('charge.succeeded', c));
    const r1 = refund({ amount: 300, charge: c.id, pi: c.payment_intent });
    const partial = [event('refund.created', r1), event('charge.refunded', { ...c, amount_refunded: 300 })];
    for (const e of partial) await deliver(p, e);
    expect((await payments(p.projectId))[0].amountRefunded).toBe(300n);
    const r2 = refund({ amount: 700, charge: c.id, pi: c.payment_intent });
    const full = [event('refund.created', r2), event('refund.updated', r2), event('charge.refunded', { ...c, amount_refunded: 1000, refunded: true }, { created: Math.floor(Date.now() / 1000) + 1 })];
    for (const e of [...full, ...full, ...partial]) await deliver(p, e);
    const [pay] = await payments(p.projectId);
    expect(pay.amountRefunded).toBe(1000n);
    expect(await prisma().refund.count({ where: { paymentId: pay.id } })).toBe(2);
  });

  it('records refunds listed on charge.refunded (older API versions)', async () => {
    const p = await connectedProject();
    const c = charge({ amount: 5000 });
    const listed = [refund({ amount: 1000, charge: c.id }), refund({ amount: 500, charge: c.id })];
    await deliver(p, event('charge.refunded', { ...c, amount_refunded: 1500, refunds: { object: 'list', data: listed } }, { apiVersion: API.legacy }));
    const [pay] = await payments(p.projectId);
    expect(pay).toMatchObject({ amount: 5000n, amountRefunded: 1500n });
    expect(await prisma().refund.count({ where: { paymentId: pay.id } })).toBe(2);
  });

  it('retries a refund that arrives before its charge, then applies it', async () => {
    const p = await connectedProject();
    const c = charge({ amount: 800 });
    const early = event('refund.created', refund({ amount: 800, charge: c.id, pi: c.payment_intent }));
    expect((await deliver(p, early)).status).toBe(200);
    const failed = await prisma().stripeEvent.findFirstOrThrow({ where: { projectId: p.projectId, eventId: early.id } });
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toMatch(/No payment recorded yet/);
    await deliver(p, event('charge.succeeded', c));
    await prisma().stripeEvent.update({ where: { id: failed.id }, data: { nextAttemptAt: new Date() } }); // its backoff has passed
    await worker.poll();
    await worker.idle();
    expect((await prisma().stripeEvent.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe('processed');
    expect((await payments(p.projectId))[0].amountRefunded).toBe(800n);
  });

  it('reduces net revenue for a lost dispute only, even when closed arrives before created', async () => {
    const p = await connectedProject();
    const won = charge({ amount: 1000 });
    const lost = charge({ amount: 2000 });
    await deliver(p, event('charge.succeeded', won));
    await deliver(p, event('charge.succeeded', lost));
    const now = Math.floor(Date.now() / 1000);
    const dWon = dispute({ amount: 1000, charge: won.id, status: 'needs_response' });
    await deliver(p, event('charge.dispute.created', dWon, { created: now }));
    expect((await prisma().payment.findFirstOrThrow({ where: { chargeId: won.id } })).amountDisputed).toBe(0n);
    await deliver(p, event('charge.dispute.closed', { ...dWon, status: 'won' }, { created: now + 10 }));
    const dLost = dispute({ amount: 2000, charge: lost.id, status: 'needs_response' });
    await deliver(p, event('charge.dispute.closed', { ...dLost, status: 'lost' }, { created: now + 10 }));
    await deliver(p, event('charge.dispute.created', dLost, { created: now }));
    expect((await prisma().payment.findFirstOrThrow({ where: { chargeId: won.id } })).amountDisputed).toBe(0n);
    expect((await prisma().payment.findFirstOrThrow({ where: { chargeId: lost.id } })).amountDisputed).toBe(2000n);
  });
});

describe('rejected deliveries', () => {
  it('rejects bad, expired, missing and other-project signatures, counting each', async () => {
    const p = await connectedProject();
    const other = await connectedProject();
    const body = JSON.stringify(event('charge.succeeded', charge()));
    const bad = await server.post(p.projectId, body, { 'stripe-signature': signedHeader(body, 'whsec_wrong') });
    expect(bad.status).toBe(400);
    expect(bad.body?.error).toMatch(/does not match/);
    const expired = await server.post(p.projectId, body, { 'stripe-signature': signedHeader(body, p.secret, Math.floor(Date.now() / 1000) - 400) });
    expect(expired).toMatchObject({ status: 400, body: { reason: 'expired_signature' } });
    const missing = await server.post(p.projectId, body);
    expect(missing).toMatchObject({ status: 400, body: { reason: 'missing_signature' } });
    const otherProject = await server.post(p.projectId, body, { 'stripe-signature': signedHeader(body, other.secret) });
    expect(otherProject).toMatchObject({ status: 400, body: { reason: 'bad_signature' } });
    const malformed = await server.post(p.projectId, body, { 'stripe-signature': 'not a header' });
    expect(malformed).toMatchObject({ status: 400, body: { reason: 'malformed_signature' } });
    expect(await prisma().stripeEvent.count({ where: { projectId: p.projectId } })).toBe(0);
    const counts = await prisma().webhookRejection.findMany({ where: { projectId: p.projectId } });
    expect(Object.fromEntries(counts.map((c) => [c.reason, c.count]))).toEqual({ bad_signature: 2, expired_signature: 1, missing_signature: 1, malformed_signature: 1 });
  });

  it('accepts either secret during a roll', async () => {
    const p = await connectedProject([`whsec_${uid()}`, `whsec_${uid()}`]);
    const project = await prisma().stripeConnection.findUniqueOrThrow({ where: { projectId: p.projectId } });
    expect(project.webhookSecrets).toHaveLength(2);
    const { open } = await import('@/lib/crypto/secrets');
    const second = open(project.webhookSecrets[1]);
    expect((await deliver(p, event('charge.succeeded', charge()), { secret: second })).status).toBe(200);
    expect((await deliver(p, event('charge.succeeded', charge()))).status).toBe(200);
    expect(await payments(p.projectId)).toHaveLength(2);
  });

  it('answers 400 to a signed body that is not JSON', async () => {
    const p = await connectedProject();
    const body = '} I am not valid JSON; 123][';
    const res = await server.post(p.projectId, body, { 'stripe-signature': signedHeader(body, p.secret) });
    expect(res).toMatchObject({ status: 400, body: { reason: 'invalid_payload' } });
  });

  it('answers 413 to a 2 MB body and stores nothing', async () => {
    const p = await connectedProject();
    const body = JSON.stringify({ padding: 'x'.repeat(2 * 1024 * 1024) });
    const res = await server.post(p.projectId, body, { 'stripe-signature': signedHeader(body, p.secret) });
    expect(res.status).toBe(413);
    expect(await prisma().stripeEvent.count({ where: { projectId: p.projectId } })).toBe(0);
  });

  it('answers 404 for an unknown project', async () => {
    const res = await server.post('no_such_project', '{}', { 'stripe-signature': 't=1,v1=00' });
    expect(res.status).toBe(404);
  });

  it('acknowledges an event type Zori does not use and never processes it', async () => {
    const p = await connectedProject();
    const res = await deliver(p, event('customer.created', { id: 'cus_1', object: 'customer' }));
    expect(res).toEqual({ status: 200, body: { received: true, ignored: true } });
    const [row] = await prisma().stripeEvent.findMany({ where: { projectId: p.projectId } });
    expect(row).toMatchObject({ status: 'ignored', attempts: 0 });
  });
});

describe('concurrency', () => {
  it('keeps one payment per real payment when many events of many payments arrive at once', async () => {
    const p = await connectedProject();
    const bodies: string[] = [];
    const expected = new Map<string, bigint>();
    for (let i = 0; i < 20; i++) {
      const pi = `pi_${uid()}`;
      const amount = 1000 + i;
      const inv = invoice(API.basil, { amountPaid: amount, visitorId: `zv_c${i}` });
      expected.set(pi, BigInt(amount));
      for (const e of [
        event('charge.succeeded', charge({ pi, amount })),
        event('invoice.payment_succeeded', inv, { apiVersion: API.basil }),
        event('invoice.paid', inv, { apiVersion: API.basil }),
        event('invoice_payment.paid', invoicePayment({ invoice: inv.id, pi, amount }), { apiVersion: API.basil }),
      ]) {
        bodies.push(JSON.stringify(e), JSON.stringify(e)); // each delivered twice
      }
    }
    bodies.sort(() => Math.random() - 0.5);
    const results = await Promise.all(bodies.map((body) => server.post(p.projectId, body, { 'stripe-signature': signedHeader(body, p.secret) })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    // Events that raced ahead of their partner are retried by the poller; run until the inbox is settled.
    for (let i = 0; i < 20 && (await prisma().stripeEvent.count({ where: { projectId: p.projectId, status: { in: ['pending', 'failed'] } } })) > 0; i++) {
      await prisma().stripeEvent.updateMany({ where: { projectId: p.projectId, status: 'failed' }, data: { nextAttemptAt: new Date() } });
      await worker.poll();
      await worker.idle();
    }
    const rows = await payments(p.projectId);
    expect(rows).toHaveLength(20);
    expect(new Map(rows.map((r) => [r.paymentKey, r.amount]))).toEqual(expected);
    expect(rows.every((r) => r.invoiceId && r.visitorIdSource === 'invoice_subscription_metadata')).toBe(true);
    expect(await prisma().stripeEvent.count({ where: { projectId: p.projectId } })).toBe(80);
  });
});

describe('durability', () => {
  it('processes an event stored before a crash exactly once after restart', async () => {
    const p = await connectedProject();
    await worker.stop(); // the process "dies" after storing, before processing
    const evt = event('charge.succeeded', charge({ amount: 777 }));
    expect((await deliver(p, evt)).status).toBe(200);
    expect((await prisma().stripeEvent.findFirstOrThrow({ where: { projectId: p.projectId } })).status).toBe('pending');
    expect(await payments(p.projectId)).toHaveLength(0);
    worker.start(); // restart: the first poll picks up what is pending
    await worker.poll();
    await worker.idle();
    await deliver(p, evt); // and Stripe's redelivery changes nothing
    const rows = await payments(p.projectId);
    expect(rows).toHaveLength(1);
    expect(rows[0].amount).toBe(777n);
    expect((await prisma().stripeEvent.findFirstOrThrow({ where: { projectId: p.projectId } })).status).toBe('processed');
  });
});
