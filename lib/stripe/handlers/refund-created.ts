import { upsertRefund } from '@/lib/stripe/ledger/refunds';
import type { EventHandler } from './types';

export const UNCAPTURED_REFUND_NOTE = 'refund of an uncaptured charge (its authorisation was released): no revenue was counted, none is returned';

/** refund.created: one refund, keyed by its id (partial refunds add up; a redelivery changes nothing). */
export const refundCreated: EventHandler = async (ctx, refund) => {
  const paymentId = await upsertRefund(ctx, refund);
  return paymentId ? { status: 'processed', paymentIds: [paymentId] } : { status: 'ignored', paymentIds: [], note: UNCAPTURED_REFUND_NOTE };
};
