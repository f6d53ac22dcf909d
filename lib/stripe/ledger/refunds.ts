import { randomUUID } from 'node:crypto';
import type { HandlerContext, StripeObject } from '@/lib/stripe/handlers/types';
import { InvalidEventError, NotReadyError } from '@/lib/stripe/handlers/types';
import { refundObjectSchema, validStripeObject } from '@/lib/zod/stripe-objects';
import { authorizationOf } from './authorizations';
import { idOf, unixDate } from './shapes';
import { findPaymentFor } from './payments';
import { recomputePaymentNet } from './net';

/** Refund statuses that return money (a failed or canceled refund returns none). */
const LIVE_STATUSES = new Set(['succeeded', 'pending']);

/**
 * Records one Refund object (keyed by its id, so refund.created, refund.updated and the refunds
 * listed on charge.refunded all land on one row). An older event never overwrites a newer status.
 * `paymentId` when the caller already holds the payment (charge.refunded). A refund in another
 * currency than its payment, or one that would take the payment's live refunds beyond its amount,
 * is impossible for Stripe: it is refused (InvalidEventError) and changes nothing. Returns the
 * payment's id, or null for the refund of a charge that was never captured (nothing to record).
 */
export async function upsertRefund(ctx: HandlerContext, object: StripeObject, paymentId?: string): Promise<string | null> {
  const refund = validStripeObject('refund', refundObjectSchema, object);
  const status = refund.status ?? 'succeeded';
  const chargeId = idOf(refund.charge);
  const paymentIntentId = idOf(refund.payment_intent);
  const pid = paymentId ?? (await findPaymentFor(ctx, chargeId, paymentIntentId));
  if (!pid) {
    // Before basil, Stripe released an uncaptured charge with a refund of it: there is no revenue to return.
    const authorization = await authorizationOf(ctx, chargeId, paymentIntentId);
    if (authorization === 'released') return null;
    if (authorization === 'authorized') throw new NotReadyError(`Charge ${chargeId ?? '?'} of refund ${refund.id} is authorised, not captured or released yet; retrying once it is`);
    throw new NotReadyError(`No payment recorded yet for charge ${chargeId ?? '?'} of refund ${refund.id}; retrying once the charge arrives`);
  }
  if (LIVE_STATUSES.has(status)) await checkRefundFits(ctx, pid, refund);
  await ctx.tx.query(
    `INSERT INTO "Refund" (id, "projectId", "paymentId", "stripeAccount", "stripeRefundId", amount, currency, status, "createdAt", "lastEventAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT ("projectId", "stripeAccount", "stripeRefundId") DO UPDATE SET amount = EXCLUDED.amount, status = EXCLUDED.status,
       "paymentId" = EXCLUDED."paymentId", "lastEventAt" = EXCLUDED."lastEventAt"
     WHERE "Refund"."lastEventAt" IS NULL OR "Refund"."lastEventAt" <= EXCLUDED."lastEventAt"`,
    [randomUUID(), ctx.projectId, pid, ctx.stripeAccount, refund.id, refund.amount, refund.currency, status, unixDate(refund.created) ?? ctx.eventCreated, ctx.eventCreated],
  );
  await recomputePaymentNet(ctx.tx, ctx.projectId, pid);
  return pid;
}

/** Refunds never return more than the payment: its other live refunds plus this one fit in its amount, in its currency. */
async function checkRefundFits(ctx: HandlerContext, paymentId: string, refund: { id: string; amount: number; currency: string }): Promise<void> {
  const { rows } = await ctx.tx.query<{ paymentKey: string; amount: string; currency: string; others: string }>(
    `SELECT p."paymentKey", p.amount::text, p.currency,
            COALESCE((SELECT SUM(r.amount) FROM "Refund" r WHERE r."paymentId" = p.id AND r."projectId" = p."projectId"
                        AND r.status IN ('succeeded', 'pending') AND r."stripeRefundId" <> $3), 0)::text AS others
       FROM "Payment" p WHERE p.id = $1 AND p."projectId" = $2`,
    [paymentId, ctx.projectId, refund.id],
  );
  const p = rows[0];
  if (!p) return;
  if (p.currency !== refund.currency) throw new InvalidEventError(`refund ${refund.id} is in ${refund.currency}, its payment ${p.paymentKey} in ${p.currency}`);
  const total = BigInt(p.others) + BigInt(refund.amount);
  if (total > BigInt(p.amount)) {
    throw new InvalidEventError(
      `refund ${refund.id} of ${refund.amount} ${refund.currency} would bring the refunds of payment ${p.paymentKey} to ${total} ${p.currency}, more than its ${p.amount} ${p.currency}`,
    );
  }
}
