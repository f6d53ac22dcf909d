import { fetchVisitorCandidates } from '@/lib/stripe/fetch';
import { upsertPayment } from '@/lib/stripe/ledger/payments';
import { invoiceFacts } from './facts';
import type { EventHandler } from './types';

/**
 * invoice.payment_succeeded: a subscription (or invoice) payment. It adds the subscription, the kind
 * (first payment or renewal) and the subscription's metadata to the payment its charge made; it only
 * supplies the amount while the charge is unknown. Zero-amount invoices record no revenue.
 */
export const invoicePaymentSucceeded: EventHandler = async (ctx, invoice) => {
  const facts = invoiceFacts(invoice);
  const api = await ctx.stripeApi();
  if (api && !facts.candidates?.invoice_subscription_metadata && !facts.candidates?.subscription_metadata) {
    facts.candidates = { ...(await fetchVisitorCandidates(api, { subscriptionId: facts.subscriptionId, customerId: facts.customerId })), ...facts.candidates };
  }
  const paymentIds = await upsertPayment(ctx, facts);
  return paymentIds.length ? { status: 'processed', paymentIds } : { status: 'ignored', paymentIds, note: 'zero-amount invoice: no revenue' };
};
