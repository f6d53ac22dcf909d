import { paymentRefsOfSubscription, storeCheckoutSession } from '@/lib/stripe/ledger/checkout-sessions';
import { upsertPayment } from '@/lib/stripe/ledger/payments';
import type { EventHandler } from './types';

/**
 * checkout.session.completed: keeps the session (its metadata never reaches the charge), then
 * re-resolves the visitor of payments it paid for that are already recorded. It never creates a
 * payment: the charge or invoice does.
 */
export const checkoutSessionCompleted: EventHandler = async (ctx, session) => {
  const s = await storeCheckoutSession(ctx, session);
  const paymentIds = new Set<string>();
  const enrich = { checkoutSessionId: s.sessionId, customerId: s.customerId, customerEmail: s.customerEmail, create: false as const };
  if (s.paymentIntentId || s.invoiceId) {
    for (const id of await upsertPayment(ctx, { ...enrich, paymentIntentId: s.paymentIntentId, invoiceId: s.invoiceId, ...(s.mode === 'subscription' && { kind: 'subscription_first' as const }) })) paymentIds.add(id);
  }
  if (s.subscriptionId) {
    for (const ref of await paymentRefsOfSubscription(ctx, s.subscriptionId)) {
      for (const id of await upsertPayment(ctx, { ...ref, subscriptionId: s.subscriptionId, create: false })) paymentIds.add(id);
    }
  }
  return { status: 'processed', paymentIds: [...paymentIds] };
};
