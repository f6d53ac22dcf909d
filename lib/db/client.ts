import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

// One pool and one Prisma client per process, kept on globalThis so that the lean HTTP front
// (server/) and Next's bundled copy of lib/ share them, and hot reloads do not leak pools.
type DbGlobals = { pool?: pg.Pool; prisma?: PrismaClient; url?: string };
const g = globalThis as unknown as { __zoriDb?: DbGlobals };
const state: DbGlobals = (g.__zoriDb ??= {});

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: start Zori with `npm start` (it sets up the embedded database) or set DATABASE_URL.');
  return url;
}

/** The raw pg pool, for hot paths (batched inserts) that need no ORM work. */
export function pool(): pg.Pool {
  const url = databaseUrl();
  if (!state.pool || state.url !== url) {
    state.pool = new pg.Pool({ connectionString: url, max: Number(process.env.ZORI_DB_POOL_SIZE ?? 10) });
    // An idle connection the server dropped (restart, outage) is replaced on next use; unhandled,
    // the pool's 'error' event would end the process.
    state.pool.on('error', (err) => console.error(`[zori] idle database connection lost: ${err.message}`));
    state.url = url;
    state.prisma = undefined;
  }
  return state.pool;
}

export function prisma(): PrismaClient {
  const p = pool();
  state.prisma ??= new PrismaClient({ adapter: new PrismaPg(p) });
  return state.prisma;
}

/** Closes the pool (clean shutdown, end of a CLI command or test file). */
export async function disconnect(): Promise<void> {
  const { pool: p, prisma: client } = state;
  state.pool = undefined;
  state.prisma = undefined;
  state.url = undefined;
  await client?.$disconnect().catch(() => {});
  await p?.end().catch(() => {});
}

export type { PrismaClient };
