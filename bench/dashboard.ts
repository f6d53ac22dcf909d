// npm run bench:dashboard -- [--project ID] [--iterations 15] [--periods 30d,90d,365d,all]
// Times the analytics functions the API endpoints and the dashboard page call (same code path as the
// route handlers, minus HTTP) on the largest project in DATABASE_URL, warm (one untimed run first),
// and prints p50/p95 in ms per endpoint, model and period.
import 'dotenv/config';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { MODEL_IDS, type ModelId } from '@/lib/attribution/models';
import { authorizeProject, systemActor } from '@/lib/authz';
import { disconnect, pool } from '@/lib/db/client';
import {
  addDays,
  dashboardView,
  headlineFigures,
  listPayments,
  revenueBreakdown,
  revenueByChannel,
  revenueTimeseries,
  todayIn,
  type DateRange,
} from '@/lib/analytics';

const flags = z.object({
  project: z.string().optional(),
  iterations: z.coerce.number().int().min(1).max(1000).default(15),
  periods: z.string().default('30d,90d,365d,all'),
  models: z.string().default(MODEL_IDS.join(',')),
});

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  const { values } = parseArgs({ options: Object.fromEntries(Object.keys(flags.shape).map((k) => [k, { type: 'string' as const }])) });
  const o = flags.parse(values);
  const projectId =
    o.project ??
    (await pool().query<{ projectId: string }>(`SELECT "projectId" FROM "Payment" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).rows[0]?.projectId;
  if (!projectId) throw new Error('No project with payments: run `npm run seed:large -- --visitors N` first');
  const scope = await authorizeProject(systemActor, projectId, 'read');
  const { rows: sizes } = await pool().query(
    `SELECT (SELECT count(*) FROM "Visitor" WHERE "projectId"=$1) visitors, (SELECT count(*) FROM "Touch" WHERE "projectId"=$1) touches,
            (SELECT count(*) FROM "Pageview" WHERE "projectId"=$1) pageviews, (SELECT count(*) FROM "Payment" WHERE "projectId"=$1) payments`,
    [projectId],
  );
  console.log(`project ${projectId} rows ${JSON.stringify(sizes[0])}, ${o.iterations} timed runs each (after 1 warm-up)`);
  const today = todayIn(scope.project.timeZone);
  const ranges: Record<string, DateRange> = { '30d': { from: addDays(today, -29), to: today }, '90d': { from: addDays(today, -89), to: today }, '365d': { from: addDays(today, -364), to: today }, all: { from: addDays(today, -735), to: today } };
  const periods = o.periods.split(',').filter((p) => p in ranges);
  const models = o.models.split(',').filter((m): m is ModelId => (MODEL_IDS as readonly string[]).includes(m));

  const results: { name: string; p50: number; p95: number }[] = [];
  const time = async (name: string, run: () => Promise<unknown>) => {
    await run();
    const ms: number[] = [];
    for (let i = 0; i < o.iterations; i++) {
      const t0 = performance.now();
      await run();
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    const r = { name, p50: percentile(ms, 50), p95: percentile(ms, 95) };
    results.push(r);
    console.log(`${name.padEnd(58)} p50 ${r.p50.toFixed(1).padStart(8)} ms   p95 ${r.p95.toFixed(1).padStart(8)} ms`);
  };

  for (const period of periods) {
    const range = ranges[period];
    for (const model of models) {
      const q = { range, model, mode: 'live' as const };
      await time(`dashboard page view ${period} ${model}`, () => dashboardView(scope, { ...q, interval: period === '30d' ? 'day' : 'week', compare: true }));
      await time(`GET revenue/channels ${period} ${model}`, () => revenueByChannel(scope, q));
      await time(`GET revenue/breakdown?dimension=source ${period} ${model}`, () => revenueBreakdown(scope, { ...q, dimension: 'source', limit: 100 }));
      await time(`GET revenue/timeseries?interval=day ${period} ${model}`, () => revenueTimeseries(scope, { ...q, interval: 'day' }));
      if (model === 'first_touch') await time(`headline figures (with previous period) ${period}`, () => headlineFigures(scope, { ...q, compare: true }));
      // A clicked row narrows the page: filtered views aggregate the credit rows and count raw touches.
      if (model === 'first_touch')
        await time(`dashboard page view ${period} ${model} channel=Organic Search`, () =>
          dashboardView(scope, { ...q, filter: { channel: 'Organic Search' }, interval: period === '30d' ? 'day' : 'week', compare: true }),
        );
    }
    await time(`GET payments?limit=50 ${period}`, () => listPayments(scope, { range, mode: 'live', status: 'all', limit: 50 }));
    await time(`GET payments?status=unattributed&limit=50 ${period}`, () => listPayments(scope, { range, mode: 'live', status: 'unattributed', limit: 50 }));
  }
  const slowest = results.reduce((a, b) => (b.p95 > a.p95 ? b : a));
  console.log(`slowest: ${slowest.name} p95 ${slowest.p95.toFixed(1)} ms`);
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => disconnect());
