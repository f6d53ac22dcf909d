import { z } from 'zod';

// Every variable Zori reads, validated once. `.env.example` documents each of them.
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url().optional(),
  ZORI_DATA_DIR: z.string().default('.zori-data'),
  PORT: z.coerce.number().int().min(1).max(65535).default(1323),
  HOST: z.string().default('0.0.0.0'),
  ZORI_PUBLIC_URL: z.string().url().optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  ZORI_ENCRYPTION_KEY: z.string().optional(),
  ZORI_ENCRYPTION_KEYS_PREVIOUS: z.string().optional(),
  SMTP_URL: z.string().optional(),
  EMAIL_FROM: z.string().default('Zori <no-reply@zori.local>'),
  ZORI_DEV_OUTBOX: z.enum(['0', '1']).optional(),
  ZORI_DEMO: z.enum(['0', '1']).optional(),
  GITHUB_ID: z.string().optional(),
  GITHUB_SECRET: z.string().optional(),
  GOOGLE_CLIENT_ID: z.string().optional(),
  GOOGLE_CLIENT_SECRET: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The URL people use to reach this Zori (links in mails, the tracking snippet, webhook URLs). */
export function publicUrl(env: Env = readEnv()): string {
  return (env.ZORI_PUBLIC_URL ?? env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
}

const assumed = globalThis as unknown as { __zoriPublicUrlAssumed?: boolean };

/** The address links use when nothing says otherwise: where this process serves (HOST, PORT). */
function servedUrl(env: Env): string {
  const wildcard = ['0.0.0.0', '::', '', '127.0.0.1', '::1'].includes(env.HOST);
  const host = wildcard ? 'localhost' : env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  return `http://${host}:${env.PORT}`;
}

/**
 * Makes ZORI_PUBLIC_URL and NEXTAUTH_URL agree before anything builds a link. next-auth v4 reads
 * NEXTAUTH_URL from process.env for every sign-in link and redirect (unset, it uses
 * http://localhost:3000, where nothing answers), so this runs before next-auth is loaded, in every
 * process that builds links. One of them set: the other follows it. Neither: `fallback` (the CLI
 * passes the running server's address) or where this process serves; returns a line for the log.
 */
export function settlePublicUrl(fallback?: string, source: NodeJS.ProcessEnv = process.env): string | undefined {
  const env = readEnv(source);
  const configured = env.ZORI_PUBLIC_URL ?? env.NEXTAUTH_URL;
  const url = (configured ?? fallback ?? servedUrl(env)).replace(/\/$/, '');
  source.ZORI_PUBLIC_URL ??= url;
  source.NEXTAUTH_URL ??= url;
  if (configured) return undefined;
  assumed.__zoriPublicUrlAssumed = true;
  return `[zori] ZORI_PUBLIC_URL is not set: links (sign-in mails, redirects, webhook URLs, the snippet) use ${url}. Set ZORI_PUBLIC_URL to the address people and Stripe reach Zori at.`;
}

/** No public address was configured: this is someone's local copy (see outboxPageEnabled). */
export function publicUrlAssumed(): boolean {
  return assumed.__zoriPublicUrlAssumed === true;
}

/** Whether sign-in mails go to the local outbox (no SMTP configured). */
export function outboxEnabled(env: Env = readEnv()): boolean {
  return !env.SMTP_URL;
}

/**
 * Who may read the outbox page, which shows working sign-in links for every address: with no SMTP,
 * in development; on a built app, a browser on the same machine when no public address is
 * configured (someone trying Zori locally, as the README's first command does); anywhere only with
 * ZORI_DEV_OUTBOX=1 (tests). A deployed Zori (ZORI_PUBLIC_URL set) never shows it unasked; the
 * links are still in the server log.
 */
export function outboxPageEnabled(env: Env = readEnv(), peer: Peer = 'remote'): boolean {
  if (!outboxEnabled(env)) return false;
  if (env.NODE_ENV !== 'production' || env.ZORI_DEV_OUTBOX === '1') return true;
  return publicUrlAssumed() && peer === 'loopback';
}

/** Where a request came from, as the HTTP front saw the socket (lib/http/peer.ts). */
export type Peer = 'loopback' | 'remote';
