import type { PoolClient } from 'pg';

/**
 * Recomputes a payment's refunded and disputed totals from their own rows, so replaying any event
 * gives the same result: refunds = the larger of the newest charge snapshot's cumulative
 * amount_refunded and the sum of live refunds (pending or succeeded); disputes = lost disputes only.
 * Only rows of the payment's own project count.
 * Marks the payment's revenue credits for a rebuild (lib/analytics/credits).
 */
export async function recomputePaymentNet(tx: PoolClient, projectId: string, paymentId: string): Promise<void> {
  await tx.query(
    `UPDATE "Payment" p SET
       "amountRefunded" = LEAST(p.amount, GREATEST(p."chargeAmountRefunded",
         COALESCE((SELECT SUM(r.amount) FROM "Refund" r WHERE r."paymentId" = p.id AND r."projectId" = p."projectId" AND r.status IN ('succeeded', 'pending')), 0))),
       "amountDisputed" = LEAST(p.amount, COALESCE((SELECT SUM(d.amount) FROM "Dispute" d WHERE d."paymentId" = p.id AND d."projectId" = p."projectId" AND d.status = 'lost'), 0)),
       "creditsDirty" = true,
       "updatedAt" = now()
     WHERE p.id = $1 AND p."projectId" = $2`,
    [paymentId, projectId],
  );
}
