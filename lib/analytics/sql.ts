import type { QueryResultRow } from 'pg';
import { pool } from '@/lib/db/client';

// Analytics reads run with settings that suit short aggregate queries: no JIT (its compile time
// costs more than it saves at these sizes) and enough work_mem that the distinct-visitor sorts stay
// in memory. SET LOCAL keeps the settings to this one transaction.

export async function analyticsQuery<R extends QueryResultRow>(sql: string, params: unknown[]): Promise<R[]> {
  const client = await pool().connect();
  try {
    await client.query("BEGIN READ ONLY; SET LOCAL jit = off; SET LOCAL work_mem = '64MB'");
    const { rows } = await client.query<R>(sql, params);
    await client.query('COMMIT');
    return rows;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
