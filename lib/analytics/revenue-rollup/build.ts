import { buildAllDayRollups, buildDayRollup, type DayRollup, localDaySql, resetDayRollup } from '../day-rollups/engine';
import { DIMENSION_VALUES_SQL } from './dimensions';

// The daily revenue rollup (RevenueDay) as a day rollup over RevenueCredit. Sums per customer, day
// and value first; `previousDay` is the customer's last earlier day with a payment credited to the
// value, looked up over their whole history, so paying customers stay exact over any range.
// Credit rebuilds that change an ended day leave a marker (lib/analytics/credits/rebuild.ts).

export const REVENUE: DayRollup = {
  name: 'revenue',
  table: 'RevenueDay',
  firstInstantSql: `SELECT "occurredAt" FROM "RevenueCredit" WHERE "projectId" = $1 ORDER BY "occurredAt" LIMIT 1`,
  buildSql: `
INSERT INTO "RevenueDay" ("projectId", livemode, model, "filterDimension", "filterValue", dimension, value, day, "previousDay", revenue, refunded, "newRevenue", payments, customers)
SELECT $1, livemode, model, filter_dimension, filter_value, dimension, value, day,
  CASE WHEN paid THEN COALESCE(prev, DATE '1970-01-01') ELSE DATE '9999-12-31' END AS previous_day,
  sum(revenue), sum(refunded), sum(new_revenue), sum(payments)::int, (count(*) FILTER (WHERE paid))::int
FROM (
  SELECT *, lag(day) OVER (PARTITION BY livemode, model, filter_dimension, filter_value, dimension, value, "customerKey", paid ORDER BY day) AS prev
  FROM (
    SELECT c.livemode, c.model, d.filter_dimension, d.filter_value, d.dimension, d.value, c."customerKey", ${localDaySql('c."occurredAt"', '$4')} AS day,
      sum(COALESCE(c.revenue, c.amount)) AS revenue, sum(c.refunded) AS refunded,
      COALESCE(sum(c.revenue) FILTER (WHERE NOT c."returning"), 0) AS new_revenue,
      count(DISTINCT c."paymentId") FILTER (WHERE c.kind = 'payment') AS payments,
      bool_or(c.kind = 'payment') AS paid
    FROM "RevenueCredit" c CROSS JOIN LATERAL ${DIMENSION_VALUES_SQL}
    WHERE c."projectId" = $1 AND c."occurredAt" < $3::timestamp
      AND c."customerKey" IN (SELECT a."customerKey" FROM "RevenueCredit" a WHERE a."projectId" = $1 AND a."occurredAt" >= $2::timestamp AND a."occurredAt" < $3::timestamp)
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ) per_customer
) ranked
WHERE day >= $5::date
GROUP BY livemode, model, filter_dimension, filter_value, dimension, value, day, previous_day
-- Written in key order, so the rows a view reads (one filter, a run of days) sit together on disk.
ORDER BY livemode, model, filter_dimension, filter_value, day`,
};

export const buildRevenueRollup = (projectId: string) => buildDayRollup(REVENUE, projectId);
export const resetRevenueRollup = (projectId: string) => resetDayRollup(REVENUE, projectId);
export const buildAllRevenueRollups = () => buildAllDayRollups(REVENUE);
