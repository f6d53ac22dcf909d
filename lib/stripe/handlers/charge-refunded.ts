import { upsertPayment } from '@/lib/stripe/ledger/payments';
import { upsertRefund } from '@/lib/stripe/ledger/refunds';
import { obj } from '@/lib/stripe/ledger/shapes';
import { chargeFacts, isUncaptured } from './facts';
import { releaseAuthorization } from './release-authorization';
import type { EventHandler } from './types';

/**
 * charge.refunded: the whole charge, whose amount_refunded is cumulative (a snapshot, not an
 * increment). Older API versions also list the refunds, which are recorded by their ids. Before
 * basil, releasing an uncaptured charge was announced this way too: that is no refund of revenue.
 */
export const chargeRefunded: EventHandler = async (ctx, charge) => {
  if (isUncaptured(charge)) return releaseAuthorization(ctx, charge, 'release of an uncaptured charge: no revenue was counted, none is returned');
  const [paymentId] = await upsertPayment(ctx, chargeFacts(charge, ctx.apiVersion));
  if (!paymentId) return { status: 'ignored', paymentIds: [], note: 'charge without amount' };
  const listed = obj(charge.refunds)?.data;
  if (Array.isArray(listed)) for (const refund of listed.map(obj)) if (refund) await upsertRefund(ctx, refund, paymentId);
  return { status: 'processed', paymentIds: [paymentId] };
};
