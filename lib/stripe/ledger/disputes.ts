import { randomUUID } from 'node:crypto';
import type { HandlerContext, StripeObject } from '@/lib/stripe/handlers/types';
import { InvalidEventError, NotReadyError } from '@/lib/stripe/handlers/types';
import { disputeObjectSchema, validStripeObject } from '@/lib/zod/stripe-objects';
import { idOf, unixDate } from './shapes';
import { findPaymentFor } from './payments';
import { recomputePaymentNet } from './net';

/**
 * Records a Dispute by its id; only a `lost` dispute reduces the payment's net revenue, and never by
 * more than the payment (recomputePaymentNet caps it: Stripe's disputed amount can differ from the
 * charge's with currency fluctuation). A dispute in another currency than its payment is refused.
 */
export async function upsertDispute(ctx: HandlerContext, object: StripeObject): Promise<string> {
  const dispute = validStripeObject('dispute', disputeObjectSchema, object);
  const chargeId = idOf(dispute.charge);
  const pid = await findPaymentFor(ctx, chargeId, idOf(dispute.payment_intent));
  if (!pid) throw new NotReadyError(`No payment recorded yet for charge ${chargeId ?? '?'} of dispute ${dispute.id}; retrying once the charge arrives`);
  const { rows } = await ctx.tx.query<{ paymentKey: string; currency: string }>(`SELECT "paymentKey", currency FROM "Payment" WHERE id = $1 AND "projectId" = $2`, [pid, ctx.projectId]);
  if (rows[0] && rows[0].currency !== dispute.currency) {
    throw new InvalidEventError(`dispute ${dispute.id} is in ${dispute.currency}, its payment ${rows[0].paymentKey} in ${rows[0].currency}`);
  }
  await ctx.tx.query(
    `INSERT INTO "Dispute" (id, "projectId", "paymentId", "stripeAccount", "stripeDisputeId", amount, currency, status, "createdAt", "lastEventAt", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
     ON CONFLICT ("projectId", "stripeAccount", "stripeDisputeId") DO UPDATE SET amount = EXCLUDED.amount, status = EXCLUDED.status,
       "lastEventAt" = EXCLUDED."lastEventAt", "updatedAt" = now()
     WHERE "Dispute"."lastEventAt" IS NULL OR "Dispute"."lastEventAt" <= EXCLUDED."lastEventAt"`,
    [randomUUID(), ctx.projectId, pid, ctx.stripeAccount, dispute.id, dispute.amount, dispute.currency, typeof dispute.status === 'string' ? dispute.status : 'needs_response', unixDate(dispute.created) ?? ctx.eventCreated, ctx.eventCreated],
  );
  await recomputePaymentNet(ctx.tx, ctx.projectId, pid);
  return pid;
}
