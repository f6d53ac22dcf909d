import { upsertPayment } from '@/lib/stripe/ledger/payments';
import { upsertRefund } from '@/lib/stripe/ledger/refunds';
import { obj } from '@/lib/stripe/ledger/shapes';
import { chargeFacts } from './facts';
import type { EventHandler } from './types';

/**
 * charge.refunded: the whole charge, whose amount_refunded is cumulative (a snapshot, not an
 * increment). Older API versions also list the refunds, which are recorded by their ids.
 */
export const chargeRefunded: EventHandler = async (ctx, charge) => {
  const [paymentId] = await upsertPayment(ctx, chargeFacts(charge));
  if (!paymentId) return { status: 'ignored', paymentIds: [], note: 'charge without amount' };
  const listed = obj(charge.refunds)?.data;
  if (Array.isArray(listed)) for (const refund of listed.map(obj)) if (refund) await upsertRefund(ctx, refund, paymentId);
  return { status: 'processed', paymentIds: [paymentId] };
};
