import type { HandlerContext } from '@/lib/stripe/handlers/types';
import { lockStripeIds } from './locks';

// Charges authorised but not captured (`captured: false`). They are not revenue: the payment is
// recorded when the charge is captured (charge.captured), never when the authorisation expires or
// is canceled. Their state is kept to recognise what Stripe sends about them later: before API
// 2025-03-31.basil, releasing an authorisation created a Refund of the uncaptured charge.

export type AuthorizationStatus = 'authorized' | 'captured' | 'released';

/** Records what an event says about an authorisation; `authorized` never replaces a final state (captured, released). */
export async function recordAuthorization(
  ctx: HandlerContext,
  charge: { id: string; paymentIntentId: string | null; amount: number; currency: string },
  status: AuthorizationStatus,
): Promise<void> {
  await lockStripeIds(ctx, [charge.paymentIntentId, charge.id]);
  await ctx.tx.query(
    `INSERT INTO "UncapturedCharge" ("projectId", "stripeAccount", "chargeId", "paymentIntentId", amount, currency, status, "lastEventAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT ("projectId", "stripeAccount", "chargeId") DO UPDATE SET status = EXCLUDED.status, "lastEventAt" = EXCLUDED."lastEventAt"
     WHERE "UncapturedCharge".status = 'authorized' AND EXCLUDED.status <> 'authorized'`,
    [ctx.projectId, ctx.stripeAccount, charge.id, charge.paymentIntentId, charge.amount, charge.currency, status, ctx.eventCreated],
  );
}

/** A captured charge that was first seen uncaptured: its authorisation is settled. */
export async function markCaptured(ctx: HandlerContext, chargeId: string): Promise<void> {
  await ctx.tx.query(
    `UPDATE "UncapturedCharge" SET status = 'captured', "lastEventAt" = GREATEST("lastEventAt", $4)
      WHERE "projectId" = $1 AND "stripeAccount" = $2 AND "chargeId" = $3 AND status = 'authorized'`,
    [ctx.projectId, ctx.stripeAccount, chargeId, ctx.eventCreated],
  );
}

/** The state of the authorisation behind a charge (else, with no charge id, its PaymentIntent), or null when none was seen. */
export async function authorizationOf(ctx: HandlerContext, chargeId: string | null, paymentIntentId: string | null): Promise<AuthorizationStatus | null> {
  if (!chargeId && !paymentIntentId) return null;
  const { rows } = await ctx.tx.query<{ status: AuthorizationStatus }>(
    `SELECT status FROM "UncapturedCharge" WHERE "projectId" = $1 AND "stripeAccount" = $2
        AND ("chargeId" = $3 OR ($3::text IS NULL AND "paymentIntentId" = $4))
      ORDER BY (status = 'released') DESC LIMIT 1`,
    [ctx.projectId, ctx.stripeAccount, chargeId, paymentIntentId],
  );
  return rows[0]?.status ?? null;
}
