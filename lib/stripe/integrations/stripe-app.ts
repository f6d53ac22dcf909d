import { stripeClient } from '@/lib/stripe/client';
import { appAccessToken } from '@/lib/stripe/app/access-tokens';
import { appEnabled } from '@/lib/stripe/connect/config';
import { appInstallUrl, exchangeAppCode } from '@/lib/stripe/app/oauth-client';
import type { StripeOAuthIntegration } from './types';

// The Zori Stripe App, installed through its install link (manifest: stripe-app/stripe-app.json).
// Each account gets its own access token, valid an hour and renewed with a rotating refresh token
// (lib/stripe/app/access-tokens.ts); API calls use that token, never the platform key. Stripe offers
// no call for an app to uninstall itself: Disconnect forgets the tokens, and the merchant removes the
// app in their Stripe Dashboard (which sends account.application.deauthorized).

export const appIntegration: StripeOAuthIntegration = {
  kind: 'app',
  actionLabel: 'Install the Zori app',
  connectedLabel: 'Zori Stripe App',
  callbackPath: '/api/stripe/app/callback',
  enabled: () => appEnabled(),
  authorizeUrl: ({ state, redirectUri }) => appInstallUrl({ state, redirectUri }),
  exchangeCode: (code) => exchangeAppCode(code),
  revoke: async () => {},
  apiClient: async (c) => {
    const token = await appAccessToken(c.id);
    return token ? stripeClient(token) : null;
  },
};
