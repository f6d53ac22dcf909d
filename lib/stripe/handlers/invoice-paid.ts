import { invoicePaymentSucceeded } from './invoice-payment-succeeded';
import type { EventHandler } from './types';

/** invoice.paid: the same fact as invoice.payment_succeeded (also sent for invoices paid out of band). */
export const invoicePaid: EventHandler = (ctx, invoice) => invoicePaymentSucceeded(ctx, invoice);
