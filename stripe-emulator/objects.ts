import balanceTransactionFixture from './fixtures/balance_transaction.json';
import chargeFixture from './fixtures/charge.json';
import checkoutSessionFixture from './fixtures/checkout.session.json';
import invoiceFixture from './fixtures/invoice.json';
import invoicePaymentFixture from './fixtures/invoice_payment.json';
import paymentIntentFixture from './fixtures/payment_intent.json';
import refundFixture from './fixtures/refund.json';
import subscriptionFixture from './fixtures/subscription.json';
import webhookEndpointFixture from './fixtures/webhook_endpoint.json';
import { newId, type StripeObject } from './state';

// Objects in Stripe's real shapes: each builder starts from Stripe's own example object
// (fixtures/, from the stripe/openapi fixtures) and sets the fields a payment actually fills.

export const API_VERSION = '2026-10-28.endive';

const clone = <T>(o: T): any => structuredClone(o);

type Money = { amount: number; currency: string; created: number; livemode: boolean };

export function customerObject(opts: { email?: string | null; name?: string | null; metadata?: Record<string, string>; created: number; livemode: boolean }): StripeObject {
  return {
    id: newId('cus', 14),
    object: 'customer',
    address: null,
    balance: 0,
    created: opts.created,
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    email: opts.email ?? null,
    invoice_prefix: newId('X', 6).slice(2).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: opts.livemode,
    metadata: opts.metadata ?? {},
    name: opts.name ?? null,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
}

export function balanceTransactionObject(opts: Money & { source: string; type: 'charge' | 'refund' | 'payment'; description?: string | null }): StripeObject {
  const o = clone(balanceTransactionFixture);
  const sign = opts.type === 'refund' ? -1 : 1;
  const amount = sign * opts.amount;
  // Stripe's standard US card pricing, 2.9% + 30¢; refunds do not return the fee.
  const fee = opts.type === 'refund' ? 0 : Math.round(opts.amount * 0.029) + 30;
  const feeDetails = fee ? [{ amount: fee, application: null, currency: opts.currency, description: 'Stripe processing fees', type: 'stripe_fee' }] : [];
  return {
    ...o,
    id: newId('txn'),
    amount,
    available_on: opts.created + 2 * 86400,
    created: opts.created,
    currency: opts.currency,
    description: opts.description ?? null,
    exchange_rate: null,
    fee,
    fee_details: feeDetails,
    net: amount - fee,
    reporting_category: opts.type === 'refund' ? 'refund' : 'charge',
    source: opts.source,
    status: 'pending',
    type: opts.type,
  };
}

export function paymentIntentObject(opts: Money & { customer: string | null; metadata: Record<string, string>; description?: string | null }): StripeObject {
  const o = clone(paymentIntentFixture);
  return {
    ...o,
    id: newId('pi'),
    amount: opts.amount,
    amount_received: opts.amount,
    automatic_payment_methods: { enabled: true },
    canceled_at: null,
    client_secret: null,
    created: opts.created,
    currency: opts.currency,
    customer: opts.customer,
    description: opts.description ?? null,
    last_payment_error: null,
    latest_charge: null,
    livemode: opts.livemode,
    metadata: opts.metadata,
    next_action: null,
    payment_method: newId('pm'),
    processing: null,
    status: 'succeeded',
    transfer_data: null,
    managed_payments: { enabled: false },
  };
}

export function chargeObject(
  opts: Money & { customer: string | null; metadata: Record<string, string>; paymentIntent: string; balanceTransaction: string; email?: string | null; description?: string | null },
): StripeObject {
  const o = clone(chargeFixture);
  const id = newId('ch');
  delete o.source; // legacy Sources API field, absent on PaymentIntent charges
  return {
    ...o,
    id,
    amount: opts.amount,
    amount_captured: opts.amount,
    amount_refunded: 0,
    balance_transaction: opts.balanceTransaction,
    billing_details: { ...o.billing_details, email: opts.email ?? null },
    captured: true,
    created: opts.created,
    currency: opts.currency,
    customer: opts.customer,
    description: opts.description ?? null,
    livemode: opts.livemode,
    metadata: opts.metadata,
    outcome: { ...o.outcome, network_status: 'approved_by_network', reason: null, risk_level: 'normal', seller_message: 'Payment complete.', type: 'authorized' },
    paid: true,
    payment_intent: opts.paymentIntent,
    payment_method: newId('pm'),
    receipt_email: opts.email ?? null,
    receipt_url: `https://pay.stripe.com/receipts/payment/${id}`,
    refunded: false,
    refunds: { object: 'list', data: [], has_more: false, url: `/v1/charges/${id}/refunds` },
    status: 'succeeded',
    transfer_data: null,
  };
}

export function checkoutSessionObject(
  opts: Money & {
    mode: 'payment' | 'subscription';
    customer: string | null;
    email: string | null;
    metadata: Record<string, string>;
    paymentIntent: string | null;
    subscription: string | null;
    invoice: string | null;
  },
): StripeObject {
  const o = clone(checkoutSessionFixture);
  const id = newId(opts.livemode ? 'cs_live' : 'cs_test', 58);
  return {
    ...o,
    id,
    amount_subtotal: opts.amount,
    amount_total: opts.amount,
    created: opts.created,
    currency: opts.currency,
    customer: opts.customer,
    customer_details: { ...o.customer_details, email: opts.email },
    customer_email: opts.email,
    expires_at: opts.created + 86400,
    invoice: opts.invoice,
    livemode: opts.livemode,
    metadata: opts.metadata,
    mode: opts.mode,
    payment_intent: opts.paymentIntent,
    payment_status: 'paid',
    shipping_cost: null,
    shipping_address_collection: null,
    status: 'complete',
    subscription: opts.subscription,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    url: null,
    currency_conversion: null,
  };
}

export function subscriptionObject(opts: Money & { customer: string; metadata: Record<string, string>; interval: 'month' | 'year' }): StripeObject {
  const o = clone(subscriptionFixture);
  const id = newId('sub');
  const period = opts.interval === 'year' ? 365 * 86400 : 30 * 86400;
  const item = clone(o.items.data[0]);
  item.id = newId('si', 14);
  item.subscription = id;
  item.created = opts.created;
  item.current_period_start = opts.created;
  item.current_period_end = opts.created + period;
  item.price = { ...item.price, id: newId('price'), currency: opts.currency, unit_amount: opts.amount, unit_amount_decimal: String(opts.amount), recurring: { ...item.price.recurring, interval: opts.interval } };
  item.plan = { ...item.plan, id: item.price.id, amount: opts.amount, amount_decimal: String(opts.amount), currency: opts.currency, interval: opts.interval, interval_count: 1, billing_scheme: 'per_unit', livemode: opts.livemode };
  return {
    ...o,
    id,
    billing_cycle_anchor: opts.created,
    cancel_at: null,
    canceled_at: null,
    cancel_at_period_end: false,
    created: opts.created,
    currency: opts.currency,
    customer: opts.customer,
    ended_at: null,
    items: { object: 'list', data: [item], has_more: false, url: `/v1/subscription_items?subscription=${id}` },
    latest_invoice: null,
    livemode: opts.livemode,
    metadata: opts.metadata,
    next_pending_invoice_item_invoice: null,
    pause_collection: null,
    pending_invoice_item_interval: null,
    pending_update: null,
    start_date: opts.created,
    status: 'active',
    transfer_data: null,
    trial_end: null,
    trial_start: null,
    billing_schedules: [],
  };
}

export function invoiceObject(
  opts: Money & {
    customer: string;
    email: string | null;
    subscription: StripeObject;
    billingReason: 'subscription_create' | 'subscription_cycle';
    accountName: string;
  },
): StripeObject {
  const o = clone(invoiceFixture);
  const id = newId('in');
  const item = opts.subscription.items.data[0];
  const periodStart = opts.created;
  const periodEnd = item.current_period_end > opts.created ? item.current_period_end : opts.created + 30 * 86400;
  const line = clone(o.lines.data[0]);
  Object.assign(line, {
    id: newId('il'),
    amount: opts.amount,
    currency: opts.currency,
    description: `1 × Subscription (at ${(opts.amount / 100).toFixed(2)} / ${item.price.recurring.interval})`,
    invoice: id,
    livemode: opts.livemode,
    period: { start: periodStart, end: periodEnd },
    subscription: opts.subscription.id,
    parent: {
      invoice_item_details: null,
      subscription_item_details: { invoice_item: null, proration: false, proration_details: { credited_items: null }, subscription: opts.subscription.id, subscription_item: item.id },
      type: 'subscription_item_details',
    },
    pricing: { price_details: { price: item.price.id, product: item.price.product }, type: 'price_details', unit_amount_decimal: String(opts.amount) },
    subtotal: opts.amount,
  });
  return {
    ...o,
    id,
    account_name: opts.accountName,
    amount_due: opts.amount,
    amount_paid: opts.amount,
    amount_remaining: 0,
    amount_overpaid: 0,
    attempt_count: 1,
    attempted: true,
    auto_advance: false,
    billing_reason: opts.billingReason,
    created: opts.created,
    currency: opts.currency,
    customer: opts.customer,
    customer_email: opts.email,
    due_date: null,
    effective_at: opts.created,
    ending_balance: 0,
    from_invoice: null,
    hosted_invoice_url: `https://invoice.stripe.com/i/${id}`,
    invoice_pdf: `https://pay.stripe.com/invoice/${id}/pdf`,
    issuer: { type: 'self' },
    last_finalization_error: null,
    lines: { object: 'list', data: [line], has_more: false, url: `/v1/invoices/${id}/lines` },
    livemode: opts.livemode,
    next_payment_attempt: null,
    number: `${newId('X', 8).slice(2).toUpperCase()}-0001`,
    // Since API 2025-03-31.basil the subscription and its metadata are reached through `parent`.
    parent: {
      quote_details: null,
      subscription_details: { metadata: opts.subscription.metadata, subscription: opts.subscription.id },
      type: 'subscription_details',
    },
    period_end: periodStart,
    period_start: periodStart,
    shipping_cost: null,
    status: 'paid',
    status_transitions: { finalized_at: opts.created, marked_uncollectible_at: null, paid_at: opts.created, voided_at: null },
    subscription: undefined,
    subtotal: opts.amount,
    subtotal_excluding_tax: opts.amount,
    total: opts.amount,
    total_excluding_tax: opts.amount,
    webhooks_delivered_at: opts.created,
  };
}

export function invoicePaymentObject(opts: Money & { invoice: string; paymentIntent: string }): StripeObject {
  const o = clone(invoicePaymentFixture);
  return {
    ...o,
    id: newId('inpay'),
    amount_paid: opts.amount,
    amount_requested: opts.amount,
    created: opts.created,
    currency: opts.currency,
    invoice: opts.invoice,
    is_default: true,
    livemode: opts.livemode,
    payment: { payment_intent: opts.paymentIntent, type: 'payment_intent' },
    status: 'paid',
    status_transitions: { canceled_at: null, paid_at: opts.created },
  };
}

export function refundObject(opts: Money & { charge: string; paymentIntent: string | null; balanceTransaction: string; reason: string | null }): StripeObject {
  const o = clone(refundFixture);
  return {
    ...o,
    id: newId('re'),
    amount: opts.amount,
    balance_transaction: opts.balanceTransaction,
    charge: opts.charge,
    created: opts.created,
    currency: opts.currency,
    payment_intent: opts.paymentIntent,
    reason: opts.reason,
    status: 'succeeded',
  };
}

export function webhookEndpointObject(opts: {
  url: string;
  enabledEvents: string[];
  apiVersion: string | null;
  description: string | null;
  metadata: Record<string, string>;
  connect: boolean;
  livemode: boolean;
  created: number;
}): StripeObject {
  const o = clone(webhookEndpointFixture);
  return {
    ...o,
    id: newId('we'),
    api_version: opts.apiVersion,
    created: opts.created,
    description: opts.description,
    enabled_events: opts.enabledEvents,
    livemode: opts.livemode,
    metadata: opts.metadata,
    status: 'enabled',
    url: opts.url,
    // Not a public field: whether the endpoint listens to connected accounts' events.
    connect: opts.connect,
  };
}

export function eventObject(opts: {
  type: string;
  object: StripeObject | Record<string, unknown>;
  account: string | null;
  livemode: boolean;
  created: number;
  previousAttributes?: Record<string, unknown>;
}): StripeObject {
  return {
    id: newId('evt'),
    object: 'event',
    ...(opts.account && { account: opts.account }),
    api_version: API_VERSION,
    created: opts.created,
    data: { object: structuredClone(opts.object), ...(opts.previousAttributes && { previous_attributes: opts.previousAttributes }) },
    livemode: opts.livemode,
    pending_webhooks: 0,
    request: { id: null, idempotency_key: null },
    type: opts.type,
  };
}
