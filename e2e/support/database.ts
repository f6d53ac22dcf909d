import { readFileSync } from 'node:fs';
import pg from 'pg';

// The database of the Zori started by e2e/serve.sh for this run (it writes the URL to a file named
// after the port), for specs that seed rows or check what landed.
export function e2eDatabaseUrl(): string {
  const port = process.env.ZORI_E2E_PORT ?? '1390';
  return readFileSync(`${process.env.TMPDIR ?? '/tmp'}/zori-e2e-${port}.database-url`, 'utf8').trim();
}

export async function withDatabase<T>(fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}
