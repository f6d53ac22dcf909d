import { ensureLocalSecrets } from '@/lib/config/bootstrap';
import { readEnv, settlePublicUrl } from '@/lib/config/env';
import { disconnect } from '@/lib/db/client';
import { openEmbeddedDatabase, runningServer } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';

/**
 * Points the CLI at Zori's database: DATABASE_URL when set; otherwise the embedded PostgreSQL of
 * the data folder, which the CLI shares with a running Zori server or starts (and stops again)
 * itself when none runs. Links it prints (webhook URLs) use the running server's address unless
 * ZORI_PUBLIC_URL says otherwise. Returns the function that closes it again.
 */
export async function connectDatabase(): Promise<() => Promise<void>> {
  const env = readEnv();
  if (env.DATABASE_URL) {
    settlePublicUrl();
    return disconnect;
  }
  await ensureLocalSecrets(env.ZORI_DATA_DIR);
  const server = await runningServer(env.ZORI_DATA_DIR);
  settlePublicUrl(server?.url);
  const embedded = await openEmbeddedDatabase(env.ZORI_DATA_DIR, { kind: 'cli', log: (msg) => process.stderr.write(`${msg}\n`) });
  process.env.DATABASE_URL = embedded.url;
  process.env.ZORI_DB_POOL_SIZE ??= '4';
  try {
    if (!server) await applyMigrations(embedded.url); // a running server has migrated already
  } catch (err) {
    await embedded.close();
    throw err;
  }
  return async () => {
    await disconnect();
    await embedded.close();
  };
}
