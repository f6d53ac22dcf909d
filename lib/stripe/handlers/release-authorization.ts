import { recordAuthorization } from '@/lib/stripe/ledger/authorizations';
import { upsertPayment } from '@/lib/stripe/ledger/payments';
import { chargeObjectSchema, validStripeObject } from '@/lib/zod/stripe-objects';
import { chargeFacts, isUncaptured } from './facts';
import type { HandlerContext, HandlerResult, StripeObject } from './types';

/**
 * An uncaptured charge released (expired, or canceled: before basil Stripe announced it as a
 * refund of the charge). No revenue was counted for it; a payment recorded from it by an older Zori
 * (which counted authorisations) takes the refunded snapshot, so it nets to nothing.
 */
export async function releaseAuthorization(ctx: HandlerContext, object: StripeObject, note: string): Promise<HandlerResult> {
  const charge = validStripeObject('charge', chargeObjectSchema, object);
  if (!isUncaptured(charge)) return { status: 'ignored', paymentIds: [], note: `charge ${charge.id} was captured: nothing to release` };
  const facts = chargeFacts(charge, ctx.apiVersion);
  await recordAuthorization(ctx, { id: charge.id, paymentIntentId: facts.paymentIntentId ?? null, amount: charge.amount, currency: charge.currency }, 'released');
  const paymentIds = await upsertPayment(ctx, { ...facts, create: false });
  return { status: 'processed', paymentIds, note };
}
