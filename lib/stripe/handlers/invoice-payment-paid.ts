import { upsertPayment } from '@/lib/stripe/ledger/payments';
import { idOf, int, obj, str, unixDate } from '@/lib/stripe/ledger/shapes';
import { invoicePaymentObjectSchema, validStripeObject } from '@/lib/zod/stripe-objects';
import type { EventHandler } from './types';

/**
 * invoice_payment.paid (basil+): the link between an invoice and the PaymentIntent or Charge that
 * paid it, which newer invoices no longer carry. It merges the invoice's row and the charge's row.
 */
export const invoicePaymentPaid: EventHandler = async (ctx, object) => {
  const invoicePayment = validStripeObject('invoice_payment', invoicePaymentObjectSchema, object);
  const payment = obj(invoicePayment.payment);
  const invoiceId = idOf(invoicePayment.invoice);
  const paymentIntentId = idOf(payment?.payment_intent);
  const chargeId = idOf(payment?.charge);
  if (!invoiceId || (!paymentIntentId && !chargeId)) return { status: 'ignored', paymentIds: [], note: 'invoice payment without invoice or payment' };
  const amount = int(invoicePayment.amount_paid);
  const currency = str(invoicePayment.currency);
  const paymentIds = await upsertPayment(ctx, {
    invoiceId,
    paymentIntentId,
    chargeId,
    amount: amount !== null && amount > 0n && currency ? { value: amount, currency, source: 'invoice_payment' } : null,
    paidAt: unixDate(obj(invoicePayment.status_transitions)?.paid_at),
  });
  return { status: 'processed', paymentIds };
};
