import { chargeCaptured } from './charge-captured';
import { chargeDisputeClosed } from './charge-dispute-closed';
import { chargeDisputeCreated } from './charge-dispute-created';
import { chargeExpired } from './charge-expired';
import { chargeRefunded } from './charge-refunded';
import { chargeSucceeded } from './charge-succeeded';
import { checkoutSessionCompleted } from './checkout-session-completed';
import { invoicePaid } from './invoice-paid';
import { invoicePaymentPaid } from './invoice-payment-paid';
import { invoicePaymentSucceeded } from './invoice-payment-succeeded';
import { refundCreated } from './refund-created';
import { refundUpdated } from './refund-updated';
import type { EventHandler, HandlerContext, HandlerResult, StripeObject } from './types';

// The one dispatcher: each event type Zori uses has its own handler file. Any other type is
// acknowledged and stored as ignored (never retried).

export const EVENT_HANDLERS: Record<string, EventHandler> = {
  'charge.succeeded': chargeSucceeded,
  'charge.captured': chargeCaptured,
  'charge.expired': chargeExpired,
  'charge.refunded': chargeRefunded,
  'charge.dispute.created': chargeDisputeCreated,
  'charge.dispute.closed': chargeDisputeClosed,
  'checkout.session.completed': checkoutSessionCompleted,
  'invoice.payment_succeeded': invoicePaymentSucceeded,
  'invoice.paid': invoicePaid,
  'invoice_payment.paid': invoicePaymentPaid,
  'refund.created': refundCreated,
  'refund.updated': refundUpdated,
};

/** The events a webhook endpoint should be subscribed to. */
export const HANDLED_EVENT_TYPES = Object.keys(EVENT_HANDLERS);

export function isHandledEventType(type: string): boolean {
  return Object.hasOwn(EVENT_HANDLERS, type);
}

export async function dispatchEvent(ctx: HandlerContext, event: { type: string; data: { object: StripeObject } }): Promise<HandlerResult> {
  const handler = EVENT_HANDLERS[event.type];
  if (!handler) return { status: 'ignored', paymentIds: [], note: `event type ${event.type} is not used by Zori` };
  return handler(ctx, event.data.object);
}
