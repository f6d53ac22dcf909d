import { stripeClient } from '@/lib/stripe/client';
import { connectConfig, connectEnabled } from '@/lib/stripe/connect/config';
import { authorizeUrl, deauthorize, exchangeCode } from '@/lib/stripe/connect/oauth-client';
import type { StripeOAuthIntegration } from './types';

// Connect OAuth (Standard accounts): tokens that do not expire; the platform's own key acts for the
// account with the Stripe-Account header; Disconnect is POST /oauth/deauthorize.

export const connectIntegration: StripeOAuthIntegration = {
  kind: 'connect',
  actionLabel: 'Connect Stripe',
  connectedLabel: 'Stripe Connect',
  callbackPath: '/api/stripe/connect/callback',
  enabled: () => connectEnabled(),
  authorizeUrl: (opts) => authorizeUrl(opts),
  exchangeCode: async (code) => ({ ...(await exchangeCode(code)), accessTokenExpiresAt: null }),
  revoke: (stripeUserId) => deauthorize(stripeUserId),
  apiClient: async (c) => (connectEnabled() ? stripeClient(connectConfig().platformKey, { stripeAccount: c.stripeAccountId }) : null),
};
