// npm run bench:pages -- [--iterations 30] [--database-url URL]
// Server time per page of the built app (run `npm run build` first), signed in, at demo size: starts
// Zori on a free loopback port with ZORI_DEMO=1 on a fresh database (or --database-url), opens a
// session for the demo owner, then requests each page in turn and times the whole response (status,
// headers and the streamed body: what the server spends on the page). Prints p50/p95 per page and, as
// the same run's ceiling, the ratio to a page that renders the same shell without reading data.
import 'dotenv/config';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '@/lib/db/test-database';

const flags = z.object({
  iterations: z.coerce.number().int().min(3).max(1000).default(30),
  'database-url': z.string().url().optional(),
  target: z.coerce.number().positive().default(300),
});

const ROOT = path.join(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One GET, timed from the request to the last byte of the body. */
function get(port: number, pathname: string, cookie?: string): Promise<{ status: number; ms: number; body: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get({ host: '127.0.0.1', port, path: pathname, agent, headers: { ...(cookie ? { cookie } : {}), accept: 'text/html' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

async function waitForHealth(port: number, deadline: number) {
  while (Date.now() < deadline) {
    try {
      if ((await get(port, '/api/health')).status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('Zori did not answer /api/health in time');
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
  const { values } = parseArgs({ options: Object.fromEntries(Object.keys(flags.shape).map((k) => [k, { type: 'string' as const }])) });
  const o = flags.parse(values);
  let fresh: TestDatabase | null = null;
  const databaseUrl = o['database-url'] ?? (fresh = await createTestDatabase('zori_bench_pages')).url;
  const port = await freePort();

  const server = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/index.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      ZORI_DEMO: '1',
      NEXTAUTH_URL: `http://localhost:${port}`,
      ZORI_PUBLIC_URL: `http://localhost:${port}`,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'bench-pages-nextauth-secret-0123456789',
      ZORI_ENCRYPTION_KEY: process.env.ZORI_ENCRYPTION_KEY ?? randomBytes(32).toString('base64'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await fresh?.drop();
  };

  try {
    await waitForHealth(port, Date.now() + 120_000);
    // A database session for the demo owner, as next-auth would create after the magic link.
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const token = randomBytes(32).toString('hex');
    const { rows } = await db.query<{ userId: string; orgId: string; projectId: string }>(
      `SELECT u.id "userId", p."organizationId" "orgId", p.id "projectId"
         FROM "User" u JOIN "Membership" m ON m."userId" = u.id JOIN "Project" p ON p."organizationId" = m."organizationId"
        WHERE u.email = 'demo@zori.local' AND p.id = 'demo-shop'`,
    );
    if (!rows[0]) throw new Error('The demo project is missing (ZORI_DEMO=1 should have seeded it)');
    const { userId, orgId, projectId } = rows[0];
    await db.query(`INSERT INTO "Session" (id, "sessionToken", "userId", expires) VALUES ($1, $2, $3, now() + interval '1 day')`, [
      `bench-${token.slice(0, 12)}`,
      token,
      userId,
    ]);
    const sizes = (
      await db.query(
        `SELECT (SELECT count(*) FROM "Visitor" WHERE "projectId"=$1) visitors, (SELECT count(*) FROM "Touch" WHERE "projectId"=$1) touches,
                (SELECT count(*) FROM "Payment" WHERE "projectId"=$1) payments`,
        [projectId],
      )
    ).rows[0];
    await db.end();
    const cookie = `next-auth.session-token=${token}`;

    const p = `/projects/${projectId}`;
    const pages: [string, string][] = [
      ['ceiling: check-email (shell, no data)', '/signin/check-email'],
      ['sign-in (signed out)', '/signin'],
      ['organization projects', `/orgs/${orgId}`],
      ['organization members', `/orgs/${orgId}/members`],
      ['organization settings', `/orgs/${orgId}/settings`],
      ['dashboard (default: 30 days)', p],
      ['dashboard 90 days', `${p}?period=90d`],
      ['dashboard all time, linear', `${p}?period=all&model=linear`],
      ['dashboard 90 days, channel filter', `${p}?period=90d&channel=Paid+Search`],
      ['payments', `${p}/payments?period=90d`],
      ['payments unattributed', `${p}/payments?period=90d&status=unattributed`],
      ['diagnostics', `${p}/diagnostics`],
      ['project settings', `${p}/settings`],
      ['integrations', `${p}/settings/integrations`],
    ];
    console.log(`demo project ${JSON.stringify(sizes)}; ${o.iterations} timed requests per page after 2 warm-ups, one at a time, keep-alive`);
    const results: { name: string; p50: number; p95: number }[] = [];
    for (const [name, url] of pages) {
      // The sign-in page sends a signed-in visitor on: it is timed signed out.
      const as = url === '/signin' ? undefined : cookie;
      const warm = await get(port, url, as);
      if (warm.status !== 200) throw new Error(`${url} answered ${warm.status}`);
      if (as && url !== '/signin/check-email' && warm.body.includes('Sign in to Zori')) throw new Error(`${url}: not signed in`);
      await get(port, url, as);
      const ms: number[] = [];
      for (let i = 0; i < o.iterations; i++) ms.push((await get(port, url, as)).ms);
      ms.sort((a, b) => a - b);
      results.push({ name, p50: percentile(ms, 50), p95: percentile(ms, 95) });
    }
    const ceiling = results[0];
    console.log(`${'page'.padEnd(40)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}  ${'p50 / ceiling'.padStart(13)}`);
    for (const r of results) {
      console.log(`${r.name.padEnd(40)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)}  ${(r.p50 / ceiling.p50).toFixed(2).padStart(12)}x`);
    }
    const slow = results.filter((r) => r.p95 > o.target);
    console.log(slow.length ? `over ${o.target} ms p95: ${slow.map((r) => r.name).join(', ')}` : `every page under ${o.target} ms p95`);
  } finally {
    agent.destroy();
    await stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
