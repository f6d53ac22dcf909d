import Stripe from 'stripe';
import { DomainError } from '@/lib/authz/errors';
import { connectConfig, platformOAuthStripe, type ConnectConfig } from './config';

// The one module that speaks Connect OAuth (Stripe now also offers Stripe Apps install links with
// the same authorize / code / token shape; swapping them would touch only this file).

export type ConnectTokens = {
  stripeUserId: string;
  accessToken: string;
  refreshToken: string | null;
  scope: string;
  livemode: boolean;
};

/** A Stripe OAuth error (`invalid_grant`, `invalid_client`, …) turned into something a person can act on. */
export class ConnectOAuthError extends DomainError {
  constructor(
    readonly oauthCode: string,
    message: string,
  ) {
    super(message, 400);
  }
}

/** Stripe's authorize page for this project's state: read-only access, the admin's email prefilled. */
export function authorizeUrl(opts: { state: string; redirectUri: string; email?: string | null }, config: ConnectConfig = connectConfig()): string {
  const url = new URL('/oauth/authorize', config.connectBase);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('scope', 'read_only');
  url.searchParams.set('redirect_uri', opts.redirectUri);
  url.searchParams.set('state', opts.state);
  if (opts.email) url.searchParams.set('stripe_user[email]', opts.email);
  return url.toString();
}

function explain(err: unknown): never {
  if (err instanceof Stripe.errors.StripeError) {
    // For OAuth errors the SDK keeps Stripe's `error` (invalid_grant, …) as raw.type.
    const code = String((err.raw as { type?: string })?.type ?? err.type);
    const detail = err.message ? ` (Stripe said: ${err.message})` : '';
    const messages: Record<string, string> = {
      invalid_grant: `Stripe did not accept the authorization: it was already used or has expired. Click Connect Stripe again.${detail}`,
      invalid_client: `Stripe did not recognise Zori's platform credentials. The administrator of this Zori must check STRIPE_CONNECT_CLIENT_ID and STRIPE_PLATFORM_SECRET_KEY.${detail}`,
      invalid_request: `Stripe refused the request.${detail}`,
      invalid_scope: `Stripe refused the requested access level.${detail}`,
      unsupported_grant_type: `Stripe refused the request.${detail}`,
    };
    throw new ConnectOAuthError(code, messages[code] ?? `Stripe could not complete the connection.${detail}`);
  }
  throw err;
}

/** POST /oauth/token with the authorization code, using the platform key. */
export async function exchangeCode(code: string, config: ConnectConfig = connectConfig()): Promise<ConnectTokens> {
  try {
    const t = await platformOAuthStripe(config).oauth.token({ grant_type: 'authorization_code', code });
    if (!t.stripe_user_id || !t.access_token) throw new ConnectOAuthError('invalid_response', 'Stripe answered without an account id or token. Try again.');
    return { stripeUserId: t.stripe_user_id, accessToken: t.access_token, refreshToken: t.refresh_token ?? null, scope: t.scope ?? 'read_only', livemode: Boolean(t.livemode) };
  } catch (err) {
    if (err instanceof ConnectOAuthError) throw err;
    explain(err);
  }
}

/** POST /oauth/deauthorize: the platform gives up its access to the account. */
export async function deauthorize(stripeUserId: string, config: ConnectConfig = connectConfig()): Promise<void> {
  try {
    await platformOAuthStripe(config).oauth.deauthorize({ client_id: config.clientId, stripe_user_id: stripeUserId });
  } catch (err) {
    // Already disconnected on Stripe's side (the merchant revoked access first): nothing left to do.
    if (err instanceof Stripe.errors.StripeInvalidClientError && /not connected/.test(err.message)) return;
    explain(err);
  }
}
