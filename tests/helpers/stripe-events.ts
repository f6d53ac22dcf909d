import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { seal } from '@/lib/crypto/secrets';
import { prisma } from '@/lib/db/client';
import { stripeWebhooks } from '@/lib/stripe/client';
import { forgetWebhookTarget } from '@/lib/stripe/connection';
import type { InboxWorker } from '@/lib/stripe/inbox/worker';
import { findLeanRoute } from '@/server/lean-routes';
import { leanRoutes } from '@/server/lean-routes';
import { stripeWebhookRoute } from '@/server/routes/stripe-webhook';
import { makeTenant } from './factories';

// Builders of Stripe events in the shapes of several API versions (starting from Stripe's own
// fixtures in tests/fixtures/stripe), and a real node:http server running the lean webhook route.

type Obj = Record<string, any>;
const fixture = (name: string): Obj => JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/stripe', name), 'utf8'));

export const uid = () => randomBytes(6).toString('hex');

export const API = { legacy: '2022-11-15', v2024: '2024-06-20', basil: '2025-03-31.basil', dahlia: '2026-07-29.dahlia' } as const;

export function event(type: string, object: Obj, opts: { apiVersion?: string; account?: string | null; created?: number; livemode?: boolean } = {}): Obj {
  return {
    id: `evt_${uid()}`,
    object: 'event',
    api_version: opts.apiVersion ?? API.dahlia,
    created: opts.created ?? Math.floor(Date.now() / 1000),
    data: { object },
    livemode: opts.livemode ?? false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    ...(opts.account !== undefined && opts.account !== null && { account: opts.account }),
  };
}

export function charge(
  o: {
    amount?: number;
    currency?: string;
    pi?: string | null;
    id?: string;
    metadata?: Obj;
    invoice?: string;
    email?: string | null;
    customer?: string | null;
    amountRefunded?: number;
    refunds?: Obj[];
    /** false: authorised, not captured yet (amount_captured 0). */
    captured?: boolean;
    amountCaptured?: number;
  } = {},
): Obj {
  const base = fixture('event.charge.succeeded.connect.json').data.object;
  const c: Obj = {
    ...base,
    id: o.id ?? `ch_${uid()}`,
    created: Math.floor(Date.now() / 1000) - 60,
    amount: o.amount ?? 2500,
    captured: o.captured ?? true,
    amount_captured: o.amountCaptured ?? (o.captured === false ? 0 : (o.amount ?? 2500)),
    currency: o.currency ?? 'usd',
    payment_intent: o.pi === undefined ? `pi_${uid()}` : o.pi,
    metadata: o.metadata ?? {},
    customer: o.customer ?? null,
    billing_details: { ...base.billing_details, email: o.email ?? null },
    amount_refunded: o.amountRefunded ?? 0,
    refunded: (o.amountRefunded ?? 0) >= (o.amount ?? 2500),
  };
  if (o.invoice) c.invoice = o.invoice;
  if (o.refunds) c.refunds = { object: 'list', data: o.refunds, has_more: false };
  return c;
}

/**
 * Objects as Stripe sent them under API versions from before Zori's fixtures (2013-2016): a
 * dispute was known by its charge and had no id; an invoice had `total`, `amount_due`, `paid`,
 * `closed` and `date`, but no `amount_paid`, `status` or `status_transitions`.
 */
export const LEGACY = {
  dispute2013(o: { charge: string; amount: number; status: string; currency?: string }): Obj {
    const created = Math.floor(Date.now() / 1000) - 3600;
    return {
      object: 'dispute',
      livemode: false,
      amount: o.amount,
      charge: o.charge,
      created,
      status: o.status,
      reason: 'general',
      currency: o.currency ?? 'usd',
      balance_transaction: `txn_${uid()}`,
      evidence: null,
      evidence_due_by: created + 14 * 86400,
    };
  },
  invoice2016(o: { total: number; charge: string; sub?: string; currency?: string; visitorId?: string }): Obj {
    const date = Math.floor(Date.now() / 1000) - 120;
    const sub = o.sub ?? `sub_${uid()}`;
    return {
      id: `in_${uid()}`,
      object: 'invoice',
      amount_due: o.total,
      application_fee: null,
      attempt_count: 1,
      attempted: true,
      charge: o.charge,
      closed: true,
      currency: o.currency ?? 'usd',
      customer: `cus_${uid()}`,
      date,
      description: null,
      discount: null,
      ending_balance: 0,
      forgiven: false,
      lines: {
        object: 'list',
        data: [{ id: sub, object: 'line_item', type: 'subscription', amount: o.total, currency: o.currency ?? 'usd', metadata: o.visitorId ? { zori_visitor_id: o.visitorId } : {}, period: { start: date, end: date + 30 * 86400 } }],
        has_more: false,
        total_count: 1,
        url: '/v1/invoices/in_x/lines',
      },
      livemode: false,
      metadata: {},
      next_payment_attempt: null,
      paid: true,
      period_end: date,
      period_start: date - 30 * 86400,
      receipt_number: null,
      starting_balance: 0,
      statement_descriptor: null,
      subscription: sub,
      subtotal: o.total,
      tax: null,
      tax_percent: null,
      total: o.total,
      webhooks_delivered_at: null,
    };
  },
};

/** An invoice in the shape of the given API version. */
export function invoice(
  version: string,
  o: { id?: string; amountPaid?: number; currency?: string; sub?: string; pi?: string; ch?: string; visitorId?: string; reason?: string; customerEmail?: string },
): Obj {
  const base = fixture('event.invoice.payment_succeeded.basil.connect.json').data.object;
  const id = o.id ?? `in_${uid()}`;
  const sub = o.sub ?? `sub_${uid()}`;
  const metadata = o.visitorId ? { zori_visitor_id: o.visitorId } : {};
  const inv: Obj = {
    ...base,
    id,
    status: 'paid',
    amount_paid: o.amountPaid ?? 2500,
    amount_due: o.amountPaid ?? 2500,
    total: o.amountPaid ?? 2500,
    currency: o.currency ?? 'usd',
    billing_reason: o.reason ?? 'subscription_create',
    customer_email: o.customerEmail ?? null,
    status_transitions: { paid_at: Math.floor(Date.now() / 1000), finalized_at: null, marked_uncollectible_at: null, voided_at: null },
  };
  delete inv.parent;
  if (version === API.legacy) {
    // Before 2023-06-29: no subscription_details; the subscription's metadata is on its line items.
    Object.assign(inv, { subscription: sub, payment_intent: o.pi ?? null, charge: o.ch ?? null });
    inv.lines = { object: 'list', data: [{ id: `il_${uid()}`, object: 'line_item', type: 'subscription', subscription: sub, metadata }], has_more: false };
  } else if (version === API.v2024) {
    Object.assign(inv, { subscription: sub, payment_intent: o.pi ?? null, charge: o.ch ?? null, subscription_details: { metadata } });
    inv.lines = { object: 'list', data: [], has_more: false };
  } else {
    inv.parent = { type: 'subscription_details', quote_details: null, subscription_details: { subscription: sub, metadata } };
    inv.lines = { object: 'list', data: [], has_more: false };
  }
  return inv;
}

export function checkoutSession(o: { mode?: 'payment' | 'subscription'; pi?: string | null; sub?: string | null; invoice?: string | null; visitorId?: string; clientReferenceId?: string | null }): Obj {
  const base = fixture('event.checkout.session.completed.connect.json').data.object;
  return {
    ...base,
    id: `cs_test_${uid()}`,
    mode: o.mode ?? 'payment',
    payment_intent: o.pi ?? null,
    subscription: o.sub ?? null,
    invoice: o.invoice ?? null,
    metadata: o.visitorId ? { zori_visitor_id: o.visitorId } : {},
    client_reference_id: o.clientReferenceId ?? null,
    payment_status: 'paid',
    status: 'complete',
  };
}

export function refund(o: { id?: string; amount: number; charge: string; pi?: string | null; status?: string; currency?: string; reason?: string | null }): Obj {
  return {
    ...fixture('refund.json'),
    id: o.id ?? `re_${uid()}`,
    amount: o.amount,
    charge: o.charge,
    payment_intent: o.pi ?? null,
    status: o.status ?? 'succeeded',
    currency: o.currency ?? 'usd',
    ...(o.reason !== undefined && { reason: o.reason }),
  };
}

export function dispute(o: { id?: string; amount: number; charge: string; status: string }): Obj {
  return { ...fixture('dispute.json'), id: o.id ?? `dp_${uid()}`, amount: o.amount, charge: o.charge, status: o.status };
}

export function invoicePayment(o: { invoice: string; pi: string; amount: number; currency?: string }): Obj {
  return {
    ...fixture('invoice_payment.json'),
    id: `inpay_${uid()}`,
    invoice: o.invoice,
    amount_paid: o.amount,
    amount_requested: o.amount,
    currency: o.currency ?? 'usd',
    status: 'paid',
    payment: { type: 'payment_intent', payment_intent: o.pi },
    status_transitions: { canceled_at: null, paid_at: Math.floor(Date.now() / 1000) },
  };
}

export function signedHeader(payload: string, secret: string, timestamp?: number): string {
  return stripeWebhooks.generateTestHeaderString({ payload, secret, ...(timestamp !== undefined && { timestamp }) });
}

/** The real lean webhook route on a random port. */
export async function startWebhookServer() {
  if (!leanRoutes.includes(stripeWebhookRoute)) leanRoutes.push(stripeWebhookRoute);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://zori.local');
    const route = findLeanRoute(url.pathname);
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    Promise.resolve(route.handle(req, res, url)).catch((err) => {
      console.error(err);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    async post(projectId: string, body: string, headers: Record<string, string> = {}) {
      const res = await fetch(`${base}/webhooks/stripe/${projectId}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
      return { status: res.status, body: (await res.json().catch(() => null)) as Obj | null };
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/**
 * A tenant whose project is set up for the self-hosted endpoint: its webhook secret(s) and, unless
 * `account: null` (a webhook secret pasted without a key), the Stripe account Zori verified for it.
 */
export async function selfHostedProject(o: { secrets?: string[]; reportingCurrency?: string; account?: string | null } = {}) {
  const secrets = o.secrets ?? [`whsec_${uid()}`];
  const tenant = await makeTenant(['owner']);
  if (o.reportingCurrency) await prisma().project.update({ where: { id: tenant.project.id }, data: { reportingCurrency: o.reportingCurrency } });
  const account = o.account === undefined ? `acct_${uid()}` : o.account;
  await prisma().stripeConnection.create({
    data: { projectId: tenant.project.id, kind: 'self_hosted', stripeAccountId: account, webhookSecrets: secrets.map((s) => seal(s)) },
  });
  forgetWebhookTarget(tenant.project.id);
  return { projectId: tenant.project.id, secret: secrets[0], account, tenant };
}
export type SelfHostedProject = Awaited<ReturnType<typeof selfHostedProject>>;

/** Signs `evt` with the project's secret, POSTs it to the real route and waits until the worker has run it. */
export async function deliverTo(
  server: Awaited<ReturnType<typeof startWebhookServer>>,
  worker: InboxWorker,
  p: { projectId: string; secret: string },
  evt: object,
  opts: { secret?: string; timestamp?: number } = {},
) {
  const body = JSON.stringify(evt);
  const res = await server.post(p.projectId, body, { 'stripe-signature': signedHeader(body, opts.secret ?? p.secret, opts.timestamp) });
  await worker.idle();
  return res;
}
