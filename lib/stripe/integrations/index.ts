import { connectIntegration } from './connect';
import { appIntegration } from './stripe-app';
import type { OAuthKind, StripeOAuthIntegration } from './types';

// Every OAuth integration Zori Cloud offers, by kind (the stored connection's kind).

export const OAUTH_INTEGRATIONS: Record<OAuthKind, StripeOAuthIntegration> = { connect: connectIntegration, app: appIntegration };

export const isOAuthKind = (kind: string): kind is OAuthKind => kind === 'connect' || kind === 'app';

export function integrationFor(kind: OAuthKind): StripeOAuthIntegration {
  return OAUTH_INTEGRATIONS[kind];
}

export type { OAuthKind, OAuthTokens, StripeOAuthIntegration } from './types';
