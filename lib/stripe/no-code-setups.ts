// The three Stripe checkouts a merchant can sell with without writing backend code, and the
// copy-paste snippet for each: Zori's script on the same page is all it takes, since the tracker
// passes the visitor id to them as client_reference_id (tracker/src/stripe-checkouts.ts).

export type NoCodeSetup = { id: 'payment-link' | 'pricing-table' | 'buy-button'; title: string; description: string; snippet: string };

/** Zori's script tag for a project, as every page of the site should carry it. */
export function trackerScriptTag(zoriUrl: string, publishableKey: string, extra = ''): string {
  return `<script async src="${zoriUrl}/zori.js" data-key="${publishableKey}"${extra}></script>`;
}

export function noCodeSetups(zoriUrl: string, publishableKey: string): NoCodeSetup[] {
  const zori = trackerScriptTag(zoriUrl, publishableKey);
  return [
    {
      id: 'payment-link',
      title: 'Payment Link',
      description:
        'Links to buy.stripe.com get client_reference_id=<visitor id> (every other parameter, such as prefilled_email, is kept), including links added to the page later. Links on your own domain need it listed on the script tag: data-stripe-link-domains="pay.example.com".',
      snippet: [zori, '<a href="https://buy.stripe.com/…">Buy now</a>'].join('\n'),
    },
    {
      id: 'pricing-table',
      title: 'Pricing Table',
      description: 'Every <stripe-pricing-table> on the page, also one rendered later, gets client-reference-id="<visitor id>".',
      snippet: [
        zori,
        '<script async src="https://js.stripe.com/v3/pricing-table.js"></script>',
        '<stripe-pricing-table pricing-table-id="prctbl_…" publishable-key="pk_live_…"></stripe-pricing-table>',
      ].join('\n'),
    },
    {
      id: 'buy-button',
      title: 'Buy Button',
      description: 'Every <stripe-buy-button> on the page gets client-reference-id="<visitor id>".',
      snippet: [
        zori,
        '<script async src="https://js.stripe.com/v3/buy-button.js"></script>',
        '<stripe-buy-button buy-button-id="buy_btn_…" publishable-key="pk_live_…"></stripe-buy-button>',
      ].join('\n'),
    },
  ];
}
