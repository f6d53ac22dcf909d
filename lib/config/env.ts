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

/** Whether sign-in mails go to the local outbox (no SMTP configured). */
export function outboxEnabled(env: Env = readEnv()): boolean {
  return !env.SMTP_URL;
}

/** The outbox page is for development, or for tests of a production build that opt in. */
export function outboxPageEnabled(env: Env = readEnv()): boolean {
  return outboxEnabled(env) && (env.NODE_ENV !== 'production' || env.ZORI_DEV_OUTBOX === '1');
}
