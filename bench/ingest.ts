// `npm run bench:ingest`: how fast /ingest takes page views, next to the ceilings that bound it on
// this machine, all in one run (each phase ~10 s; ZORI_BENCH_SECONDS overrides):
//   1. a bare node:http server answering 204          (the HTTP ceiling)
//   2. a no-op Next.js route handler                    (what any framework route could do)
//   3. PostgreSQL single-row INSERTs, autocommit        (the naive write path)
//   4. POST /ingest (server/ingest-only.ts: the same lean route server/index.ts serves), one page
//      view per request, against the real PostgreSQL, then a row count after SIGTERM
// Load: autocannon, 50 connections, keep-alive, on the same machine as the servers.
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { createTestDatabase } from '@/lib/db/test-database';
import { newPublishableKey, randomToken } from '@/lib/tenancy/tokens';

const SECONDS = Number(process.env.ZORI_BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const PORT = Number(process.env.ZORI_BENCH_PORT ?? 1496);
const ORIGIN = 'https://shop.bench.test';
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const root = path.join(import.meta.dirname, '..');

type Result = { rps: number; p99: number; p50: number; ok: number; errors: number; non2xx: number };

function startServer(kind: string, port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const [script, args] = kind === 'ingest' ? [path.join(root, 'server', 'ingest-only.ts'), []] : [path.join(import.meta.dirname, 'servers.ts'), [kind, String(port)]];
  const child = fork(script, args, {
    cwd: root,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env, NODE_ENV: "production" },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function load(url: string, opts: Partial<autocannon.Options> = {}): Promise<Result> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, pipelining: 1, ...opts });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, ok: r['2xx'], errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const line = (name: string, r: Result) =>
  console.log(`${name.padEnd(34)} ${fmt(r.rps).padStart(8)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   non-2xx ${r.non2xx}  errors ${r.errors}`);

async function bareCeiling() {
  const server = await startServer('bare', PORT);
  try {
    return await load(`http://127.0.0.1:${PORT}/`);
  } finally {
    await stopServer(server);
  }
}

async function nextCeiling() {
  const dir = path.join(import.meta.dirname, 'next-noop');
  if (!existsSync(path.join(dir, '.next', 'BUILD_ID'))) {
    console.log('  (building the no-op Next app once: bench/next-noop)');
    execFileSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build', dir], { stdio: 'ignore', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  }
  const server = await startServer('next', PORT + 1);
  try {
    return await load(`http://127.0.0.1:${PORT + 1}/noop`, { method: 'POST' });
  } finally {
    await stopServer(server);
  }
}

/** Single-row autocommit INSERTs into Pageview from CONNECTIONS/5 parallel clients for SECONDS. */
async function postgresSingleRowInserts(url: string, projectId: string): Promise<number> {
  const clients = 10;
  const pool = new pg.Pool({ connectionString: url, max: clients });
  const until = Date.now() + SECONDS * 1000;
  let count = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      const c = await pool.connect();
      try {
        while (Date.now() < until) {
          await c.query(
            `INSERT INTO "Pageview" ("projectId", "visitorId", "sessionId", "occurredAt", path) VALUES ($1, $2, $3, now(), $4)`,
            [projectId, 'bench-visitor', 'bench-session', '/single'],
          );
          count++;
        }
      } finally {
        c.release();
      }
    }),
  );
  await pool.end();
  return count / ((Date.now() - started) / 1000);
}

async function ingestThroughput(url: string, key: string) {
  const server = await startServer('ingest', PORT + 2, { DATABASE_URL: url, ZORI_DB_POOL_SIZE: '4', PORT: String(PORT + 2), HOST: '127.0.0.1' });
  // Bodies are made before the clock starts: building them per request would make the load
  // generator, not /ingest, the bottleneck. Each connection cycles through them.
  const now = Date.now();
  const requests = Array.from({ length: 2_000 }, (_, i) => {
    // One page view per request; every tenth starts a session (a touch to classify and dedupe).
    const session = i % 10 === 0 ? { referrer: 'https://www.google.com/', utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'bench' } : undefined;
    const body = JSON.stringify({ key, vid: randomToken(22), sid: randomToken(22), now, events: [{ type: 'pageview', ts: now, path: `/p/${i % 50}`, session }] });
    return { method: 'POST' as const, body };
  });
  try {
    const result = await load(`http://127.0.0.1:${PORT + 2}/ingest`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'user-agent': UA, 'content-type': 'text/plain' },
      requests,
    });
    return result;
  } finally {
    await stopServer(server); // SIGTERM: the buffer flushes before the process exits
  }
}

async function main() {
  console.log(`Zori ingest benchmark: ${CONNECTIONS} connections, keep-alive, ${SECONDS} s per phase, ${(await import('node:os')).cpus().length} CPUs\n`);
  const db = await createTestDatabase('zori_bench');
  if (db.kind !== 'postgres') throw new Error('The benchmark needs PostgreSQL (127.0.0.1:5432 or ZORI_TEST_PG_URL).');
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  try {
    const key = newPublishableKey();
    await admin.query(`INSERT INTO "Organization" (id, name, "updatedAt") VALUES ('org_bench', 'Bench', now())`);
    await admin.query(
      `INSERT INTO "Project" (id, "organizationId", name, "nameKey", "publishableKey", domains, "updatedAt") VALUES ('prj_bench', 'org_bench', 'Bench', 'bench', $1, ARRAY['bench.test'], now())`,
      [key],
    );

    const bare = await bareCeiling();
    line('1. bare node:http (204)', bare);
    const nextNoop = await nextCeiling();
    line('2. Next.js no-op route handler', nextNoop);
    const pgRate = await postgresSingleRowInserts(db.url, 'prj_bench');
    console.log(`${'3. PostgreSQL single-row INSERT'.padEnd(34)} ${fmt(pgRate).padStart(8)} rows/s (10 clients, autocommit)`);
    await admin.query(`DELETE FROM "Pageview"`);
    const ingest = await ingestThroughput(db.url, key);
    line('4. POST /ingest (1 page view each)', ingest);
    const stored = Number((await admin.query(`SELECT count(*) FROM "Pageview"`)).rows[0].count);
    const touches = Number((await admin.query(`SELECT count(*) FROM "Touch"`)).rows[0].count);
    const visitors = Number((await admin.query(`SELECT count(*) FROM "Visitor"`)).rows[0].count);
    console.log(`   stored: ${fmt(stored)} page views for ${fmt(ingest.ok)} accepted requests (${stored >= ingest.ok ? 'none lost; beacons still in flight when the clock stopped are stored too' : 'LOST SOME'}), ${fmt(visitors)} visitors, ${fmt(touches)} touches`);
    console.log('\nRatios');
    console.log(`  /ingest ÷ bare node:http       ${(ingest.rps / bare.rps).toFixed(2)}`);
    console.log(`  /ingest ÷ Next.js no-op route   ${(ingest.rps / nextNoop.rps).toFixed(1)}×`);
    console.log(`  /ingest ÷ PostgreSQL single-row ${(ingest.rps / pgRate).toFixed(2)}×`);
    const met = ingest.rps >= 10_000 && ingest.p99 < 50;
    console.log(`\nTarget ≥ 10,000 page views/s with p99 < 50 ms: ${met ? 'MET' : 'NOT MET'} (${fmt(ingest.rps)}/s, p99 ${ingest.p99} ms)`);
  } finally {
    await admin.end();
    await db.drop();
  }
}

await main();
