import { existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations } from '../migrate';
import { NO_FILTERS, openSchemaEngine, readMigrationsList } from '../schema-engine';

// Earlier versions kept the embedded database in `.zori-data/pglite` (PGlite, PostgreSQL compiled
// to wasm). The first start on the real embedded PostgreSQL copies it over: both are brought to the
// latest migration, every table is copied in one transaction on the new server (rows as JSON,
// which carries every column type through PostgreSQL's own input functions), sequences follow,
// row counts are compared, and only then is the old folder renamed (kept, not deleted).

export const PGLITE_FOLDER = 'pglite';
const BLOCKS_PER_BATCH = 256; // ~2 MB of table pages per round trip

export const hasPgliteData = (dataDir: string) => existsSync(path.join(dataDir, PGLITE_FOLDER, 'PG_VERSION'));

export class PgliteImportError extends Error {}

type Copied = { tables: number; rows: number };

export async function importPglite(dataDir: string, targetUrl: string, log: (msg: string) => void): Promise<Copied> {
  const source = path.join(dataDir, PGLITE_FOLDER);
  const { PGlite } = await import('@electric-sql/pglite');
  const { PrismaPGlite } = await import('pglite-prisma-adapter');
  let lite: InstanceType<typeof PGlite>;
  try {
    lite = await PGlite.create(source);
  } catch (err) {
    throw new PgliteImportError(`cannot open ${source} (${(err as Error).message}); is an older Zori still running on it?`);
  }
  const target = new pg.Client({ connectionString: targetUrl });
  try {
    const engine = await openSchemaEngine(new PrismaPGlite(lite));
    try {
      await engine.applyMigrations({ migrationsList: await readMigrationsList(), filters: NO_FILTERS });
    } finally {
      engine.free();
    }
    await applyMigrations(targetUrl);

    const { rows: tables } = await lite.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
    );
    await target.connect();
    await target.query('BEGIN');
    // Foreign keys are checked by the source already; this lets tables load in any order.
    await target.query('SET LOCAL session_replication_role = replica');
    let total = 0;
    for (const { name } of tables) {
      const table = `"${name.replaceAll('"', '""')}"`;
      const existing = await target.query(`SELECT 1 FROM ${table} LIMIT 1`);
      if (existing.rowCount) throw new PgliteImportError(`table ${name} already has rows in the new database`);
      const { rows: size } = await lite.query<{ blocks: number }>(`SELECT (pg_relation_size($1::regclass) / current_setting('block_size')::int)::int AS blocks`, [table]);
      for (let block = 0; block <= size[0].blocks; block += BLOCKS_PER_BATCH) {
        // A TID range scan reads each page once: no sort, no OFFSET.
        const { rows } = await lite.query<{ batch: string | null }>(
          `SELECT json_agg(t)::text AS batch FROM ${table} t WHERE ctid >= '(${block},0)'::tid AND ctid < '(${block + BLOCKS_PER_BATCH},0)'::tid`,
        );
        if (rows[0].batch) await target.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`, [rows[0].batch]);
      }
      const [a, b] = await Promise.all([
        lite.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`),
        target.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`),
      ]);
      if (a.rows[0].n !== b.rows[0].n) throw new PgliteImportError(`table ${name}: ${a.rows[0].n} rows in PGlite, ${b.rows[0].n} copied`);
      total += a.rows[0].n;
    }
    const { rows: sequences } = await lite.query<{ name: string }>(`SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public'`);
    for (const { name } of sequences) {
      const seq = `"${name.replaceAll('"', '""')}"`;
      const { rows } = await lite.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text, is_called FROM ${seq}`);
      await target.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [seq, rows[0].last_value, rows[0].is_called]);
    }
    await target.query('COMMIT');
    log(`[zori] copied the PGlite database (${tables.length} tables, ${total} rows) into the embedded PostgreSQL`);
    return { tables: tables.length, rows: total };
  } catch (err) {
    await target.query('ROLLBACK').catch(() => undefined);
    throw err instanceof PgliteImportError ? err : new PgliteImportError((err as Error).message);
  } finally {
    await target.end().catch(() => undefined);
    await lite.close().catch(() => undefined);
  }
}

/** After a successful import the old folder is kept beside, renamed, so nothing reads it again. */
export async function retirePgliteFolder(dataDir: string): Promise<string> {
  const to = path.join(dataDir, `${PGLITE_FOLDER}.imported-${new Date().toISOString().slice(0, 10)}`);
  await rename(path.join(dataDir, PGLITE_FOLDER), existsSync(to) ? `${to}-${Date.now()}` : to);
  return to;
}

export function importFailureMessage(dataDir: string, reason: string): string {
  const source = path.join(dataDir, PGLITE_FOLDER);
  return (
    `Zori now runs on an embedded PostgreSQL server and could not copy your old PGlite database (${source}) into it: ${reason}. ` +
    `Nothing was changed in ${source}. To keep that data, export it with an older Zori (v0.1, before the switch): start it, then ` +
    '`pg_dump --no-owner` the address it prints in .zori-data/pglite.port, and load the dump into a PostgreSQL you point DATABASE_URL at. ' +
    `Or move ${source} away to start empty.`
  );
}
