// npm run seed:large -- --visitors N [--seed S] [--pageviews-per-visitor 20] [--touches-per-visitor 3] [--payments-per-visitor 0.2]
// Fills a new project in DATABASE_URL with a reproducible large dataset and prints how long it took.
import 'dotenv/config';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { rebuildDirtyCredits } from '@/lib/analytics/credits/rebuild';
import { buildRevenueRollup } from '@/lib/analytics/revenue-rollup/build';
import { buildVisitorRollup } from '@/lib/analytics/visitor-rollup/build';
import { refreshAttributionForProject } from '@/lib/attribution/status';
import { disconnect, pool, prisma } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { generateLargeDataset } from '@/lib/demo/large-dataset';
import { newPublishableKey } from '@/lib/tenancy/tokens';

const usage = 'usage: npm run seed:large -- --visitors N [--seed S] [--touches-per-visitor 3] [--pageviews-per-visitor 20] [--payments-per-visitor 0.2]';
const flags = z.object({
  visitors: z.coerce.number().int().min(1).max(10_000_000),
  seed: z.coerce.number().int().min(0).default(1),
  'touches-per-visitor': z.coerce.number().int().min(1).max(20).default(3),
  'pageviews-per-visitor': z.coerce.number().min(0).max(200).default(20),
  'payments-per-visitor': z.coerce.number().min(0).max(5).default(0.2),
});

async function main() {
  let opts: z.infer<typeof flags>;
  try {
    const { values } = parseArgs({
      options: Object.fromEntries(Object.keys(flags.shape).map((k) => [k, { type: 'string' as const }])),
      strict: true,
    });
    opts = flags.parse(values);
  } catch (err) {
    console.error(err instanceof z.ZodError ? `${err.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n${usage}` : `${(err as Error).message}\n${usage}`);
    process.exit(2);
  }
  if (!process.env.DATABASE_URL) {
    console.error('DATABASE_URL must point at the PostgreSQL to fill (e.g. postgresql://postgres@127.0.0.1:5432/zori_bench)');
    process.exit(2);
  }
  await applyMigrations(process.env.DATABASE_URL);
  const started = Date.now();
  const name = `Large ${opts.visitors} seed ${opts.seed} ${Date.now().toString(36)}`;
  const org = await prisma().organization.create({ data: { name: `Benchmark ${opts.seed}` } });
  const project = await prisma().project.create({
    data: { organizationId: org.id, name, nameKey: name.toLowerCase(), publishableKey: newPublishableKey(), timeZone: 'Europe/Berlin' },
  });
  console.log(`[seed:large] project ${project.id}: ${opts.visitors} visitors, seed ${opts.seed}`);
  const client = await pool().connect();
  try {
    await generateLargeDataset(client, {
      projectId: project.id,
      visitors: opts.visitors,
      touchesPerVisitor: opts['touches-per-visitor'],
      pageviewsPerVisitor: opts['pageviews-per-visitor'],
      paymentsPerVisitor: opts['payments-per-visitor'],
      seed: opts.seed,
      end: new Date(),
      log: (m) => console.log(m),
    });
  } finally {
    client.release();
  }
  const t0 = Date.now();
  await refreshAttributionForProject(project.id);
  console.log(`  attribution status: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const t2 = Date.now();
  await rebuildDirtyCredits(project.id);
  console.log(`  revenue credits (rollup): ${((Date.now() - t2) / 1000).toFixed(1)} s`);
  const t3 = Date.now();
  await buildVisitorRollup(project.id);
  console.log(`  unique visitors (rollup): ${((Date.now() - t3) / 1000).toFixed(1)} s`);
  const t4 = Date.now();
  await buildRevenueRollup(project.id);
  console.log(`  daily revenue (rollup): ${((Date.now() - t4) / 1000).toFixed(1)} s`);
  // Real ingest appends touches and payments in time order; the generator writes them per visitor.
  // Rewriting both tables in time order gives them the physical layout production data has.
  const t1 = Date.now();
  await pool().query('CLUSTER "Touch" USING "Touch_projectId_occurredAt_idx"');
  await pool().query('CLUSTER "Payment" USING "Payment_projectId_livemode_paidAt_idx"');
  console.log(`  time-ordered layout (CLUSTER): ${((Date.now() - t1) / 1000).toFixed(1)} s`);
  await pool().query('VACUUM ANALYZE "Visitor"');
  await pool().query('VACUUM ANALYZE "Touch"');
  await pool().query('VACUUM ANALYZE "Pageview"');
  await pool().query('VACUUM ANALYZE "Payment"');
  await pool().query('VACUUM ANALYZE "RevenueCredit"');
  await pool().query('VACUUM ANALYZE "VisitorDayCount"');
  await pool().query('VACUUM ANALYZE "RevenueDay"');
  const { rows } = await pool().query(
    `SELECT (SELECT count(*) FROM "Visitor" WHERE "projectId"=$1) visitors, (SELECT count(*) FROM "Touch" WHERE "projectId"=$1) touches,
            (SELECT count(*) FROM "Pageview" WHERE "projectId"=$1) pageviews, (SELECT count(*) FROM "Payment" WHERE "projectId"=$1) payments`,
    [project.id],
  );
  console.log(`[seed:large] rows: ${JSON.stringify(rows[0])}`);
  console.log(`[seed:large] seeded in ${((Date.now() - started) / 1000).toFixed(1)} s; project id ${project.id}`);
  console.log(JSON.stringify({ projectId: project.id, seconds: (Date.now() - started) / 1000, rows: rows[0] }));
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => disconnect());
