import type { PoolClient } from 'pg';

/**
 * Serialises ledger writes that concern the same Stripe objects: one transaction-scoped advisory
 * lock per (account, id), taken in a fixed order so two events never deadlock. Every ledger write
 * locks every id it knows (PaymentIntent, Charge, Invoice), so events of one payment queue up while
 * events of different payments run in parallel.
 */
export async function lockStripeIds(tx: PoolClient, stripeAccount: string, ids: (string | null | undefined)[]): Promise<void> {
  const keys = [...new Set(ids.filter((i): i is string => Boolean(i)).map((i) => `${stripeAccount}:${i}`))];
  if (keys.length === 0) return;
  await tx.query(
    `SELECT pg_advisory_xact_lock(h) FROM (SELECT hashtextextended(k, 0) AS h FROM unnest($1::text[]) AS k ORDER BY 1 OFFSET 0) s`,
    [keys],
  );
}
