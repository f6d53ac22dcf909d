import { randomUUID } from 'node:crypto';
import type { HandlerContext, StripeObject } from '@/lib/stripe/handlers/types';
import { NotReadyError } from '@/lib/stripe/handlers/types';
import { idOf, int, str, unixDate } from './shapes';
import { findPaymentFor } from './payments';
import { recomputePaymentNet } from './net';

/**
 * Records one Refund object (keyed by its id, so refund.created, refund.updated and the refunds
 * listed on charge.refunded all land on one row). An older event never overwrites a newer status.
 * `paymentId` when the caller already holds the payment (charge.refunded).
 */
export async function upsertRefund(ctx: HandlerContext, refund: StripeObject, paymentId?: string): Promise<string> {
  const refundId = str(refund.id);
  const amount = int(refund.amount);
  const currency = str(refund.currency);
  if (!refundId || amount === null || !currency) throw new Error('refund without id, amount or currency');
  const chargeId = idOf(refund.charge);
  const pid = paymentId ?? (await findPaymentFor(ctx, chargeId, idOf(refund.payment_intent)));
  if (!pid) throw new NotReadyError(`No payment recorded yet for charge ${chargeId ?? '?'} of refund ${refundId}; retrying once the charge arrives`);
  await ctx.tx.query(
    `INSERT INTO "Refund" (id, "projectId", "paymentId", "stripeAccount", "stripeRefundId", amount, currency, status, "createdAt", "lastEventAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT ("projectId", "stripeAccount", "stripeRefundId") DO UPDATE SET amount = EXCLUDED.amount, status = EXCLUDED.status,
       "paymentId" = EXCLUDED."paymentId", "lastEventAt" = EXCLUDED."lastEventAt"
     WHERE "Refund"."lastEventAt" IS NULL OR "Refund"."lastEventAt" <= EXCLUDED."lastEventAt"`,
    [randomUUID(), ctx.projectId, pid, ctx.stripeAccount, refundId, amount.toString(), currency.toLowerCase(), str(refund.status) ?? 'succeeded', unixDate(refund.created) ?? ctx.eventCreated, ctx.eventCreated],
  );
  await recomputePaymentNet(ctx.tx, ctx.projectId, pid);
  return pid;
}
