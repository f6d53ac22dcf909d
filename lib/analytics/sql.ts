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

/**
 * The UTC instants (as timestamp text, matching the timestamp-without-zone columns) where a range
 * of calendar dates in a time zone starts and ends (end exclusive). PostgreSQL does the zone math
 * (DST included); the queries then get plain constants, which the planner can estimate.
 */
export async function utcBounds(range: { from: string; to: string }, timeZone: string): Promise<{ start: string; end: string }> {
  // A pure function of its arguments: remembered, so a page's dozen queries cost one round trip here.
  const key = `${range.from}|${range.to}|${timeZone}`;
  const known = boundsCache.get(key);
  if (known) return known;
  const bounds = await computeUtcBounds(range, timeZone);
  if (boundsCache.size >= 1000) boundsCache.delete(boundsCache.keys().next().value!);
  boundsCache.set(key, bounds);
  return bounds;
}

const boundsCache = new Map<string, { start: string; end: string }>();

async function computeUtcBounds(range: { from: string; to: string }, timeZone: string): Promise<{ start: string; end: string }> {
  const { rows } = await pool().query<{ start: string; end: string }>(
    `SELECT to_char(($1::date::timestamp AT TIME ZONE $3) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') AS start,
            to_char((($2::date + 1)::timestamp AT TIME ZONE $3) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') AS "end"`,
    [range.from, range.to, timeZone],
  );
  return rows[0];
}
