import { upsertRefund } from '@/lib/stripe/ledger/refunds';
import type { EventHandler } from './types';

/** refund.updated: a refund's new status (a failed or canceled refund stops reducing net revenue). */
export const refundUpdated: EventHandler = async (ctx, refund) => ({ status: 'processed', paymentIds: [await upsertRefund(ctx, refund)] });
