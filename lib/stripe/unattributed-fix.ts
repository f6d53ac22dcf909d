// What to tell the merchant about a payment Zori could not credit to a traffic source.

type UnattributedPayment = {
  attributionStatus: string;
  visitorId: string | null;
  checkoutSessionId: string | null;
  subscriptionId: string | null;
  invoiceId: string | null;
};

export function fixForUnattributed(p: UnattributedPayment, windowDays: number): { reason: string; fix: string } {
  switch (p.attributionStatus) {
    case 'unknown_visitor':
      return {
        reason: `Visitor ${p.visitorId} has no visit recorded before this payment.`,
        fix: 'Check that the tracking script runs on your pages before checkout (same site, not blocked). The payment is re-attributed automatically when that visitor’s visits arrive.',
      };
    case 'outside_window':
      return {
        reason: `Visitor ${p.visitorId}’s visits are all older than the ${windowDays}-day attribution window.`,
        fix: 'Nothing is wrong with the integration. Lengthen the attribution window in Settings if your sales cycle is longer.',
      };
    default:
      if (p.checkoutSessionId) {
        return {
          reason: 'The Checkout Session of this payment carried no zori_visitor_id.',
          fix: 'Pass the visitor id when creating the session: metadata.zori_visitor_id (or client_reference_id), plus payment_intent_data.metadata (payment mode) or subscription_data.metadata (subscription mode) so it also reaches the payment. Checkout Session metadata is not copied to the payment by Stripe.',
        };
      }
      if (p.subscriptionId || p.invoiceId) {
        return {
          reason: 'Neither the subscription, its invoice nor the customer carried a zori_visitor_id.',
          fix: 'Create subscriptions with metadata.zori_visitor_id (subscription_data.metadata in Checkout), or store it on the customer at sign-up (customer metadata, or ZoriHQ.identify() with the customer’s email).',
        };
      }
      return {
        reason: 'No zori_visitor_id on the charge, its PaymentIntent, a Checkout Session or the customer.',
        fix: 'Read the zori_visitor_id cookie on your server and pass metadata: { zori_visitor_id } when creating the PaymentIntent (payment_intent_data.metadata in Checkout), or call ZoriHQ.identify() with the buyer’s email.',
      };
  }
}
