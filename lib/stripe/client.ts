import Stripe from 'stripe';

// One place that builds Stripe API clients. STRIPE_API_BASE (e.g. http://127.0.0.1:12111) sends
// every call to a local Stripe emulator instead of api.stripe.com, for tests and offline development.

export const STRIPE_API_VERSION = Stripe.API_VERSION;

function apiBase(): { host: string; port: number; protocol: 'http' | 'https' } | undefined {
  const base = process.env.STRIPE_API_BASE;
  if (!base) return undefined;
  const url = new URL(base);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: Number(url.port || (protocol === 'http' ? 80 : 443)), protocol };
}

/** A client for a secret key (sk_…/rk_…); `stripeAccount` calls on behalf of a connected account. */
export function stripeClient(key: string, options: { stripeAccount?: string } = {}): Stripe {
  return new Stripe(key, { ...apiBase(), maxNetworkRetries: 1, timeout: 10_000, ...(options.stripeAccount && { stripeAccount: options.stripeAccount }) });
}

/** The SDK's offline webhook helpers (constructEvent, generateTestHeaderString) need no key. */
export const stripeWebhooks = Stripe.webhooks;
