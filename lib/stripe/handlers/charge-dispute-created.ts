import { upsertDispute } from '@/lib/stripe/ledger/disputes';
import type { EventHandler } from './types';

/** charge.dispute.created: recorded, but an open dispute does not reduce net revenue yet. */
export const chargeDisputeCreated: EventHandler = async (ctx, dispute) => ({ status: 'processed', paymentIds: [await upsertDispute(ctx, dispute)] });
