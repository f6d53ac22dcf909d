import Stripe from 'stripe';
import { z } from 'zod';
import { ConfigError } from '@/lib/config/env';

// Zori Cloud's Stripe platform settings. Zori reaches Stripe (or the local emulator) through these
// URLs only: the API base for /v1 calls, the Connect base for the OAuth pages and token calls.

const connectEnvSchema = z.object({
  STRIPE_API_BASE: z.string().url().default('https://api.stripe.com'),
  STRIPE_CONNECT_BASE: z.string().url().default('https://connect.stripe.com'),
  STRIPE_PLATFORM_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_…)').optional(),
  STRIPE_CONNECT_CLIENT_ID: z.string().regex(/^ca_\w+$/, 'must be a Connect client id (ca_…)').optional(),
});

export type ConnectConfig = { apiBase: string; connectBase: string; platformKey: string; clientId: string };

/** Whether this Zori offers "Connect Stripe" (a platform key and client id are configured). */
export function connectEnabled(source: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(source.STRIPE_PLATFORM_SECRET_KEY && source.STRIPE_CONNECT_CLIENT_ID);
}

export function connectConfig(source: NodeJS.ProcessEnv = process.env): ConnectConfig {
  const parsed = connectEnvSchema.safeParse(source);
  if (!parsed.success) throw new ConfigError(`Invalid Stripe Connect configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const env = parsed.data;
  if (!env.STRIPE_PLATFORM_SECRET_KEY || !env.STRIPE_CONNECT_CLIENT_ID) {
    throw new ConfigError('Connect Stripe needs STRIPE_PLATFORM_SECRET_KEY and STRIPE_CONNECT_CLIENT_ID');
  }
  return {
    apiBase: env.STRIPE_API_BASE.replace(/\/$/, ''),
    connectBase: env.STRIPE_CONNECT_BASE.replace(/\/$/, ''),
    platformKey: env.STRIPE_PLATFORM_SECRET_KEY,
    clientId: env.STRIPE_CONNECT_CLIENT_ID,
  };
}

/** The SDK's host/port/protocol options for a base URL (https://api.stripe.com or http://127.0.0.1:12111). */
export function sdkHostOptions(base: string): Pick<Stripe.StripeConfig, 'host' | 'port' | 'protocol'> {
  const u = new URL(base);
  const protocol = u.protocol === 'http:' ? 'http' : 'https';
  return { host: u.hostname, port: u.port ? Number(u.port) : protocol === 'http' ? 80 : 443, protocol };
}

/** The platform's API client (its own account, or a connected one with `stripeAccount`). */
export function platformStripe(config: ConnectConfig = connectConfig()): Stripe {
  return new Stripe(config.platformKey, { ...sdkHostOptions(config.apiBase), maxNetworkRetries: 0, appInfo: { name: 'Zori' } });
}

/** The platform's client for Connect OAuth calls (/oauth/token, /oauth/deauthorize). */
export function platformOAuthStripe(config: ConnectConfig = connectConfig()): Stripe {
  return new Stripe(config.platformKey, { ...sdkHostOptions(config.connectBase), maxNetworkRetries: 1, appInfo: { name: 'Zori' } });
}
