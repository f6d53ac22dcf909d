import type { ProjectScope } from '@/lib/authz';
import { type Aggregate, addToBucket, type RevenueAggregates } from '../aggregate';
import { type OneValue, type RevenueQuery, singleFilter } from '../attributed-revenue';
import { coveredThrough } from '../day-rollups/engine';
import { addDays, daysBetween, localBucket } from '../period';
import { analyticsQuery, utcBounds } from '../sql';
import { NONE, TOUCH_DIMENSIONS, type TouchDimension } from '../touch-columns';
import { dimensionValues } from './dimensions';

// Revenue aggregates of a view (unfiltered, or within one filter value) from the daily rollup:
// the covered days' rows summed, paying customers counted on their first day with each value in
// the range (previousDay before it), and the few days the rollup does not cover yet (today, days
// a re-attribution made stale) from their credit rows, each customer checked against their
// earlier payments in the range.

/** Beyond this many uncovered days the caller aggregates the credit rows instead. */
const MAX_TAIL_DAYS = 3;

type Figures = { revenue: number; refunded: number; newRevenue: number; payments: number; customers: number };
const zero = (): Figures => ({ revenue: 0, refunded: 0, newRevenue: 0, payments: 0, customers: 0 });

/** Null when the filter has more than one value or the rollup does not cover enough of the range. */
export async function revenueAggregatesFromDays(scope: ProjectScope, q: RevenueQuery): Promise<RevenueAggregates | null> {
  const only = singleFilter(q.filter);
  if (only === undefined) return null;
  const range = q.range;
  const covered = await coveredThrough('revenue', scope.projectId);
  const rollupTo = covered && covered >= range.from ? (covered < range.to ? covered : range.to) : null;
  const tailFrom = rollupTo ? addDays(rollupTo, 1) : range.from;
  if (tailFrom <= range.to && daysBetween(tailFrom, range.to) + 1 > MAX_TAIL_DAYS) return null;

  const figures = new Map<string, Figures>(); // `${dimension}\0${value}`
  const buckets: RevenueAggregates['buckets'] = new Map();
  const addBucket = (bucket: string, channel: string | null, revenue: number, refunded: number) => addToBucket(buckets, bucket, channel, revenue, refunded);
  const figure = (dimension: string, value: string) => {
    const key = `${dimension}\u0000${value}`;
    return figures.get(key) ?? figures.set(key, zero()).get(key)!;
  };

  const [days, dayBuckets, tail] = await Promise.all([
    rollupTo ? rollupFigures(scope, q, rollupTo, only) : [],
    rollupTo ? rollupBuckets(scope, q, rollupTo, only) : [],
    tailFrom <= range.to ? tailRows(scope, q, tailFrom, only) : null,
  ]);
  for (const d of days) {
    const f = figure(d.dimension, d.value);
    f.revenue += Number(d.revenue);
    f.refunded += Number(d.refunded);
    f.newRevenue += Number(d.newRevenue);
    f.payments += Number(d.payments);
    f.customers += Number(d.customers);
  }
  for (const b of dayBuckets) addBucket(b.bucket, b.dimension === 'unattributed' ? null : b.value, Number(b.revenue), Number(b.refunded));
  if (tail) addTail(tail, figure, addBucket, scope.project.timeZone, q.interval ?? 'day');

  const sums = (f: Figures | undefined) => ({ revenue: f?.revenue ?? 0, refunded: f?.refunded ?? 0, payments: f?.payments ?? 0, customers: f?.customers ?? 0 });
  const by = Object.fromEntries(TOUCH_DIMENSIONS.map((d) => [d, new Map<string, Aggregate>()])) as RevenueAggregates['by'];
  const unconverted: RevenueAggregates['unconverted'] = [];
  for (const [key, f] of figures) {
    const [dimension, value] = key.split('\u0000');
    if (dimension === 'unconverted') unconverted.push({ currency: value, amount: f.revenue, payments: f.payments });
    else if (dimension in by) by[dimension as TouchDimension].set(value, { ...sums(f), net: f.revenue - f.refunded });
  }
  const all = figures.get('all\u0000');
  return {
    currency: scope.project.reportingCurrency,
    totals: { ...sums(all), newRevenue: all?.newRevenue ?? 0 },
    unattributed: sums(figures.get('unattributed\u0000')),
    by,
    buckets,
    unconverted: unconverted.sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

type DayRow = { dimension: string; value: string; revenue: string; refunded: string; newRevenue: string; payments: string; customers: string };

/**
 * The covered days' figures as unfiltered (dimension, value) pairs. Within X = v: the unfiltered
 * figures of v are the view's totals (and its only X value), each other dimension has its own
 * rows, and payments waiting for a conversion are shown whatever the filter.
 */
async function rollupFigures(scope: ProjectScope, q: RevenueQuery, to: string, only: OneValue | null): Promise<DayRow[]> {
  const which = only
    ? `(("filterDimension" = '' AND ((dimension = $6 AND value = $7) OR dimension = 'unconverted')) OR ("filterDimension" = $6 AND "filterValue" = $7))`
    : `"filterDimension" = ''`;
  const rows = await analyticsQuery<DayRow & { filtered: boolean }>(
    `SELECT "filterDimension" <> '' AS filtered, dimension, value, sum(revenue)::text AS revenue, sum(refunded)::text AS refunded, sum("newRevenue")::text AS "newRevenue",
       sum(payments)::text AS payments, (COALESCE(sum(customers) FILTER (WHERE "previousDay" < $4::date), 0))::text AS customers
     FROM "RevenueDay" WHERE "projectId" = $1 AND livemode = $2 AND model = $3::"AttributionModel" AND day >= $4::date AND day <= $5::date AND ${which}
     GROUP BY 1, 2, 3`,
    [scope.projectId, q.mode === 'live', q.model, q.range.from, to, ...(only ? [only.dimension, only.value] : [])],
  );
  if (!only) return rows;
  return rows.flatMap((r) => (r.filtered || r.dimension === 'unconverted' ? [r] : [{ ...r, dimension: 'all', value: '' }, r]));
}

function rollupBuckets(scope: ProjectScope, q: RevenueQuery, to: string, only: OneValue | null) {
  // Revenue by channel: unfiltered, within a channel (its own row), or within another filter.
  const which = !only
    ? `"filterDimension" = '' AND dimension IN ('channel', 'unattributed')`
    : only.dimension === 'channel'
      ? `"filterDimension" = '' AND dimension = 'channel' AND value = $7`
      : `"filterDimension" = $8 AND "filterValue" = $7 AND dimension = 'channel'`;
  return analyticsQuery<{ bucket: string; dimension: string; value: string; revenue: string; refunded: string }>(
    `SELECT to_char(date_trunc($6, day), 'YYYY-MM-DD') AS bucket, dimension, value, sum(revenue)::text AS revenue, sum(refunded)::text AS refunded
     FROM "RevenueDay" WHERE "projectId" = $1 AND livemode = $2 AND model = $3::"AttributionModel" AND day >= $4::date AND day <= $5::date
       AND ${which}
     GROUP BY 1, 2, 3`,
    [scope.projectId, q.mode === 'live', q.model, q.range.from, to, q.interval ?? 'day', ...(!only ? [] : only.dimension === 'channel' ? [only.value] : [only.value, only.dimension])],
  );
}

type CreditRow = {
  paymentId: string;
  kind: 'payment' | 'refund';
  occurredAt: Date;
  customerKey: string;
  returning: boolean;
  revenue: string | null;
  refunded: string;
  currency: string;
  amount: string;
  attributed: boolean;
} & Record<TouchDimension, string | null>;

const CREDIT_COLUMNS = `c."paymentId", c.kind, c."occurredAt", c."customerKey", c."returning", c.revenue::text, c.refunded::text, c.currency, c.amount::text,
  c."touchId" IS NOT NULL AS attributed, c.channel, c.source, c.medium, c.campaign, c."referrerDomain" AS referrer, c."landingPath" AS landing_page`;

/** The uncovered days' credit rows, and the earlier payment rows (in the range) of their customers. */
async function tailRows(scope: ProjectScope, q: RevenueQuery, tailFrom: string, only: OneValue | null) {
  const [whole, tail] = await Promise.all([utcBounds(q.range, scope.project.timeZone), utcBounds({ from: tailFrom, to: q.range.to }, scope.project.timeZone)]);
  const base = `c."projectId" = $1 AND c.livemode = $2 AND c.model = $3::"AttributionModel"`;
  const rows = (
    await analyticsQuery<CreditRow>(
      `SELECT ${CREDIT_COLUMNS} FROM "RevenueCredit" c WHERE ${base} AND c."occurredAt" >= $4::timestamp AND c."occurredAt" < $5::timestamp`,
      [scope.projectId, q.mode === 'live', q.model, tail.start, tail.end],
    )
  ).filter((r) => r.revenue === null || within(r, only));
  const customers = [...new Set(rows.filter((r) => r.kind === 'payment').map((r) => r.customerKey))];
  const earlier = customers.length
    ? await analyticsQuery<CreditRow>(
        `SELECT ${CREDIT_COLUMNS} FROM "RevenueCredit" c
         WHERE c."projectId" = $1 AND c."customerKey" = ANY($6::text[]) AND c.livemode = $2 AND c.model = $3::"AttributionModel"
           AND c.kind = 'payment' AND c."occurredAt" >= $4::timestamp AND c."occurredAt" < $5::timestamp`,
        [scope.projectId, q.mode === 'live', q.model, whole.start, tail.start, customers],
      )
    : [];
  return { rows, earlier: earlier.filter((r) => within(r, only)) };
}

/** A converted credit row that a one-value filter keeps (all of them without a filter). */
const within = (r: CreditRow, only: OneValue | null) =>
  r.revenue !== null && (!only || (r.attributed && (r[only.dimension] ?? NONE) === only.value));

const pairs = (r: CreditRow) => dimensionValues({ ...r, converted: r.revenue !== null });

function addTail(
  tail: { rows: CreditRow[]; earlier: CreditRow[] },
  figure: (dimension: string, value: string) => Figures,
  addBucket: (bucket: string, channel: string | null, revenue: number, refunded: number) => void,
  timeZone: string,
  interval: 'day' | 'week' | 'month',
) {
  const key = (customer: string, dimension: string, value: string) => `${customer}\u0000${dimension}\u0000${value}`;
  const seen = new Set(tail.earlier.flatMap((r) => pairs(r).map(([d, v]) => key(r.customerKey, d, v))));
  const payments = new Set<string>();
  for (const r of tail.rows) {
    const revenue = r.revenue === null ? Number(r.amount) : Number(r.revenue);
    for (const [d, v] of pairs(r)) {
      const f = figure(d, v);
      f.revenue += revenue;
      f.refunded += Number(r.refunded);
      if (r.revenue !== null && !r.returning) f.newRevenue += revenue;
      if (r.kind !== 'payment') continue;
      const p = `${r.paymentId}\u0000${d}\u0000${v}`;
      if (!payments.has(p)) {
        payments.add(p);
        f.payments += 1;
      }
      const c = key(r.customerKey, d, v);
      if (!seen.has(c)) {
        seen.add(c);
        f.customers += 1;
      }
    }
    if (r.revenue !== null) addBucket(localBucket(r.occurredAt, timeZone, interval), r.attributed ? r.channel : null, revenue, Number(r.refunded));
  }
}
