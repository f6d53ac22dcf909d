// npm run bench:webhooks — signed charge.succeeded events against the real webhook route (lean
// node:http front, signature check, durable inbox in PostgreSQL, in-process worker writing the
// ledger), sent from a second local process at 50 concurrent senders, unique events plus 20%
// redeliveries. Prints acked events/s, p99 latency, time from acknowledgement to processed, and the
// same run's ceilings (bare node:http, constructEvent/s, PostgreSQL single-row inserts/s) as ratios.
//
// Env: BENCH_EVENTS (unique events, default 10000), BENCH_CONNECTIONS (50), ZORI_TEST_PG_URL (admin URL
// of the PostgreSQL server; a fresh database is created and dropped).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const UNIQUE = Number(process.env.BENCH_EVENTS ?? 10_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECRET = `whsec_bench_${randomBytes(8).toString('hex')}`;
const root = path.resolve(import.meta.dirname, '..');

type LoadResult = { requests: { average: number; total: number }; latency: { p99: number; p50: number; average: number; max: number }; non2xx: number; errors: number; timeouts: number; duration: number };

async function load(url: string, file?: string): Promise<LoadResult> {
  const { stdout } = await run(process.execPath, [path.join(root, 'bench/webhooks-load.mjs'), url, file ?? '', String(CONNECTIONS)], { maxBuffer: 1 << 24 });
  return JSON.parse(stdout) as LoadResult;
}

async function listen(handler: http.RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) };
}

async function main() {
  process.env.ZORI_ENCRYPTION_KEY ??= randomBytes(32).toString('base64');
  process.env.ZORI_DB_POOL_SIZE ??= '24';
  process.env.ZORI_STRIPE_WORKER_CONCURRENCY ??= '12';
  const { createTestDatabase } = await import('@/lib/db/test-database');
  const db = await createTestDatabase('zori_bench_webhooks');
  process.env.DATABASE_URL = db.url;
  const { prisma, pool, disconnect } = await import('@/lib/db/client');
  const { seal } = await import('@/lib/crypto/secrets');
  const { stripeWebhooks } = await import('@/lib/stripe/client');
  const { inboxWorker } = await import('@/lib/stripe/inbox/worker');
  const { leanRoutes, findLeanRoute } = await import('@/server/lean-routes');
  const { stripeWebhookRoute } = await import('@/server/routes/stripe-webhook');
  leanRoutes.push(stripeWebhookRoute);

  try {
    const org = await prisma().organization.create({ data: { name: 'Bench' } });
    const project = await prisma().project.create({ data: { organizationId: org.id, name: 'Bench', nameKey: 'bench', publishableKey: `pk_bench_${randomBytes(6).toString('hex')}` } });
    await prisma().stripeConnection.create({ data: { projectId: project.id, kind: 'self_hosted', stripeAccountId: 'acct_bench', webhookSecrets: [seal(SECRET)] } });

    // Pre-signed requests: UNIQUE events plus 20% redeliveries of earlier ones, shuffled in.
    const fixture = JSON.parse(readFileSync(path.join(root, 'tests/fixtures/stripe/event.charge.succeeded.connect.json'), 'utf8'));
    delete fixture.account;
    const unique = Array.from({ length: UNIQUE }, (_, i) => {
      const id = `${i.toString(36)}${randomBytes(4).toString('hex')}`;
      const evt = { ...fixture, id: `evt_bench_${id}`, created: Math.floor(Date.now() / 1000), data: { object: { ...fixture.data.object, id: `ch_bench_${id}`, payment_intent: `pi_bench_${id}`, metadata: { zori_visitor_id: `zv_${id}` } } } };
      return JSON.stringify(evt);
    });
    const bodies: string[] = [];
    for (let i = 0; i < UNIQUE; i++) {
      bodies.push(unique[i]);
      if (i % 4 === 3) bodies.push(unique[Math.floor(Math.random() * (i + 1))]); // 1 redelivery per 4 unique = 20% of requests
    }
    const requests = bodies.map((body) => ({ body, signature: stripeWebhooks.generateTestHeaderString({ payload: body, secret: SECRET }) }));
    const file = path.join(tmpdir(), `zori-bench-webhooks-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(requests));
    const avgBytes = Math.round(bodies.reduce((n, b) => n + b.length, 0) / bodies.length);

    // Ceiling 1: bare node:http answering 200 at the same concurrency, from the same kind of process.
    const bare = await listen((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}'));
    });
    const bareResult = await load(bare.url);
    await bare.close();

    // Ceiling 2: constructEvent on one core, same payload size.
    const sample = requests[0];
    let verified = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 1000) {
      stripeWebhooks.constructEvent(sample.body, sample.signature, SECRET);
      verified++;
    }
    const constructPerSec = verified / ((performance.now() - t0) / 1000);

    // Ceiling 3: PostgreSQL single-row inserts (one statement, autocommit) at 50 concurrent clients.
    await pool().query('CREATE UNLOGGED TABLE IF NOT EXISTS bench_insert (id bigserial primary key, body jsonb)');
    await pool().query('DROP TABLE bench_insert');
    await pool().query('CREATE TABLE bench_insert (id bigserial primary key, k text unique, body jsonb)');
    let inserted = 0;
    const tInsert = performance.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async (_, c) => {
        let n = 0;
        while (performance.now() - tInsert < 3000) {
          await pool().query('INSERT INTO bench_insert (k, body) VALUES ($1, $2::jsonb) ON CONFLICT DO NOTHING', [`${c}-${n++}`, sample.body]);
          inserted++;
        }
      }),
    );
    const insertsPerSec = inserted / ((performance.now() - tInsert) / 1000);
    await pool().query('DROP TABLE bench_insert');

    // The run: the real route and worker.
    const worker = inboxWorker().start();
    const server = await listen((req, res) => {
      const url = new URL(req.url ?? '/', 'http://zori.local');
      const route = findLeanRoute(url.pathname);
      if (!route) return void res.writeHead(404).end();
      Promise.resolve(route.handle(req, res, url)).catch((err) => {
        console.error(err);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    const result = await load(`${server.url}/webhooks/stripe/${project.id}`, file);
    const ackedAt = Date.now();
    // Wait (up to 60 s) for every stored event to be processed.
    let pending = 1;
    while (pending > 0 && Date.now() - ackedAt < 60_000) {
      pending = Number((await pool().query(`SELECT count(*) FROM "StripeEvent" WHERE status <> 'processed'`)).rows[0].count);
      if (pending > 0) await new Promise((r) => setTimeout(r, 100));
    }
    await worker.stop();
    await server.close();
    const stats = (
      await pool().query(
        `SELECT count(*)::int AS events,
                max(extract(epoch FROM "processedAt" - "receivedAt")) * 1000 AS max_ms,
                percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM "processedAt" - "receivedAt")) * 1000 AS p99_ms,
                count(*) FILTER (WHERE status = 'processed')::int AS processed
           FROM "StripeEvent"`,
      )
    ).rows[0];
    const paymentCount = await prisma().payment.count();

    const acked = result.requests.total - result.non2xx;
    const ackedPerSec = acked / (result.duration || 1);
    const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
    console.log(`\nbench:webhooks  ${requests.length} signed charge.succeeded deliveries (${UNIQUE} unique + ${requests.length - UNIQUE} redeliveries), ~${avgBytes} B each, ${CONNECTIONS} concurrent senders (second process)`);
    console.log(`  acknowledged      ${fmt(ackedPerSec)} events/s  (${acked} × 2xx, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts, ${result.duration.toFixed(1)} s)`);
    console.log(`  latency           p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   max ${result.latency.max} ms`);
    console.log(`  time-to-processed p99 ${fmt(stats.p99_ms)} ms   max ${fmt(stats.max_ms)} ms   (${stats.processed}/${stats.events} stored events processed; ${paymentCount} payments)`);
    console.log('  ceilings of this run (ratio = webhook route / ceiling):');
    console.log(`    bare node:http             ${fmt(bareResult.requests.average)} req/s   p99 ${bareResult.latency.p99} ms   ratio ${(ackedPerSec / bareResult.requests.average).toFixed(2)}`);
    console.log(`    constructEvent (one core)  ${fmt(constructPerSec)} /s            ratio ${(ackedPerSec / constructPerSec).toFixed(3)}`);
    console.log(`    PostgreSQL 1-row inserts   ${fmt(insertsPerSec)} /s            ratio ${(ackedPerSec / insertsPerSec).toFixed(2)}`);
    const ok = ackedPerSec >= 1000 && result.latency.p99 < 100 && stats.max_ms <= 5000 && stats.processed === stats.events && paymentCount === UNIQUE;
    console.log(`  target (≥ 1,000/s, p99 < 100 ms, processed within 5 s, one payment per unique event): ${ok ? 'MET' : 'NOT MET'}\n`);
  } finally {
    await disconnect();
    await db.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
