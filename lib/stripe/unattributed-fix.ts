// What to tell the merchant about a payment Zori could not credit to a traffic source.

type UnattributedPayment = {
  attributionStatus: string;
  visitorId: string | null;
  checkoutSessionId: string | null;
  subscriptionId: string | null;
  invoiceId: string | null;
};

/** What Zori kept of the payment's Checkout Session: which no-code set-up opened it, and a reference that was not a visitor. */
export type CheckoutOrigin = { paymentLinkId: string | null; foreignClientReference: string | null };

const SCRIPT_TAG = 'Zori’s script tag';

/** A Checkout Session without a visitor id: which set-up it came from says what was missing. */
function checkoutFix(checkout: CheckoutOrigin | null): { reason: string; fix: string } {
  if (checkout?.foreignClientReference) {
    return {
      reason: `The Checkout Session’s client_reference_id (“${checkout.foreignClientReference}”) is not a visitor Zori has seen: the site passes its own reference, which Zori leaves in place.`,
      fix: 'Keep your reference and also pass the visitor id as metadata.zori_visitor_id (Checkout Sessions you create), or call ZoriHQ.identify({ email }) on sign-up so payments by that email are credited.',
    };
  }
  if (checkout?.paymentLinkId) {
    return {
      reason: `This payment came through Payment Link ${checkout.paymentLinkId} (or the Buy Button built on it) without a visitor id.`,
      fix: `Add ${SCRIPT_TAG} to every page that shows the link or the <stripe-buy-button>: it adds client_reference_id to buy.stripe.com links and client-reference-id to Buy Buttons by itself. A link on your own domain (pay.example.com) must be listed in data-stripe-link-domains. Links shared outside your site (emails, social posts) carry no visitor.`,
    };
  }
  return {
    reason: 'The Checkout Session of this payment (a Pricing Table’s, or one your code created) carried no visitor id.',
    fix: `Pricing Table: add ${SCRIPT_TAG} to the page that shows <stripe-pricing-table>; it sets client-reference-id by itself. Your own code: pass metadata.zori_visitor_id (or client_reference_id) when creating the session, plus payment_intent_data.metadata (payment mode) or subscription_data.metadata (subscription mode) so it also reaches the payment. Checkout Session metadata is not copied to the payment by Stripe.`,
  };
}

export function fixForUnattributed(p: UnattributedPayment, windowDays: number, checkout: CheckoutOrigin | null = null): { reason: string; fix: string } {
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
      if (p.checkoutSessionId) return checkoutFix(checkout);
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
