import type { PaymentFacts, PaymentKind } from '@/lib/stripe/ledger/payments';
import {
  APP_USER_METADATA_KEY,
  idOf,
  int,
  isBasilOrLater,
  invoiceSubscriptionId,
  invoiceSubscriptionMetadata,
  metadataValue,
  obj,
  str,
  subscriptionLineMetadata,
  unixDate,
  VISITOR_METADATA_KEY,
  visitorIdFrom,
} from '@/lib/stripe/ledger/shapes';
import type { VisitorCandidates } from '@/lib/stripe/resolve-visitor';
import { chargeObjectSchema, invoiceObjectSchema, validStripeObject } from '@/lib/zod/stripe-objects';
import type { StripeObject } from './types';

// What a Charge or an Invoice says about its payment, in every API version's shape.

/** A charge authorised but not captured (`captured: false`): not revenue until captured. */
export function isUncaptured(charge: StripeObject): boolean {
  return charge.captured === false;
}

/**
 * The revenue of a captured charge. From basil on, a partial capture leaves the rest simply
 * uncaptured: `amount_captured`. Before basil, Stripe refunded the uncaptured rest (a Refund, and
 * `amount_refunded` includes it), so the payment is the authorised `amount` less that refund.
 */
function capturedAmount(charge: { amount: number; amount_captured?: number | null }, apiVersion: string | null | undefined): number {
  return isBasilOrLater(apiVersion) && typeof charge.amount_captured === 'number' ? charge.amount_captured : charge.amount;
}

/**
 * What a Charge says about its payment (in the shape of `apiVersion`); throws InvalidEventError for
 * a malformed charge. An uncaptured charge supplies no amount, so it never creates a payment.
 */
export function chargeFacts(object: StripeObject, apiVersion?: string | null): PaymentFacts {
  const charge = validStripeObject('charge', chargeObjectSchema, object);
  const uncaptured = isUncaptured(charge);
  const candidates: VisitorCandidates = {};
  const fromCharge = visitorIdFrom(metadataValue(charge, VISITOR_METADATA_KEY));
  if (fromCharge) candidates.charge_metadata = fromCharge;
  const pi = obj(charge.payment_intent); // expanded
  const fromPi = visitorIdFrom(metadataValue(pi, VISITOR_METADATA_KEY));
  if (fromPi) candidates.payment_intent_metadata = fromPi;
  const customer = obj(charge.customer); // expanded
  const fromCustomer = visitorIdFrom(metadataValue(customer, VISITOR_METADATA_KEY));
  if (fromCustomer) candidates.customer_metadata = fromCustomer;
  const billing = obj(charge.billing_details);
  return {
    paymentIntentId: idOf(charge.payment_intent),
    chargeId: charge.id,
    invoiceId: idOf(charge.invoice), // removed in basil
    amount: uncaptured ? null : { value: BigInt(capturedAmount(charge, apiVersion)), currency: charge.currency, source: 'charge' },
    customerId: idOf(charge.customer),
    customerEmail: str(billing?.email) ?? str(charge.receipt_email) ?? str(customer?.email),
    appUserId: metadataValue(charge, APP_USER_METADATA_KEY) ?? metadataValue(pi, APP_USER_METADATA_KEY) ?? metadataValue(customer, APP_USER_METADATA_KEY),
    paidAt: unixDate(charge.created),
    balanceTransactionId: idOf(charge.balance_transaction),
    candidates,
    chargeAmountRefunded: int(charge.amount_refunded),
  };
}

function invoiceKind(invoice: StripeObject, subscriptionId: string | null): PaymentKind {
  const reason = str(invoice.billing_reason);
  if (reason === 'subscription_create') return 'subscription_first';
  if (subscriptionId || reason?.startsWith('subscription')) return 'subscription_renewal';
  return 'one_time';
}

/** The invoice's payment: before basil `payment_intent`/`charge`; basil+ only through expanded `payments`. */
function invoicePaymentRefs(invoice: StripeObject): { paymentIntentId: string | null; chargeId: string | null } {
  const pi = idOf(invoice.payment_intent);
  const ch = idOf(invoice.charge);
  if (pi || ch) return { paymentIntentId: pi, chargeId: ch };
  const payments = obj(invoice.payments)?.data;
  if (Array.isArray(payments)) {
    const paid = payments.map(obj).filter((p) => p && (p.status === 'paid' || p.is_default));
    if (paid.length === 1) {
      const payment = obj(paid[0]?.payment);
      return { paymentIntentId: idOf(payment?.payment_intent), chargeId: idOf(payment?.charge) };
    }
  }
  return { paymentIntentId: null, chargeId: null };
}

/**
 * What the invoice was paid: `amount_paid` (2018 on); before it, a paid invoice (`paid: true`)
 * was paid its `amount_due` (the total less any credit balance applied), else its `total`.
 */
function invoicePaidAmount(invoice: { amount_paid?: number | null; amount_due?: number | null; total?: number | null; paid?: unknown }): bigint | null {
  if (typeof invoice.amount_paid === 'number') return BigInt(invoice.amount_paid);
  if (invoice.paid !== true) return null;
  const due = typeof invoice.amount_due === 'number' ? invoice.amount_due : invoice.total;
  return typeof due === 'number' ? BigInt(due) : null;
}

/** What an Invoice says about its payment; throws InvalidEventError for a malformed invoice. */
export function invoiceFacts(object: StripeObject): PaymentFacts {
  const invoice = validStripeObject('invoice', invoiceObjectSchema, object);
  const subscriptionId = invoiceSubscriptionId(invoice);
  const candidates: VisitorCandidates = {};
  const fromDetails = visitorIdFrom(invoiceSubscriptionMetadata(invoice)?.[VISITOR_METADATA_KEY]);
  if (fromDetails) candidates.invoice_subscription_metadata = fromDetails;
  const fromLines = subscriptionLineMetadata(invoice).map((m) => visitorIdFrom(m[VISITOR_METADATA_KEY])).find(Boolean);
  if (fromLines) candidates.subscription_metadata = fromLines;
  const fromSubscription = visitorIdFrom(metadataValue(obj(invoice.subscription), VISITOR_METADATA_KEY)); // expanded
  if (fromSubscription) candidates.subscription_metadata = fromSubscription;
  const fromCustomer = visitorIdFrom(metadataValue(obj(invoice.customer), VISITOR_METADATA_KEY));
  if (fromCustomer) candidates.customer_metadata = fromCustomer;
  const paid = invoicePaidAmount(invoice);
  const transitions = obj(invoice.status_transitions);
  return {
    ...invoicePaymentRefs(invoice),
    invoiceId: invoice.id,
    amount: paid !== null && paid > 0n ? { value: paid, currency: invoice.currency, source: 'invoice' } : null,
    customerId: idOf(invoice.customer),
    customerEmail: str(invoice.customer_email),
    appUserId: str(invoiceSubscriptionMetadata(invoice)?.[APP_USER_METADATA_KEY]),
    subscriptionId,
    kind: invoiceKind(invoice, subscriptionId),
    paidAt: unixDate(transitions?.paid_at) ?? unixDate(invoice.created) ?? unixDate(invoice.date), // `date` before 2019
    candidates,
  };
}
