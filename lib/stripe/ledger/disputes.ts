import { randomUUID } from 'node:crypto';
import type { HandlerContext, StripeObject } from '@/lib/stripe/handlers/types';
import { NotReadyError } from '@/lib/stripe/handlers/types';
import { idOf, int, str, unixDate } from './shapes';
import { findPaymentFor } from './payments';
import { recomputePaymentNet } from './net';

/** Records a Dispute by its id; only a `lost` dispute reduces the payment's net revenue. */
export async function upsertDispute(ctx: HandlerContext, dispute: StripeObject): Promise<string> {
  const disputeId = str(dispute.id);
  const amount = int(dispute.amount);
  const currency = str(dispute.currency);
  if (!disputeId || amount === null || !currency) throw new Error('dispute without id, amount or currency');
  const chargeId = idOf(dispute.charge);
  const pid = await findPaymentFor(ctx, chargeId, idOf(dispute.payment_intent));
  if (!pid) throw new NotReadyError(`No payment recorded yet for charge ${chargeId ?? '?'} of dispute ${disputeId}; retrying once the charge arrives`);
  await ctx.tx.query(
    `INSERT INTO "Dispute" (id, "projectId", "paymentId", "stripeAccount", "stripeDisputeId", amount, currency, status, "createdAt", "lastEventAt", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
     ON CONFLICT ("projectId", "stripeAccount", "stripeDisputeId") DO UPDATE SET amount = EXCLUDED.amount, status = EXCLUDED.status,
       "lastEventAt" = EXCLUDED."lastEventAt", "updatedAt" = now()
     WHERE "Dispute"."lastEventAt" IS NULL OR "Dispute"."lastEventAt" <= EXCLUDED."lastEventAt"`,
    [randomUUID(), ctx.projectId, pid, ctx.stripeAccount, disputeId, amount.toString(), currency.toLowerCase(), str(dispute.status) ?? 'needs_response', unixDate(dispute.created) ?? ctx.eventCreated, ctx.eventCreated],
  );
  await recomputePaymentNet(ctx.tx, ctx.projectId, pid);
  return pid;
}
