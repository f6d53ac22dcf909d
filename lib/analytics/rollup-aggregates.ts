import type { ProjectScope } from '@/lib/authz';
import type { Filter } from '@/lib/zod/analytics';
import type { Aggregate, RevenueAggregates } from './aggregate';
import { isFiltered, type RevenueQuery } from './attributed-revenue';
import { revenueAggregatesFromDays } from './revenue-rollup/query';
import { analyticsQuery, utcBounds } from './sql';
import { NONE, TOUCH_COLUMNS, TOUCH_DIMENSIONS, type TouchDimension } from './touch-columns';

// The revenue aggregates of a period computed by PostgreSQL. Unfiltered views with the daily
// rollup built read it (revenue-rollup/query.ts); the rest aggregate the credit rows: one
// grouping-sets pass for totals and every dimension, one for buckets by channel, one for payments
// waiting for a conversion. Both are checked against aggregateRevenue over the raw rows.

/** GROUPING() of the six dimension columns for each grouping set (a bit is 1 where not grouped). */
const ALL_BITS = (1 << TOUCH_DIMENSIONS.length) - 1;
const groupingBits = (d: TouchDimension) => ALL_BITS & ~(1 << (TOUCH_DIMENSIONS.length - 1 - TOUCH_DIMENSIONS.indexOf(d)));

function whereSql(filter: Filter | undefined, params: unknown[]): string {
  let sql = `c."projectId" = $1 AND c.livemode = $2 AND c.model = $3::"AttributionModel" AND c."occurredAt" >= $4::timestamp AND c."occurredAt" < $5::timestamp`;
  if (!isFiltered(filter)) return sql;
  sql += ` AND c."touchId" IS NOT NULL`;
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (value === undefined || value === '') continue;
    params.push(value);
    sql += ` AND COALESCE(c.${TOUCH_COLUMNS[key as TouchDimension]}, '${NONE}') = $${params.length}`;
  }
  return sql;
}

type GroupRow = { g: number; revenue: string; refunded: string; payments: string; customers: string; newRevenue: string } & Record<TouchDimension, string | null>;

/** A period's revenue aggregates: from the daily rollup when it covers the (unfiltered) view, else from the credit rows. */
export async function loadRevenueAggregates(scope: ProjectScope, q: RevenueQuery): Promise<RevenueAggregates> {
  return (await revenueAggregatesFromDays(scope, q)) ?? aggregatesFromCredits(scope, q);
}

/** The aggregates computed from the period's credit rows (any filter, any range). */
export async function aggregatesFromCredits(scope: ProjectScope, q: RevenueQuery): Promise<RevenueAggregates> {
  const { project } = scope;
  const bounds = await utcBounds(q.range, project.timeZone);
  const params: unknown[] = [project.id, q.mode === 'live', q.model, bounds.start, bounds.end];
  const where = whereSql(q.filter, params);
  const dims = TOUCH_DIMENSIONS.map(
    (d) => `CASE WHEN c."touchId" IS NULL THEN NULL ELSE COALESCE(c.${TOUCH_COLUMNS[d]}, '${NONE}') END AS ${d}`,
  ).join(', ');
  const n = params.length;
  const [groups, buckets, unconverted] = await Promise.all([
    analyticsQuery<GroupRow>(
      `SELECT GROUPING(${TOUCH_DIMENSIONS.join(', ')}) AS g, ${TOUCH_DIMENSIONS.join(', ')},
         sum(revenue)::text AS revenue, sum(refunded)::text AS refunded,
         count(DISTINCT "paymentId") FILTER (WHERE kind = 'payment') AS payments,
         count(DISTINCT "customerKey") FILTER (WHERE kind = 'payment') AS customers,
         COALESCE(sum(revenue) FILTER (WHERE NOT "returning"), 0)::text AS "newRevenue"
       FROM (SELECT c."paymentId", c.kind, c."customerKey", c."returning", c.revenue, c.refunded, ${dims}
             FROM "RevenueCredit" c WHERE ${where} AND c.revenue IS NOT NULL) x
       GROUP BY GROUPING SETS ((), ${TOUCH_DIMENSIONS.map((d) => `(${d})`).join(', ')})`,
      params,
    ),
    analyticsQuery<{ bucket: string; channel: string | null; revenue: string; refunded: string }>(
      `SELECT to_char(date_trunc($${n + 2}, (c."occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE $${n + 1}), 'YYYY-MM-DD') AS bucket, c.channel,
         sum(c.revenue)::text AS revenue, sum(c.refunded)::text AS refunded
       FROM "RevenueCredit" c WHERE ${where} AND c.revenue IS NOT NULL GROUP BY 1, 2`,
      [...params, project.timeZone, q.interval ?? 'day'],
    ),
    // Payments waiting for a conversion have no touch to filter by: they are shown whatever the filter.
    analyticsQuery<{ currency: string; amount: string; payments: string }>(
      `SELECT c.currency, sum(c.amount)::text AS amount, count(*)::text AS payments
       FROM "RevenueCredit" c WHERE ${whereSql(undefined, [])} AND c.revenue IS NULL GROUP BY 1 ORDER BY 1`,
      params.slice(0, 5),
    ),
  ]);

  const out: RevenueAggregates = {
    currency: project.reportingCurrency,
    totals: { revenue: 0, refunded: 0, payments: 0, customers: 0, newRevenue: 0 },
    unattributed: { revenue: 0, refunded: 0, payments: 0, customers: 0 },
    by: Object.fromEntries(TOUCH_DIMENSIONS.map((d) => [d, new Map<string, Aggregate>()])) as RevenueAggregates['by'],
    buckets: new Map(),
    unconverted: unconverted.map((u) => ({ currency: u.currency, amount: Number(u.amount), payments: Number(u.payments) })),
  };
  for (const r of groups) {
    const sums = { revenue: Number(r.revenue), refunded: Number(r.refunded), payments: Number(r.payments), customers: Number(r.customers) };
    if (r.g === ALL_BITS) {
      out.totals = { ...sums, newRevenue: Number(r.newRevenue) };
      continue;
    }
    const d = TOUCH_DIMENSIONS.find((dim) => groupingBits(dim) === r.g)!;
    const value = r[d];
    if (value === null) {
      if (d === 'channel' && !isFiltered(q.filter)) out.unattributed = sums; // no touch: unattributed
      continue;
    }
    out.by[d].set(value, { ...sums, net: sums.revenue - sums.refunded });
  }
  for (const b of buckets) {
    const m = out.buckets.get(b.bucket) ?? out.buckets.set(b.bucket, new Map()).get(b.bucket)!;
    m.set(b.channel, { revenue: Number(b.revenue), refunded: Number(b.refunded) });
  }
  return out;
}
