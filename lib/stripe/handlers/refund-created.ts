import { upsertRefund } from '@/lib/stripe/ledger/refunds';
import type { EventHandler } from './types';

/** refund.created: one refund, keyed by its id (partial refunds add up; a redelivery changes nothing). */
export const refundCreated: EventHandler = async (ctx, refund) => ({ status: 'processed', paymentIds: [await upsertRefund(ctx, refund)] });
