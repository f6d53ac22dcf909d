/**
 * Issue 11 §1: no webhook received for project A may read or change a ledger or inbox row of
 * project B, whatever the signed event carries. The signing secret of a self-hosted project is
 * whatever its admin pasted, so "A" below signs anything it likes with its own secret and POSTs it
 * to its own endpoint, over HTTP, to the real lean route and the real PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { inboxWorker } from '@/lib/stripe/inbox/worker';
import { charge, deliverTo, dispute, event, refund, type SelfHostedProject, selfHostedProject, startWebhookServer, uid } from '../helpers/stripe-events';

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

const paymentsOf = (projectId: string) => prisma().payment.findMany({ where: { projectId }, orderBy: { createdAt: 'asc' } });
const rejections = async (projectId: string) =>
  Object.fromEntries((await prisma().webhookRejection.findMany({ where: { projectId } })).map((r) => [r.reason, r.count]));

describe('a signed event names another tenant (self-hosted endpoint)', () => {
  it("refuses A's refund.created naming B's account and PaymentIntent; B's refunds and net do not move", async () => {
    const a = await selfHostedProject();
    const b = await selfHostedProject();
    const genuine = charge({ amount: 5000 });
    await deliver(b, event('charge.succeeded', genuine));
    const forged = refund({ amount: 3000, charge: genuine.id, pi: genuine.payment_intent });
    const res = await deliver(a, event('refund.created', forged, { account: b.account }));
    // What B's owner sees first (the damage, if any), then how A was answered.
    const [paid] = await paymentsOf(b.projectId);
    expect(paid).toMatchObject({ amount: 5000n, amountRefunded: 0n, amountDisputed: 0n });
    expect(await prisma().refund.count({ where: { paymentId: paid!.id } })).toBe(0);
    expect(res).toMatchObject({ status: 400, body: { reason: 'account_mismatch' } });
    expect(await prisma().stripeEvent.count({ where: { projectId: a.projectId } })).toBe(0);
    expect(await rejections(a.projectId)).toEqual({ account_mismatch: 1 });
  });

  it("does not let A's tiny charge.succeeded for B's PaymentIntent take B's payment", async () => {
    const a = await selfHostedProject();
    const b = await selfHostedProject();
    const pi = `pi_${uid()}`; // readable by any shopper from a client secret
    const res = await deliver(a, event('charge.succeeded', charge({ pi, amount: 1 }), { account: b.account }));
    const real = event('charge.succeeded', charge({ pi, amount: 8900 }));
    const genuine = await deliver(b, real);
    const rows = await paymentsOf(b.projectId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ paymentIntentId: pi, amount: 8900n });
    expect(genuine).toEqual({ status: 200, body: { received: true } });
    expect(await paymentsOf(a.projectId)).toHaveLength(0);
    expect(res).toMatchObject({ status: 400, body: { reason: 'account_mismatch' } });
  });

  it('does not reach a project without a Stripe account through account "self:<its id>"', async () => {
    const a = await selfHostedProject({ account: null });
    const b = await selfHostedProject({ account: null }); // only a webhook secret was pasted
    const genuine = charge({ amount: 2000 });
    await deliver(b, event('charge.succeeded', genuine));
    const lost = dispute({ amount: 2000, charge: genuine.id, status: 'lost' });
    const answers = [];
    for (const account of [`self:${b.projectId}`, 'self', `self:${a.projectId}`]) answers.push(await deliver(a, event('charge.dispute.closed', lost, { account })));
    const [paid] = await paymentsOf(b.projectId);
    expect(paid).toMatchObject({ amount: 2000n, amountDisputed: 0n });
    expect(await prisma().dispute.count({ where: { paymentId: paid!.id } })).toBe(0);
    for (const res of answers) expect(res).toMatchObject({ status: 400, body: { reason: 'account_mismatch' } });
    expect(await rejections(a.projectId)).toEqual({ account_mismatch: 3 });
  });

  it("does not turn B's genuine event into a duplicate because A stored its id first", async () => {
    const a = await selfHostedProject();
    const b = await selfHostedProject();
    const real = event('charge.succeeded', charge({ amount: 4100 }));
    const squatted = { ...event('charge.succeeded', charge({ amount: 1 }), { account: b.account }), id: real.id };
    const res = await deliver(a, squatted);
    const genuine = await deliver(b, real);
    expect((await paymentsOf(b.projectId)).map((p) => p.amount)).toEqual([4100n]);
    expect(genuine).toEqual({ status: 200, body: { received: true } });
    expect(res).toMatchObject({ status: 400, body: { reason: 'account_mismatch' } });
  });
});

describe('two projects on one Stripe account', () => {
  // The account check cannot tell these apart (both verified the same account), so this is what
  // proves that the inbox, the ledger look-ups, updates, merges and locks are scoped by project.
  it('keep their own inbox rows and payments for the same event and the same PaymentIntent', async () => {
    const account = `acct_${uid()}`;
    const a = await selfHostedProject({ account });
    const b = await selfHostedProject({ account });
    const c = charge({ amount: 6000 });
    const succeeded = event('charge.succeeded', c);
    // Stripe sends the same event to both endpoints.
    const answers = [await deliver(b, succeeded), await deliver(a, succeeded)];
    await deliver(a, event('refund.created', refund({ amount: 6000, charge: c.id, pi: c.payment_intent })));
    await deliver(a, event('charge.dispute.closed', dispute({ amount: 6000, charge: c.id, status: 'lost' })));
    const [ofA] = await paymentsOf(a.projectId);
    const [ofB] = await paymentsOf(b.projectId);
    expect(ofA).toMatchObject({ paymentIntentId: c.payment_intent, amount: 6000n, amountRefunded: 6000n, amountDisputed: 6000n });
    expect(ofB).toMatchObject({ paymentIntentId: c.payment_intent, amount: 6000n, amountRefunded: 0n, amountDisputed: 0n });
    expect(await prisma().stripeEvent.findMany({ where: { eventId: succeeded.id }, select: { projectId: true, status: true }, orderBy: { id: 'asc' } })).toEqual([
      { projectId: b.projectId, status: 'processed' },
      { projectId: a.projectId, status: 'processed' },
    ]);
    expect(answers).toEqual([{ status: 200, body: { received: true } }, { status: 200, body: { received: true } }]);
  });
});
