import Stripe from 'stripe';
import { ConnectOAuthError } from '@/lib/stripe/connect/oauth-client';
import { appConfig, type AppConfig, sdkHostOptions } from '@/lib/stripe/connect/config';
import type { OAuthTokens } from '@/lib/stripe/integrations/types';

// The one module that speaks Stripe Apps OAuth (docs.stripe.com/stripe-apps/api-authentication/oauth):
// - install link: https://marketplace.stripe.com/oauth/v2/authorize?client_id=…&redirect_uri=…&state=…
//   (test-mode links from the app's External test tab carry a chnlink_… segment; STRIPE_APP_INSTALL_URL
//   takes the link as Stripe shows it, without the query);
// - POST https://api.stripe.com/v1/oauth/token with the app developer's secret key:
//   grant_type=authorization_code&code=ac_… (single use, valid 5 minutes), or
//   grant_type=refresh_token&refresh_token=…: access tokens expire after 1 hour; refresh tokens after
//   1 year and roll on every exchange (the previous one stops working), so the new one must be stored.
// The answer has no expires_in; the documented hour is assumed unless Stripe sends one.

export const ACCESS_TOKEN_LIFETIME_MS = 60 * 60 * 1000;

export function appInstallUrl(opts: { state: string; redirectUri: string }, config: AppConfig = appConfig()): string {
  const url = new URL(config.installUrl);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', opts.redirectUri);
  url.searchParams.set('state', opts.state);
  return url.toString();
}

function developerStripe(config: AppConfig): Stripe {
  return new Stripe(config.platformKey, { ...sdkHostOptions(config.apiBase), maxNetworkRetries: 1, appInfo: { name: 'Zori' } });
}

type TokenAnswer = { access_token?: string; refresh_token?: string; stripe_user_id?: string; scope?: string; livemode?: boolean; expires_in?: number };

function explain(err: unknown): never {
  if (err instanceof Stripe.errors.StripeError) {
    const code = String((err.raw as { type?: string })?.type ?? err.type);
    const detail = err.message ? ` (Stripe said: ${err.message})` : '';
    const messages: Record<string, string> = {
      invalid_grant: `Stripe did not accept the authorization: it was already used, has expired or was revoked. Install the Zori app again.${detail}`,
      invalid_client: `Stripe did not recognise Zori's app credentials. The administrator of this Zori must check STRIPE_APP_CLIENT_ID and STRIPE_PLATFORM_SECRET_KEY.${detail}`,
    };
    throw new ConnectOAuthError(code, messages[code] ?? `Stripe could not complete the installation.${detail}`);
  }
  throw err;
}

async function tokenRequest(params: Record<string, string>, config: AppConfig, now: Date): Promise<OAuthTokens> {
  let t: TokenAnswer;
  try {
    t = (await developerStripe(config).rawRequest('POST', '/v1/oauth/token', params)) as TokenAnswer;
  } catch (err) {
    explain(err);
  }
  if (!t.stripe_user_id || !t.access_token || !t.refresh_token) throw new ConnectOAuthError('invalid_response', 'Stripe answered without an account id or tokens. Try again.');
  const lifetime = typeof t.expires_in === 'number' && t.expires_in > 0 ? t.expires_in * 1000 : ACCESS_TOKEN_LIFETIME_MS;
  return {
    stripeUserId: t.stripe_user_id,
    accessToken: t.access_token,
    refreshToken: t.refresh_token,
    scope: t.scope ?? 'stripe_apps',
    livemode: Boolean(t.livemode),
    accessTokenExpiresAt: new Date(now.getTime() + lifetime),
  };
}

/** The install's authorization code → the account's access and refresh tokens. */
export function exchangeAppCode(code: string, config: AppConfig = appConfig(), now = new Date()): Promise<OAuthTokens> {
  return tokenRequest({ grant_type: 'authorization_code', code }, config, now);
}

/** A refresh token → a new access token and a new refresh token (the one given stops working). */
export function refreshAppTokens(refreshToken: string, config: AppConfig = appConfig(), now = new Date()): Promise<OAuthTokens> {
  return tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken }, config, now);
}
