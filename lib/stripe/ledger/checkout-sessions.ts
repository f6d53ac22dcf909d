import type { HandlerContext, StripeObject } from '@/lib/stripe/handlers/types';
import { checkoutSessionObjectSchema, validStripeObject } from '@/lib/zod/stripe-objects';
import { idOf, metadataValue, obj, str, unixDate, VISITOR_METADATA_KEY, visitorIdFrom } from './shapes';

/**
 * Keeps what a completed Checkout Session says about its payment: its metadata never reaches the
 * PaymentIntent, Charge or Subscription, so payments look it up here. A client_reference_id counts as
 * a visitor id (Zori's tracker puts one on Payment Links, Pricing Tables and Buy Buttons) when it names
 * a visitor of the project or has the zv_ form; any other is the site's own reference, kept only to
 * explain an unattributed payment. The Payment Link it came from says which no-code set-up it was.
 */
export async function storeCheckoutSession(ctx: HandlerContext, object: StripeObject) {
  const session = validStripeObject('checkout_session', checkoutSessionObjectSchema, object);
  const sessionId = session.id;
  const visitorId = visitorIdFrom(metadataValue(session, VISITOR_METADATA_KEY));
  const reference = str(session.client_reference_id)?.slice(0, 200) ?? null; // Stripe allows 200 characters
  let clientReferenceId = visitorIdFrom(reference);
  if (clientReferenceId && !clientReferenceId.startsWith('zv_')) {
    const known = await ctx.tx.query(`SELECT 1 FROM "Visitor" WHERE "projectId" = $1 AND "visitorId" = $2`, [ctx.projectId, clientReferenceId]);
    if (known.rowCount === 0) clientReferenceId = null;
  }
  const foreignClientReference = clientReferenceId ? null : reference;
  const details = obj(session.customer_details);
  const row = {
    sessionId,
    paymentIntentId: idOf(session.payment_intent),
    subscriptionId: idOf(session.subscription),
    invoiceId: idOf(session.invoice),
    customerId: idOf(session.customer),
    customerEmail: str(details?.email) ?? str(session.customer_email),
    visitorId,
    clientReferenceId,
    foreignClientReference,
    paymentLinkId: idOf(session.payment_link),
    mode: str(session.mode),
  };
  await ctx.tx.query(
    `INSERT INTO "CheckoutSession" ("projectId", "stripeAccount", "sessionId", "paymentIntentId", "subscriptionId", "invoiceId", "customerId",
       "customerEmail", "visitorId", "clientReferenceId", "foreignClientReference", "paymentLinkId", "completedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT ("projectId", "stripeAccount", "sessionId") DO UPDATE SET "paymentIntentId" = EXCLUDED."paymentIntentId", "subscriptionId" = EXCLUDED."subscriptionId",
       "invoiceId" = EXCLUDED."invoiceId", "customerId" = EXCLUDED."customerId", "customerEmail" = EXCLUDED."customerEmail",
       "visitorId" = EXCLUDED."visitorId", "clientReferenceId" = EXCLUDED."clientReferenceId",
       "foreignClientReference" = EXCLUDED."foreignClientReference", "paymentLinkId" = EXCLUDED."paymentLinkId"`,
    [ctx.projectId, ctx.stripeAccount, sessionId, row.paymentIntentId, row.subscriptionId, row.invoiceId, row.customerId, row.customerEmail, visitorId, clientReferenceId,
      foreignClientReference, row.paymentLinkId, unixDate(session.created) ?? ctx.eventCreated],
  );
  return row;
}

/** Payments of a subscription bought through a session (its renewals too), for re-resolving their visitor. */
export async function paymentRefsOfSubscription(ctx: HandlerContext, subscriptionId: string) {
  const res = await ctx.tx.query<{ paymentIntentId: string | null; chargeId: string | null; invoiceId: string | null }>(
    `SELECT "paymentIntentId", "chargeId", "invoiceId" FROM "Payment" WHERE "projectId" = $3 AND "stripeAccount" = $1 AND "subscriptionId" = $2`,
    [ctx.stripeAccount, subscriptionId, ctx.projectId],
  );
  return res.rows;
}
