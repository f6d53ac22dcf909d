import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { afterEach, describe, expect, it } from 'vitest';
import { openEmbeddedDatabase } from '@/lib/db/embedded';
import { NO_FILTERS, openSchemaEngine, readMigrationsList } from '@/lib/db/schema-engine';

// The embedded PostgreSQL that `npm start` runs with nothing configured: a real server (a pool
// gets real concurrency), reachable only through its Unix socket with the generated password, and
// an older Zori's PGlite folder copied into it on first start.

const folders: string[] = [];
async function dataFolder() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'zori-embedded-'));
  folders.push(dir);
  return dir;
}
afterEach(async () => {
  for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true });
});

const SLOW = 180_000;

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe('the embedded PostgreSQL', () => {
  it('serves many connections at once, only on its socket, and only with the generated password', async () => {
    const dir = await dataFolder();
    const db = await openEmbeddedDatabase(dir, { kind: 'cli', log: () => {} });
    try {
      const pool = new pg.Pool({ connectionString: db.url, max: 10 });
      // What PGlite behind a socket could not do: concurrent extended-protocol queries with parameters.
      const results = await Promise.all(Array.from({ length: 40 }, (_, i) => pool.query<{ n: number; s: string }>('SELECT $1::int * 2 AS n, $2::text || $3::text AS s', [i, 'a', String(i)])));
      expect(results.map((r) => r.rows[0])).toEqual(Array.from({ length: 40 }, (_, i) => ({ n: i * 2, s: `a${i}` })));
      const [settings] = (await pool.query<{ listen: string; perms: string; sockets: string }>(
        `SELECT current_setting('listen_addresses') AS listen, current_setting('unix_socket_permissions') AS perms, current_setting('unix_socket_directories') AS sockets`,
      )).rows;
      expect(settings).toEqual({ listen: '', perms: '0700', sockets: '.' }); // no TCP listener at all
      await pool.end();

      const socket = path.join(dir, 'postgres', '.s.PGSQL.5432');
      expect(statSync(socket).mode & 0o777).toBe(0o700);
      expect(statSync(path.join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
      const wrong = new URL(db.url);
      wrong.password = 'not-the-password';
      await expect(query(wrong.toString(), 'SELECT 1')).rejects.toThrow(/password authentication failed/);
    } finally {
      await db.close();
    }
    expect(existsSync(path.join(dir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, SLOW);

  it('copies an older Zori\'s PGlite folder into PostgreSQL on first start, and keeps the old folder aside', async () => {
    const dir = await dataFolder();
    const lite = await PGlite.create(path.join(dir, 'pglite'));
    const engine = await openSchemaEngine(new PrismaPGlite(lite));
    await engine.applyMigrations({ migrationsList: await readMigrationsList(), filters: NO_FILTERS });
    engine.free();
    await lite.exec(`
      INSERT INTO "Organization" (id, name, "updatedAt") VALUES ('org_old', 'Old "quoted" org', now());
      INSERT INTO "Project" (id, "organizationId", name, "nameKey", "publishableKey", domains, "updatedAt")
        VALUES ('proj_old', 'org_old', 'Shop', 'shop', 'zpk_old', ARRAY['shop.example.com', 'www.shop.example.com'], now());
      INSERT INTO "StripeEvent" ("projectId", "stripeAccount", "eventId", type, livemode, "stripeCreatedAt", payload)
        VALUES ('proj_old', 'acct_1', 'evt_1', 'charge.succeeded', false, '2026-01-02 03:04:05.678', '{"id":"evt_1","data":{"object":{"amount":4200,"metadata":{"k":"é ✓"}}}}'),
               ('proj_old', 'acct_1', 'evt_2', 'charge.refunded', true, now(), '{"n":[1,2,3]}');
    `);
    const before = (await lite.query<{ id: string }>(`SELECT id::text FROM "StripeEvent" ORDER BY id`)).rows;
    const salt = (await lite.query<{ s: string }>(`SELECT "identitySalt" AS s FROM "Project"`)).rows[0].s;
    await lite.close();

    const logs: string[] = [];
    const db = await openEmbeddedDatabase(dir, { kind: 'cli', log: (m) => logs.push(m) });
    try {
      expect(await query(db.url, `SELECT name, personal FROM "Organization"`)).toEqual([{ name: 'Old "quoted" org', personal: false }]);
      // Arrays, and generated defaults copied rather than generated again.
      expect(await query(db.url, `SELECT domains, "identitySalt" FROM "Project" WHERE id = 'proj_old'`)).toEqual([{ domains: ['shop.example.com', 'www.shop.example.com'], identitySalt: salt }]);
      const events = await query<{ id: string; payload: unknown; stripeCreatedAt: Date }>(db.url, `SELECT id::text, payload, "stripeCreatedAt" FROM "StripeEvent" ORDER BY id`);
      expect(events.map((e) => e.id)).toEqual(before.map((e) => e.id));
      expect(events[0].payload).toEqual({ id: 'evt_1', data: { object: { amount: 4200, metadata: { k: 'é ✓' } } } });
      expect(events[0].stripeCreatedAt.toISOString()).toBe('2026-01-02T03:04:05.678Z');
      // The sequence goes on after the copied rows.
      const [next] = await query<{ id: string }>(
        db.url,
        `INSERT INTO "StripeEvent" ("projectId", "stripeAccount", "eventId", type, livemode, "stripeCreatedAt", payload) VALUES ('proj_old', 'acct_1', 'evt_3', 't', false, now(), '{}') RETURNING id::text`,
      );
      expect(BigInt(next.id)).toBeGreaterThan(BigInt(before.at(-1)!.id));
    } finally {
      await db.close();
    }
    const entries = await readdir(dir);
    expect(entries).not.toContain('pglite');
    expect(entries.some((e) => e.startsWith('pglite.imported-'))).toBe(true);
    expect(logs.join('\n')).toMatch(/copied the PGlite database \(\d+ tables, 4 rows\)/);
  }, SLOW);

  it('refuses a PGlite folder it cannot read, says how to export it, and changes nothing', async () => {
    const dir = await dataFolder();
    await mkdir(path.join(dir, 'pglite'));
    await writeFile(path.join(dir, 'pglite', 'PG_VERSION'), '17\n'); // a cluster missing all its files
    await expect(openEmbeddedDatabase(dir, { kind: 'server', log: () => {} })).rejects.toThrow(/could not copy your old PGlite database .*pg_dump/s);
    expect(await readdir(path.join(dir, 'pglite'))).toEqual(['PG_VERSION']);
    expect(existsSync(path.join(dir, 'postgres'))).toBe(false); // no half-made cluster: the next start tries again
    expect(await readdir(path.join(dir, 'processes')).catch(() => [])).toEqual([]);
  }, SLOW);
});
