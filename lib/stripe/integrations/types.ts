import type Stripe from 'stripe';

// Zori Cloud reaches a merchant's Stripe account through an OAuth integration. Two have the same
// shape (after Cal.com's app store: every integration one interface): Connect OAuth, for platforms
// configured for it, and the Stripe App install link, which Stripe now recommends to new platforms.
// The install flow (lib/stripe/connect/flow.ts), the stored connection and the webhook routing are
// shared; what differs lives behind this interface.

export type OAuthKind = 'connect' | 'app';

/** What a completed OAuth exchange gives Zori about the account. */
export type OAuthTokens = {
  stripeUserId: string;
  accessToken: string;
  refreshToken: string | null;
  scope: string;
  livemode: boolean;
  /** When the access token stops working (Stripe App tokens last an hour); null: it does not expire. */
  accessTokenExpiresAt?: Date | null;
};

/** The stored connection an API client is made for (never sent to the browser). */
export type ConnectionRef = { id: string; stripeAccountId: string };

export interface StripeOAuthIntegration {
  readonly kind: OAuthKind;
  /** The Integrations page's button, and how the connection is named there. */
  readonly actionLabel: string;
  readonly connectedLabel: string;
  /** Where Stripe sends the admin back (registered with Stripe: redirect URI / allowed_redirect_uris). */
  readonly callbackPath: string;
  /** Whether this Zori is configured for it. */
  enabled(): boolean;
  /** Stripe's consent (Connect) or install (App) page for this state. */
  authorizeUrl(opts: { state: string; redirectUri: string; email?: string | null }): string;
  exchangeCode(code: string): Promise<OAuthTokens>;
  /** Zori gives up its access on Stripe's side, where Stripe offers that (Disconnect). */
  revoke(stripeUserId: string): Promise<void>;
  /** An API client acting for the account, or null when Zori has no working access to it now. */
  apiClient(connection: ConnectionRef): Promise<Stripe | null>;
}
