import type { PaymentFacts, PaymentKind } from '@/lib/stripe/ledger/payments';
import {
  APP_USER_METADATA_KEY,
  idOf,
  int,
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

/** What a Charge says about its payment; throws InvalidEventError for a malformed charge. */
export function chargeFacts(object: StripeObject): PaymentFacts {
  const charge = validStripeObject('charge', chargeObjectSchema, object);
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
  const amount = int(charge.amount);
  const currency = str(charge.currency);
  return {
    paymentIntentId: idOf(charge.payment_intent),
    chargeId: str(charge.id),
    invoiceId: idOf(charge.invoice), // removed in basil
    amount: amount !== null && currency ? { value: amount, currency, source: 'charge' } : null,
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
  const amountPaid = int(invoice.amount_paid);
  const currency = str(invoice.currency);
  const transitions = obj(invoice.status_transitions);
  return {
    ...invoicePaymentRefs(invoice),
    invoiceId: str(invoice.id),
    amount: amountPaid !== null && amountPaid > 0n && currency ? { value: amountPaid, currency, source: 'invoice' } : null,
    customerId: idOf(invoice.customer),
    customerEmail: str(invoice.customer_email),
    appUserId: str(invoiceSubscriptionMetadata(invoice)?.[APP_USER_METADATA_KEY]),
    subscriptionId,
    kind: invoiceKind(invoice, subscriptionId),
    paidAt: unixDate(transitions?.paid_at) ?? unixDate(invoice.created),
    candidates,
  };
}
