import type { HandlerContext } from '@/lib/stripe/handlers/types';

/**
 * Serialises ledger writes that concern the same Stripe objects: one transaction-scoped advisory
 * lock per (project, account, id), taken in a fixed order so two events never deadlock. Every ledger
 * write locks every id it knows (PaymentIntent, Charge, Invoice), so events of one payment queue up
 * while events of different payments (or of other projects) run in parallel.
 */
export async function lockStripeIds(ctx: Pick<HandlerContext, 'tx' | 'projectId' | 'stripeAccount'>, ids: (string | null | undefined)[]): Promise<void> {
  const keys = [...new Set(ids.filter((i): i is string => Boolean(i)).map((i) => `${ctx.projectId}:${ctx.stripeAccount}:${i}`))];
  if (keys.length === 0) return;
  await ctx.tx.query(
    `SELECT pg_advisory_xact_lock(h) FROM (SELECT hashtextextended(k, 0) AS h FROM unnest($1::text[]) AS k ORDER BY 1 OFFSET 0) s`,
    [keys],
  );
}
