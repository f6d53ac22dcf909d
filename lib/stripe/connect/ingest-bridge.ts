import type Stripe from 'stripe';
import { prisma } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';

// The seam between Connect and Stripe ingestion. Connect's job ends when a verified event (from
// the platform's Connect endpoint, or made by the history import from an object read through the
// API) is handed over for a project and account; the inbox, the per-type handlers and the payment
// ledger belong to the ingestion area.
//
// MERGE NOTE: when the ingestion branch lands, replace the body of `receiveVerifiedEvent` with a
// call to its entry point of the same name (`receiveVerifiedEvent(projectId, stripeAccount, event)`)
// and `CONNECT_EVENT_TYPES` with its list of handled types. Until then this stores the event in the
// durable inbox (StripeEvent, status pending, deduplicated on (account, event id)), which is what
// that entry point does first.

/** Event types the platform's Connect endpoint subscribes to. */
export const CONNECT_EVENT_TYPES = [
  'charge.succeeded',
  'charge.refunded',
  'charge.dispute.created',
  'charge.dispute.funds_withdrawn',
  'charge.dispute.funds_reinstated',
  'charge.dispute.closed',
  'payment_intent.succeeded',
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'invoice.paid',
  'invoice.payment_succeeded',
  'invoice_payment.paid',
  'refund.created',
  'refund.updated',
  'customer.subscription.created',
  'account.application.deauthorized',
] as const;

export type ReceiveResult = { duplicate: boolean };

export async function receiveVerifiedEvent(projectId: string, stripeAccount: string, event: Stripe.Event): Promise<ReceiveResult> {
  const stored = await prisma().stripeEvent.createMany({
    data: [
      {
        projectId,
        stripeAccount,
        eventId: event.id,
        type: event.type,
        livemode: event.livemode,
        apiVersion: event.api_version ?? null,
        stripeCreatedAt: new Date(event.created * 1000),
        payload: event as unknown as Prisma.InputJsonValue,
      },
    ],
    skipDuplicates: true,
  });
  return { duplicate: stored.count === 0 };
}
