// Prints the URL of a fresh, migrated database for one e2e run.
import { createTestDatabase } from '@/lib/db/test-database';

const db = await createTestDatabase('zori_e2e');
if (db.kind !== 'postgres') {
  console.error('[e2e] PostgreSQL is not reachable; e2e tests need it at 127.0.0.1:5432 (or ZORI_TEST_PG_URL).');
  process.exit(1);
}
console.log(db.url);
