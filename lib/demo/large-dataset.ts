import type pg from 'pg';

// Generates a large, reproducible project inside PostgreSQL (INSERT … SELECT over generate_series,
// random() seeded per chunk with setseed), so millions of rows never travel through Node.
// Shapes follow the issue's target: per visitor ~3 touches, ~20 pageviews and 0.2 payments, over
// the two years before `end`.

export type LargeDatasetOptions = {
  projectId: string;
  visitors: number;
  touchesPerVisitor: number; // average; each visitor gets 1..(2·avg−1)
  pageviewsPerVisitor: number;
  paymentsPerVisitor: number;
  seed: number;
  end: Date;
  chunk?: number;
  log?: (msg: string) => void;
};

const CHANNELS = `(ARRAY['Organic Search','Organic Search','Organic Search','Direct','Direct','Paid Search','Paid Social','Organic Social','Email','Referral','Affiliates','Display'])`;
const SOURCES: Record<string, string> = {
  'Organic Search': `(ARRAY['google','bing','duckduckgo'])[1 + floor(random()*3)::int]`,
  'Paid Search': `(ARRAY['google','bing'])[1 + floor(random()*2)::int]`,
  'Paid Social': `(ARRAY['facebook','instagram','linkedin'])[1 + floor(random()*3)::int]`,
  'Organic Social': `(ARRAY['twitter.com','reddit.com','news.ycombinator.com'])[1 + floor(random()*3)::int]`,
  Email: `'newsletter'`,
  Referral: `(ARRAY['producthunt.com','blog.example.org','partner.io'])[1 + floor(random()*3)::int]`,
  Affiliates: `'affiliate-network'`,
  Display: `'adnetwork'`,
};
const sourceCase = `CASE c.channel ${Object.entries(SOURCES)
  .map(([k, v]) => `WHEN '${k}' THEN ${v}`)
  .join(' ')} END`;

/** Visitor number v's first visit: a deterministic instant spread over the two years before $end. */
const FIRST_SEEN = `($end::timestamp - interval '730 days' + ((v::bigint * 2654435761) % 63072000) * interval '1 second')`;

export async function generateLargeDataset(client: pg.PoolClient, o: LargeDatasetOptions): Promise<Record<string, number>> {
  const chunk = o.chunk ?? 100_000;
  const log = o.log ?? (() => {});
  const end = o.end.toISOString().replace('Z', '');
  const bind = (sql: string) => sql.replaceAll('$end', `'${end}'`);
  await client.query('SET max_parallel_workers_per_gather = 0'); // one worker: random() order is reproducible
  const timings: Record<string, number> = {};
  const step = async (name: string, run: (from: number, to: number, i: number) => string) => {
    const t0 = Date.now();
    for (let from = 1, i = 0; from <= o.visitors; from += chunk, i++) {
      const to = Math.min(o.visitors, from + chunk - 1);
      await client.query(`SELECT setseed($1)`, [((o.seed * 7919 + i * 104729 + name.length) % 2_000_000) / 2_000_000 - 0.999]);
      await client.query(bind(run(from, to, i)), [o.projectId]);
    }
    timings[name] = Date.now() - t0;
    log(`  ${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };

  await step('visitors', (from, to) => `
    INSERT INTO "Visitor" ("projectId", "visitorId", "firstSeenAt", "lastSeenAt")
    SELECT $1, 'v' || v, ${FIRST_SEEN}, ${FIRST_SEEN} + interval '20 days' FROM generate_series(${from}, ${to}) v`);

  const maxTouches = Math.max(1, 2 * o.touchesPerVisitor - 1);
  await step('touches', (from, to) => `
    INSERT INTO "Touch" ("projectId", "visitorId", "sessionId", "occurredAt", channel, source, medium, campaign, "referrerDomain", "landingPath")
    SELECT $1, 'v' || v, 's' || v || '-' || k,
      ${FIRST_SEEN} + CASE WHEN k = 1 THEN interval '0' ELSE random() * interval '20 days' END,
      c.channel, ${sourceCase},
      CASE c.channel WHEN 'Paid Search' THEN 'cpc' WHEN 'Paid Social' THEN 'paid_social' WHEN 'Email' THEN 'email' WHEN 'Organic Search' THEN 'organic' WHEN 'Referral' THEN 'referral' ELSE NULL END,
      CASE WHEN c.channel IN ('Paid Search','Paid Social','Email','Display') THEN (ARRAY['spring_sale','brand','retargeting','launch'])[1 + floor(random()*4)::int] END,
      CASE WHEN c.channel IN ('Referral','Organic Social','Organic Search') THEN 'ref-' || c.channel END,
      (ARRAY['/','/pricing','/blog/attribution','/features','/docs','/signup'])[1 + floor(random()*6)::int]
    FROM generate_series(${from}, ${to}) v
    CROSS JOIN LATERAL generate_series(1, 1 + ((v::bigint * 7919) % ${maxTouches})::int) k
    CROSS JOIN LATERAL (SELECT ${CHANNELS}[1 + floor(random()*12)::int + (k*0)] AS channel) c`);

  if (o.pageviewsPerVisitor > 0)
    await step('pageviews', (from, to) => `
      INSERT INTO "Pageview" ("projectId", "visitorId", "sessionId", "occurredAt", path)
      SELECT $1, 'v' || v, 's' || v || '-1', ${FIRST_SEEN} + random() * interval '20 days',
        (ARRAY['/','/pricing','/blog/attribution','/features','/docs','/signup'])[1 + floor(random()*6)::int]
      FROM generate_series(${from}, ${to}) v CROSS JOIN generate_series(1, ${Math.round(o.pageviewsPerVisitor)}) k`);

  // Payments: a fraction of visitors pay (some twice); some have no visitor id or an unknown one.
  await step('payments', (from, to, i) => `
    INSERT INTO "Payment" (id, "projectId", livemode, "stripeAccount", "paymentKey", "paymentIntentId", "customerId", kind, amount, currency,
      "reportingAmount", "reportingCurrency", "fxSource", "amountRefunded", "paidAt", "visitorId", "visitorIdSource", "attributionStatus", "updatedAt")
    SELECT 'pay_' || ${i} || '_' || n, $1, r.live, 'acct_large', 'pi_' || ${i} || '_' || n, 'pi_' || ${i} || '_' || n, 'cus_' || r.v,
      'one_time', r.amount, r.currency,
      CASE WHEN r.currency = 'usd' THEN r.amount WHEN r.unconverted THEN NULL ELSE round(r.amount * 1.08)::bigint END, 'usd',
      CASE WHEN r.currency = 'usd' THEN 'same_currency' WHEN r.unconverted THEN NULL ELSE 'rate_table' END,
      CASE WHEN r.refund THEN r.amount / 2 ELSE 0 END,
      ${FIRST_SEEN.replaceAll('v::bigint', 'r.v::bigint')} + r.delay, 
      CASE WHEN r.kind < 0.08 THEN NULL WHEN r.kind < 0.12 THEN 'ghost' || r.v ELSE 'v' || r.v END,
      'charge_metadata', 'no_visitor_id', now()
    FROM generate_series(1, ${Math.round((to - from + 1) * o.paymentsPerVisitor)}) n
    CROSS JOIN LATERAL (SELECT ${from} + floor(random() * ${to - from + 1})::int AS v, random() < 0.97 AS live,
      (ARRAY[900, 1900, 2900, 4900, 9900, 19900])[1 + floor(random()*6)::int]::bigint + n % 7 AS amount,
      CASE WHEN random() < 0.9 THEN 'usd' ELSE 'eur' END AS currency, random() < 0.01 AS unconverted,
      random() < 0.05 AS refund, random() AS kind, random() * interval '25 days' AS delay) r
    WHERE ${FIRST_SEEN.replaceAll('v::bigint', 'r.v::bigint')} + r.delay <= $end::timestamp`);
  return timings;
}
