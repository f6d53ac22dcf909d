import { withTransaction } from '@/lib/db/transaction';
import { UNVERIFIED_ACCOUNT } from '@/lib/stripe/connection';

// A self-hosted project whose webhook secret was saved before its key keeps its events and ledger
// rows under UNVERIFIED_ACCOUNT. Once the key is saved (and Stripe says which account it belongs
// to), events arrive under that account: the earlier rows move there too, so a refund of an early
// payment finds it and a redelivered early event is still a duplicate. A row whose key already
// exists under the account (it cannot normally) stays where it is rather than being lost.

const MOVES = [
  ['StripeEvent', '"eventId"'],
  ['Payment', '"paymentKey"'],
  ['Refund', '"stripeRefundId"'],
  ['Dispute', '"stripeDisputeId"'],
  ['CheckoutSession', '"sessionId"'],
] as const;

export async function adoptUnverifiedRows(projectId: string, account: string): Promise<void> {
  if (account === UNVERIFIED_ACCOUNT) return;
  await withTransaction(async (tx) => {
    // Waits for events of the old namespace being processed right now (the worker holds their rows).
    await tx.query(`SELECT id FROM "StripeEvent" WHERE "projectId" = $1 AND "stripeAccount" = $2 AND status IN ('pending', 'failed') FOR UPDATE`, [
      projectId,
      UNVERIFIED_ACCOUNT,
    ]);
    for (const [table, key] of MOVES) {
      await tx.query(
        `UPDATE "${table}" t SET "stripeAccount" = $3
          WHERE t."projectId" = $1 AND t."stripeAccount" = $2
            AND NOT EXISTS (SELECT 1 FROM "${table}" x WHERE x."projectId" = $1 AND x."stripeAccount" = $3 AND x.${key} = t.${key})`,
        [projectId, UNVERIFIED_ACCOUNT, account],
      );
    }
  });
}
