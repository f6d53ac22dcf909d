// What the Integrations page says after Stripe sends the admin back (the callback's `stripe=` and
// `code=` query parameters). Friendly, and specific enough to act on.

export type ConnectNotice = { tone: 'success' | 'info' | 'error'; message: string };

const OAUTH_ERRORS: Record<string, string> = {
  invalid_grant: 'Stripe did not accept the authorization: it was already used or has expired. Click Connect Stripe again.',
  invalid_client: 'Stripe did not recognise this Zori’s platform credentials. Ask the administrator of this Zori to check its Stripe Connect settings.',
  invalid_request: 'Stripe answered with an incomplete request. Click Connect Stripe again.',
  invalid_scope: 'Stripe refused the requested access level. Click Connect Stripe again.',
  oauth_error: 'Stripe could not complete the connection. Click Connect Stripe again.',
};

export function connectNotice(params: Record<string, string | string[] | undefined>): ConnectNotice | null {
  const one = (k: string) => (typeof params[k] === 'string' ? (params[k] as string) : undefined);
  const app = one('via') === 'app';
  switch (one('stripe')) {
    case 'connected':
      return {
        tone: 'success',
        message: `${app ? 'The Zori app is installed' : 'Stripe is connected'}. Zori is importing the last 90 days of payments; new payments arrive as they happen.`,
      };
    case 'denied':
      return {
        tone: 'info',
        message: app
          ? 'You did not install the Zori app, so nothing was changed. You can install it whenever you are ready.'
          : 'You cancelled the connection on Stripe, so nothing was changed. You can connect whenever you are ready.',
      };
    case 'error':
      return { tone: 'error', message: OAUTH_ERRORS[one('code') ?? ''] ?? OAUTH_ERRORS.oauth_error };
    default:
      return null;
  }
}
