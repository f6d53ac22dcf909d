import { fetchBalanceTransaction, fetchVisitorCandidates } from '@/lib/stripe/fetch';
import { upsertPayment } from '@/lib/stripe/ledger/payments';
import { chargeFacts } from './facts';
import type { EventHandler } from './types';

/** charge.succeeded: the payment itself (amount, currency, customer); its metadata may hold the visitor id. */
export const chargeSucceeded: EventHandler = async (ctx, charge) => {
  const facts = chargeFacts(charge);
  const api = await ctx.stripeApi();
  if (api) {
    if (!facts.candidates?.charge_metadata) {
      facts.candidates = { ...(await fetchVisitorCandidates(api, { paymentIntentId: facts.paymentIntentId, customerId: facts.customerId })), ...facts.candidates };
    }
    facts.balance = await fetchBalanceTransaction(api, facts.balanceTransactionId ?? null);
  }
  return { status: 'processed', paymentIds: await upsertPayment(ctx, facts) };
};
