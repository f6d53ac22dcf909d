import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, readEnv } from '@/lib/config/env';
import { keyringFromEnv, open, seal, SecretDecryptionError } from '@/lib/crypto/secrets';
import { prisma } from '@/lib/db/client';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { offerDemo, seedDemoIfEmpty } from '@/lib/demo/seed-demo';
import { syncSelfHostedEndpointEvents } from '@/lib/stripe/endpoint-events';

// What `npm start` / `npm run dev` do before serving: pick the database (embedded PGlite when
// DATABASE_URL is unset), make sure the secrets exist, apply migrations, and prove the encryption
// key opens the secrets already stored.

export type Bootstrapped = { embedded?: EmbeddedDatabase; appliedMigrations: string[] };

const CANARY_KEY = 'encryption-canary';

/** In embedded mode, missing secrets are generated once and kept in the data folder. */
export async function ensureLocalSecrets(dataDir: string) {
  const file = path.join(dataDir, 'secrets.json');
  const stored: Record<string, string> = JSON.parse(await readFile(file, 'utf8').catch(() => '{}'));
  let changed = false;
  for (const name of ['ZORI_ENCRYPTION_KEY', 'NEXTAUTH_SECRET']) {
    if (process.env[name]) continue;
    stored[name] ??= ((changed = true), randomBytes(32).toString('base64'));
    process.env[name] = stored[name];
  }
  if (changed) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
}

/** Fails start-up when ZORI_ENCRYPTION_KEY cannot open what an earlier key sealed. */
export async function checkEncryptionKey(): Promise<void> {
  const ring = keyringFromEnv();
  const canary = await prisma().systemSetting.findUnique({ where: { key: CANARY_KEY } });
  if (!canary) {
    await prisma().systemSetting.create({ data: { key: CANARY_KEY, value: seal('zori', ring) } });
    return;
  }
  try {
    open(canary.value, ring);
  } catch (err) {
    if (err instanceof SecretDecryptionError) {
      throw new ConfigError(`ZORI_ENCRYPTION_KEY does not match the key this database's secrets were sealed with. ${err.message}.`);
    }
    throw err;
  }
}

export async function bootstrap(log: (msg: string) => void = console.log): Promise<Bootstrapped> {
  const env = readEnv();
  let embedded: EmbeddedDatabase | undefined;
  if (!env.DATABASE_URL) {
    await ensureLocalSecrets(env.ZORI_DATA_DIR);
    log(`[zori] no DATABASE_URL: using the embedded PostgreSQL (PGlite) in ${path.resolve(env.ZORI_DATA_DIR, 'pglite')}`);
    embedded = await startEmbeddedDatabase(env.ZORI_DATA_DIR, { writePortFile: true });
    process.env.DATABASE_URL = embedded.url;
    // PGlite serves one query at a time; a small pool avoids queueing many idle connections.
    process.env.ZORI_DB_POOL_SIZE ??= '4';
  } else {
    for (const name of ['ZORI_ENCRYPTION_KEY', 'NEXTAUTH_SECRET']) {
      if (!process.env[name]) throw new ConfigError(`${name} is not set (with DATABASE_URL set, Zori needs its secrets configured: see .env.example)`);
    }
  }
  keyringFromEnv(); // validates the key's format before anything else runs
  const appliedMigrations = await applyMigrations(process.env.DATABASE_URL!);
  if (appliedMigrations.length) log(`[zori] applied migrations: ${appliedMigrations.join(', ')}`);
  await checkEncryptionKey();
  await (env.ZORI_DEMO === '1' ? seedDemoIfEmpty(log) : offerDemo(log));
  // In the background: it calls Stripe for each self-hosted endpoint Zori created.
  void syncSelfHostedEndpointEvents(log).catch((err) => console.warn('[zori] webhook endpoint event types not updated:', (err as Error).message));
  return { embedded, appliedMigrations };
}
