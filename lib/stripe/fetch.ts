import type Stripe from 'stripe';
import type { BalanceTransactionFacts } from '@/lib/money/convert';
import type { VisitorCandidates } from '@/lib/stripe/resolve-visitor';
import { VISITOR_METADATA_KEY, visitorIdFrom } from '@/lib/stripe/ledger/shapes';

// Optional look-ups with the account's API key, for what an event does not carry (PaymentIntent,
// subscription and customer metadata; the balance transaction). Without a usable key, or when
// Stripe cannot be reached, they return nothing and the ledger works from the events alone.

async function quietly<T>(what: string, run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (err) {
    console.warn(`[zori] stripe fetch of ${what} failed: ${err instanceof Error ? err.message : err}`);
    return null;
  }
}

const visitorOf = (m: Stripe.Metadata | null | undefined) => visitorIdFrom(m?.[VISITOR_METADATA_KEY]);

export async function fetchBalanceTransaction(api: Stripe | null, id: string | null): Promise<BalanceTransactionFacts | null> {
  if (!api || !id) return null;
  const bt = await quietly(`balance transaction ${id}`, () => api.balanceTransactions.retrieve(id));
  return bt ? { amount: BigInt(bt.amount), currency: bt.currency } : null;
}

/** Visitor ids from the PaymentIntent, subscription and customer behind a payment. */
export async function fetchVisitorCandidates(
  api: Stripe | null,
  refs: { paymentIntentId?: string | null; subscriptionId?: string | null; customerId?: string | null },
): Promise<VisitorCandidates> {
  if (!api) return {};
  const out: VisitorCandidates = {};
  if (refs.paymentIntentId) {
    const pi = await quietly(`payment intent ${refs.paymentIntentId}`, () => api.paymentIntents.retrieve(refs.paymentIntentId as string));
    const v = visitorOf(pi?.metadata);
    if (v) out.payment_intent_metadata = v;
  }
  if (refs.subscriptionId) {
    const sub = await quietly(`subscription ${refs.subscriptionId}`, () => api.subscriptions.retrieve(refs.subscriptionId as string));
    const v = visitorOf(sub?.metadata);
    if (v) out.subscription_metadata = v;
  }
  if (refs.customerId) {
    const cus = await quietly(`customer ${refs.customerId}`, () => api.customers.retrieve(refs.customerId as string));
    const v = cus && !('deleted' in cus && cus.deleted) ? visitorOf((cus as Stripe.Customer).metadata) : null;
    if (v) out.customer_metadata = v;
  }
  return out;
}
