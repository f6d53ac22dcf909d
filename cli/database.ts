import { ensureLocalSecrets } from '@/lib/config/bootstrap';
import { readEnv } from '@/lib/config/env';
import { disconnect } from '@/lib/db/client';
import { runningEmbeddedDatabase, startEmbeddedDatabase } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';

/**
 * Points the CLI at Zori's database: DATABASE_URL when set; otherwise the embedded database of a
 * running Zori server (only one process may open the PGlite folder); otherwise the embedded
 * database opened in this process and migrated. Returns the function that closes it again.
 */
export async function connectDatabase(): Promise<() => Promise<void>> {
  const env = readEnv();
  if (env.DATABASE_URL) return disconnect;
  await ensureLocalSecrets(env.ZORI_DATA_DIR);
  const running = await runningEmbeddedDatabase(env.ZORI_DATA_DIR);
  if (running) {
    process.env.DATABASE_URL = running;
    return disconnect;
  }
  const embedded = await startEmbeddedDatabase(env.ZORI_DATA_DIR);
  process.env.DATABASE_URL = embedded.url;
  process.env.ZORI_DB_POOL_SIZE ??= '2';
  await applyMigrations(embedded.url);
  return async () => {
    await disconnect();
    await embedded.close();
  };
}
