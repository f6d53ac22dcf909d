import Stripe from 'stripe';
import { z } from 'zod';
import { ConfigError } from '@/lib/config/env';

// Zori Cloud's Stripe platform settings. Zori reaches Stripe (or the local emulator) through these
// URLs only: the API base for /v1 calls (the Stripe App token exchange too), the Connect base for the
// Connect OAuth pages and token calls, the Stripe App install link.

const connectEnvSchema = z.object({
  STRIPE_API_BASE: z.string().url().default('https://api.stripe.com'),
  STRIPE_CONNECT_BASE: z.string().url().default('https://connect.stripe.com'),
  STRIPE_PLATFORM_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_…)').optional(),
  STRIPE_CONNECT_CLIENT_ID: z.string().regex(/^ca_\w+$/, 'must be a Connect client id (ca_…)').optional(),
  /** The Zori Stripe App's OAuth client id (its Settings or External test tab). */
  STRIPE_APP_CLIENT_ID: z.string().regex(/^ca_\w+$/, 'must be the Stripe App OAuth client id (ca_…)').optional(),
  /** The install link as Stripe shows it, without its query (test-mode links carry a chnlink_… segment). */
  STRIPE_APP_INSTALL_URL: z.string().url().default('https://marketplace.stripe.com/oauth/v2/authorize'),
});

export type ConnectConfig = { apiBase: string; connectBase: string; platformKey: string; clientId: string };
/** What calls Stripe as the platform (its own account, its Connect endpoint): the API base and key. */
export type PlatformConfig = Pick<ConnectConfig, 'apiBase' | 'platformKey'>;
/** The Zori Stripe App: its client id and install link; the platform key is the app developer's key. */
export type AppConfig = PlatformConfig & { clientId: string; installUrl: string };

/** Whether this Zori offers "Connect Stripe" (a platform key and client id are configured). */
export function connectEnabled(source: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(source.STRIPE_PLATFORM_SECRET_KEY && source.STRIPE_CONNECT_CLIENT_ID);
}

function parseEnv(source: NodeJS.ProcessEnv) {
  const parsed = connectEnvSchema.safeParse(source);
  if (!parsed.success) throw new ConfigError(`Invalid Stripe Connect configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** Whether this Zori offers "Install the Zori app" (a platform key and the app's client id are configured). */
export function appEnabled(source: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(source.STRIPE_PLATFORM_SECRET_KEY && source.STRIPE_APP_CLIENT_ID);
}

export function platformConfig(source: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const env = parseEnv(source);
  if (!env.STRIPE_PLATFORM_SECRET_KEY) throw new ConfigError('Zori Cloud needs STRIPE_PLATFORM_SECRET_KEY');
  return { apiBase: env.STRIPE_API_BASE.replace(/\/$/, ''), platformKey: env.STRIPE_PLATFORM_SECRET_KEY };
}

export function appConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const env = parseEnv(source);
  if (!env.STRIPE_PLATFORM_SECRET_KEY || !env.STRIPE_APP_CLIENT_ID) throw new ConfigError('The Zori Stripe App needs STRIPE_PLATFORM_SECRET_KEY and STRIPE_APP_CLIENT_ID');
  return { ...platformConfig(source), clientId: env.STRIPE_APP_CLIENT_ID, installUrl: env.STRIPE_APP_INSTALL_URL };
}

export function connectConfig(source: NodeJS.ProcessEnv = process.env): ConnectConfig {
  const env = parseEnv(source);
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
export function platformStripe(config: PlatformConfig = platformConfig()): Stripe {
  return new Stripe(config.platformKey, { ...sdkHostOptions(config.apiBase), maxNetworkRetries: 0, appInfo: { name: 'Zori' } });
}

/** The platform's client for Connect OAuth calls (/oauth/token, /oauth/deauthorize). */
export function platformOAuthStripe(config: ConnectConfig = connectConfig()): Stripe {
  return new Stripe(config.platformKey, { ...sdkHostOptions(config.connectBase), maxNetworkRetries: 1, appInfo: { name: 'Zori' } });
}
