import type { PoolClient } from 'pg';
import { pool } from './client';

/** Runs `work` in one transaction on a pooled connection: committed if it returns, rolled back if it throws. */
export async function withTransaction<T>(work: (tx: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

const DEADLOCK = '40P01';

/**
 * Runs a statement that updates many rows at once again if PostgreSQL chose it as the victim of a
 * deadlock (other writers lock the same rows in their own order); it holds nothing between tries.
 */
export async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (err) {
      if ((err as { code?: string }).code !== DEADLOCK || i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 10 * i + Math.random() * 20));
    }
  }
}
