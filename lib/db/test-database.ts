import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openEmbeddedDatabase } from './embedded';
import { applyMigrations } from './migrate';

// A fresh, migrated database for one test run: a new database on the PostgreSQL server at
// ZORI_TEST_PG_URL (default 127.0.0.1:5432) when it answers, else the embedded PostgreSQL (the same
// server `npm start` runs with nothing configured) in a temp folder.

export type TestDatabase = { url: string; kind: 'postgres' | 'embedded'; drop(): Promise<void> };

const DEFAULT_ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

async function reachable(adminUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export async function createTestDatabase(prefix = 'zori_test'): Promise<TestDatabase> {
  const adminUrl = process.env.ZORI_TEST_PG_URL ?? DEFAULT_ADMIN_URL;
  if (await reachable(adminUrl)) {
    const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    await applyMigrations(url.toString());
    return {
      url: url.toString(),
      kind: 'postgres',
      async drop() {
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const dir = await mkdtemp(path.join(tmpdir(), `${prefix}-`));
  const embedded = await openEmbeddedDatabase(dir, { kind: 'cli', log: () => {} });
  await applyMigrations(embedded.url);
  return {
    url: embedded.url,
    kind: 'embedded',
    async drop() {
      await embedded.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
