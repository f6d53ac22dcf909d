import { buildAllDayRollups, buildDayRollup, type DayRollup, localDaySql, resetDayRollup } from '../day-rollups/engine';
import { DIMENSION_VALUES_SQL } from './dimensions';

// The unique-visitors rollup (VisitorDayCount) as a day rollup. Each visitor active in the stretch
// is looked at over their whole history, so `previousDay` (their last earlier day with the same
// value) is exact however long ago it was. Late touches leave a marker (lib/ingest/write.ts).

export const VISITORS: DayRollup = {
  name: 'visitors',
  table: 'VisitorDayCount',
  firstInstantSql: `SELECT "occurredAt" FROM "Touch" WHERE "projectId" = $1 ORDER BY "occurredAt" LIMIT 1`,
  buildSql: `
INSERT INTO "VisitorDayCount" ("projectId", "filterDimension", "filterValue", dimension, value, day, "previousDay", visitors)
SELECT $1, filter_dimension, filter_value, dimension, value, day, COALESCE(prev, DATE '1970-01-01'), count(*)::int
FROM (
  SELECT filter_dimension, filter_value, dimension, value, day,
    lag(day) OVER (PARTITION BY "visitorId", filter_dimension, filter_value, dimension, value ORDER BY day) AS prev
  FROM (
    SELECT DISTINCT t."visitorId", d.filter_dimension, d.filter_value, d.dimension, d.value, ${localDaySql('t."occurredAt"', '$4')} AS day
    FROM "Touch" t CROSS JOIN LATERAL ${DIMENSION_VALUES_SQL}
    WHERE t."projectId" = $1 AND t."occurredAt" < $3::timestamp
      AND t."visitorId" IN (SELECT a."visitorId" FROM "Touch" a WHERE a."projectId" = $1 AND a."occurredAt" >= $2::timestamp AND a."occurredAt" < $3::timestamp)
  ) x
) y
WHERE day >= $5::date
GROUP BY filter_dimension, filter_value, dimension, value, day, prev
-- Written in key order, so the rows a view reads (one filter, a run of days) sit together on disk.
ORDER BY filter_dimension, filter_value, day`,
};

export const buildVisitorRollup = (projectId: string) => buildDayRollup(VISITORS, projectId);
export const resetVisitorRollup = (projectId: string) => resetDayRollup(VISITORS, projectId);
export const buildAllVisitorRollups = () => buildAllDayRollups(VISITORS);
