import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seal } from '@/lib/crypto/secrets';
import { prisma } from '@/lib/db/client';
import { ingestBuffer } from '@/lib/ingest/queue';
import { forgetWebhookTarget } from '@/lib/stripe/connection';
import { inboxWorker } from '@/lib/stripe/inbox/worker';
import { randomToken } from '@/lib/tenancy/tokens';
import { leanRoutes } from '@/server/lean-routes';
import { ingestRoute } from '@/server/routes/ingest';
import { listUnattributedPayments } from '@/lib/stripe/diagnostics';
import { actorOf, makeTenant } from '../helpers/factories';
import { API, charge, checkoutSession, event, invoice, invoicePayment, signedHeader, startWebhookServer, uid } from '../helpers/stripe-events';

// Stripe's no-code checkouts (Payment Links, Pricing Tables, Buy Buttons) carry nothing but the
// tracker's visitor id in client_reference_id. A real visit through /ingest, then Stripe's events
// through the real webhook route, inbox and worker: the payment, the subscription and its renewals
// (months later, with no metadata anywhere) are credited to that visit.

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const DAY = 86400;
let server: Awaited<ReturnType<typeof startWebhookServer>>;
const worker = inboxWorker();

beforeAll(async () => {
  if (!leanRoutes.includes(ingestRoute)) leanRoutes.push(ingestRoute);
  server = await startWebhookServer();
  worker.start();
});
afterAll(async () => {
  await worker.stop();
  await server.close();
});

async function selfHostedProject(attributionWindowDays = 90) {
  const { project, byRole } = await makeTenant(['owner']);
  await prisma().project.update({ where: { id: project.id }, data: { attributionWindowDays } });
  const secret = `whsec_${uid()}`;
  await prisma().stripeConnection.create({ data: { projectId: project.id, kind: 'self_hosted', stripeAccountId: `acct_${uid()}`, webhookSecrets: [seal(secret)] } });
  forgetWebhookTarget(project.id);
  return { projectId: project.id, key: project.publishableKey, secret, owner: actorOf(byRole.owner!) };
}
type P = Awaited<ReturnType<typeof selfHostedProject>>;

/** A visit as the tracker reports it (landing page view with its session start), stored. */
async function visit(p: P, session: Record<string, string>, vid = randomToken(22)) {
  const now = Date.now();
  const res = await fetch(`${server.base}/ingest`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', origin: 'https://shop.example.test', 'user-agent': CHROME },
    body: JSON.stringify({ key: p.key, vid, sid: randomToken(22), now, events: [{ type: 'pageview', ts: now, path: '/pricing', session }] }),
  });
  expect(res.status).toBe(202);
  await ingestBuffer().flush();
  return vid;
}

async function deliver(p: P, ...events: object[]) {
  for (const evt of events) {
    const body = JSON.stringify(evt);
    const res = await server.post(p.projectId, body, { 'stripe-signature': signedHeader(body, p.secret) });
    expect(res.status).toBe(200);
    await worker.idle();
  }
}

/** The events Stripe sends for one paid subscription invoice (basil+ shapes: no metadata on any of them). */
function invoicePaidEvents(o: { sub: string; reason: 'subscription_create' | 'subscription_cycle'; amount: number; at: number }) {
  const pi = `pi_${uid()}`;
  const inv = Object.assign(invoice(API.dahlia, { sub: o.sub, amountPaid: o.amount, reason: o.reason }), { created: o.at });
  inv.status_transitions.paid_at = o.at;
  const ch = Object.assign(charge({ pi, amount: o.amount }), { created: o.at });
  return { invoiceId: inv.id as string, pi, events: [event('invoice.paid', inv, { created: o.at }), event('invoice_payment.paid', invoicePayment({ invoice: inv.id, pi, amount: o.amount }), { created: o.at }), event('charge.succeeded', ch, { created: o.at })] };
}

const paymentsOf = (projectId: string) => prisma().payment.findMany({ where: { projectId }, orderBy: { paidAt: 'asc' } });
const firstTouchCredit = (paymentId: string) =>
  prisma().revenueCredit.findFirst({ where: { paymentId, model: 'first_touch', kind: 'payment' }, select: { visitorId: true, channel: true, source: true, revenue: true } });

describe('Payment Links, Pricing Tables and Buy Buttons (client_reference_id)', () => {
  it('credits a Payment Link subscription, and its renewal months later, to the visit that led to it', async () => {
    const p = await selfHostedProject(120);
    const vid = await visit(p, { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'spring' });
    const sub = `sub_${uid()}`;
    const now = Math.floor(Date.now() / 1000);
    const first = invoicePaidEvents({ sub, reason: 'subscription_create', amount: 2900, at: now });
    const session = Object.assign(checkoutSession({ mode: 'subscription', sub, invoice: first.invoiceId, clientReferenceId: vid }), { payment_link: `plink_${uid()}`, created: now });

    // The invoice and charge arrive before the session here (delivery order is not guaranteed).
    await deliver(p, ...first.events, event('checkout.session.completed', session));
    const renewal = invoicePaidEvents({ sub, reason: 'subscription_cycle', amount: 2900, at: now + 95 * DAY });
    await deliver(p, ...renewal.events);

    const [firstPayment, renewalPayment, ...rest] = await paymentsOf(p.projectId);
    expect(rest).toHaveLength(0);
    for (const [pay, kind, pi] of [[firstPayment, 'subscription_first', first.pi], [renewalPayment, 'subscription_renewal', renewal.pi]] as const) {
      expect(pay).toMatchObject({ paymentKey: pi, kind, subscriptionId: sub, amount: 2900n, visitorId: vid, visitorIdSource: 'checkout_session_client_reference_id', attributionStatus: 'attributed' });
      expect(await firstTouchCredit(pay.id)).toEqual({ visitorId: vid, channel: 'Email', source: 'newsletter', revenue: 2900n });
    }
    expect(firstPayment.checkoutSessionId).toBe(session.id);
  });

  it('credits a one-off Payment Link payment whichever of the session and the charge arrives first', async () => {
    for (const order of ['session first', 'charge first'] as const) {
      const p = await selfHostedProject();
      const vid = await visit(p, { referrer: 'https://www.google.com/' });
      const pi = `pi_${uid()}`;
      const events = [event('checkout.session.completed', { ...checkoutSession({ pi, clientReferenceId: vid }), payment_link: `plink_${uid()}` }), event('charge.succeeded', { ...charge({ pi, amount: 4900 }), created: Math.floor(Date.now() / 1000) + 5 })];
      await deliver(p, ...(order === 'session first' ? events : events.reverse()));
      const [pay] = await paymentsOf(p.projectId);
      expect(pay, order).toMatchObject({ visitorId: vid, visitorIdSource: 'checkout_session_client_reference_id', attributionStatus: 'attributed' });
      expect(await firstTouchCredit(pay.id)).toMatchObject({ channel: 'Organic Search', source: 'google' });
    }
  });

  it("keeps a client_reference_id that is not one of the project's visitors out of attribution, and says so", async () => {
    const p = await selfHostedProject();
    const other = await selfHostedProject();
    const otherVisitor = await visit(other, { utm_source: 'x', utm_medium: 'social' });
    for (const reference of ['user_42', otherVisitor]) {
      const pi = `pi_${uid()}`;
      await deliver(p, event('checkout.session.completed', { ...checkoutSession({ pi, clientReferenceId: reference }), payment_link: `plink_${uid()}` }), event('charge.succeeded', charge({ pi })));
      const pay = await prisma().payment.findFirstOrThrow({ where: { projectId: p.projectId, paymentKey: pi } });
      expect(pay).toMatchObject({ visitorId: null, attributionStatus: 'no_visitor_id' });
      const listed = (await listUnattributedPayments(p.owner, p.projectId)).find((u) => u.id === pay.id);
      expect(listed?.fix.reason).toContain(`client_reference_id (“${reference}”) is not a visitor Zori has seen`);
    }
  });

  it('a cookieless page: the page id the tracker put on the link is tied to the visit when the visitor heads to checkout', async () => {
    const p = await selfHostedProject();
    const pageId = randomToken(22);
    const sid = randomToken(22);
    const post = (vid: string | null, events: object[]) =>
      fetch(`${server.base}/ingest`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', origin: 'https://shop.example.test', 'user-agent': CHROME },
        body: JSON.stringify({ key: p.key, vid, sid, now: Date.now(), events }),
      });
    const start = { utm_source: 'chatgpt.com', referrer: 'https://chatgpt.com/' };
    expect((await post(null, [{ type: 'pageview', ts: Date.now(), path: '/pricing', session: start }])).status).toBe(202);
    expect((await post(pageId, [{ type: 'session', ts: Date.now(), path: '/pricing', session: start }])).status).toBe(202);
    await ingestBuffer().flush();
    const pi = `pi_${uid()}`;
    await deliver(p, event('checkout.session.completed', { ...checkoutSession({ pi, clientReferenceId: pageId }), payment_link: `plink_${uid()}` }), event('charge.succeeded', { ...charge({ pi }), created: Math.floor(Date.now() / 1000) + 5 }));
    const pay = await prisma().payment.findFirstOrThrow({ where: { projectId: p.projectId, paymentKey: pi } });
    expect(pay).toMatchObject({ visitorId: pageId, attributionStatus: 'attributed' });
    expect(await firstTouchCredit(pay.id)).toMatchObject({ visitorId: pageId, source: 'chatgpt.com' });
  });

  it('says which no-code set-up lacked the visitor id: a Payment Link or Buy Button, or a Pricing Table', async () => {
    const p = await selfHostedProject();
    const plink = `plink_${uid()}`;
    const [viaLink, viaTable] = [`pi_${uid()}`, `pi_${uid()}`];
    await deliver(p, event('checkout.session.completed', { ...checkoutSession({ pi: viaLink }), payment_link: plink }), event('charge.succeeded', charge({ pi: viaLink })));
    await deliver(p, event('checkout.session.completed', checkoutSession({ pi: viaTable })), event('charge.succeeded', charge({ pi: viaTable })));
    const listed = await listUnattributedPayments(p.owner, p.projectId);
    const fixOf = (pi: string) => listed.find((u) => u.paymentKey === pi)!.fix;
    expect(fixOf(viaLink).reason).toContain(`Payment Link ${plink}`);
    expect(fixOf(viaLink).fix).toContain('data-stripe-link-domains');
    expect(fixOf(viaTable).reason).toContain('Pricing Table');
    expect(fixOf(viaTable).fix).toContain('<stripe-pricing-table>');
  });
});
