import { upsertDispute } from '@/lib/stripe/ledger/disputes';
import type { EventHandler } from './types';

/** charge.dispute.closed: `lost` reduces net revenue by the disputed amount; `won` leaves it whole. */
export const chargeDisputeClosed: EventHandler = async (ctx, dispute) => ({ status: 'processed', paymentIds: [await upsertDispute(ctx, dispute)] });
