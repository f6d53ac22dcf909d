import { upsertRefund } from '@/lib/stripe/ledger/refunds';
import { UNCAPTURED_REFUND_NOTE } from './refund-created';
import type { EventHandler } from './types';

/** refund.updated: a refund's new status (a failed or canceled refund stops reducing net revenue). */
export const refundUpdated: EventHandler = async (ctx, refund) => {
  const paymentId = await upsertRefund(ctx, refund);
  return paymentId ? { status: 'processed', paymentIds: [paymentId] } : { status: 'ignored', paymentIds: [], note: UNCAPTURED_REFUND_NOTE };
};
