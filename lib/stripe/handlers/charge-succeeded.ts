import { fetchBalanceTransaction, fetchVisitorCandidates } from '@/lib/stripe/fetch';
import { markCaptured, recordAuthorization } from '@/lib/stripe/ledger/authorizations';
import { upsertPayment } from '@/lib/stripe/ledger/payments';
import { chargeObjectSchema, validStripeObject } from '@/lib/zod/stripe-objects';
import { chargeFacts, isUncaptured } from './facts';
import type { EventHandler } from './types';

/**
 * charge.succeeded: the payment itself (amount, currency, customer); its metadata may hold the
 * visitor id. A charge that is only authorised (`captured: false`) is not revenue: it is remembered
 * and counted when charge.captured says it was captured.
 */
export const chargeSucceeded: EventHandler = async (ctx, object) => {
  const charge = validStripeObject('charge', chargeObjectSchema, object);
  const facts = chargeFacts(charge, ctx.apiVersion);
  if (isUncaptured(charge)) {
    await recordAuthorization(ctx, { id: charge.id, paymentIntentId: facts.paymentIntentId ?? null, amount: charge.amount, currency: charge.currency }, 'authorized');
    return { status: 'processed', paymentIds: [], note: 'authorised, not captured: no revenue until charge.captured' };
  }
  const api = await ctx.stripeApi();
  if (api) {
    if (!facts.candidates?.charge_metadata) {
      facts.candidates = { ...(await fetchVisitorCandidates(api, { paymentIntentId: facts.paymentIntentId, customerId: facts.customerId })), ...facts.candidates };
    }
    facts.balance = await fetchBalanceTransaction(api, facts.balanceTransactionId ?? null);
  }
  const paymentIds = await upsertPayment(ctx, facts);
  await markCaptured(ctx, charge.id);
  return { status: 'processed', paymentIds };
};
