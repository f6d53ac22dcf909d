import type { ProjectScope } from '@/lib/authz';
import type { Filter } from '@/lib/zod/analytics';
import type { DateRange } from './period';
import { analyticsQuery, utcBounds } from './sql';
import { NONE, TOUCH_COLUMNS, TOUCH_DIMENSIONS, type TouchDimension } from './touch-columns';

// Converted visitors: the period's visitors (a touch in it, with the filter) who paid in the same
// period. Conversion rates divide these by the period's visitors, so they count the same people
// and stay within 0..100%. (Paying customers, credited by payment date to touches up to the
// attribution window before it, are another population: a channel whose visitors came last week
// and paid today has customers today and no visitors, which read as 200%.)

export type ConvertedVisitors = { total: number; by: Record<TouchDimension, Map<string, number>> };

const ALL_BITS = (1 << TOUCH_DIMENSIONS.length) - 1;
const groupingBits = (d: TouchDimension) => ALL_BITS & ~(1 << (TOUCH_DIMENSIONS.length - 1 - TOUCH_DIMENSIONS.indexOf(d)));

/** Converted visitors of a period, in total and per value of each dimension (one grouping-sets pass). */
export async function convertedVisitors(scope: ProjectScope, range: DateRange, mode: 'live' | 'test', filter?: Filter): Promise<ConvertedVisitors> {
  const b = await utcBounds(range, scope.project.timeZone);
  const params: unknown[] = [scope.projectId, b.start, b.end, mode === 'live'];
  let where = '';
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (value === undefined || value === '') continue;
    params.push(value);
    where += ` AND COALESCE(t.${TOUCH_COLUMNS[key as TouchDimension]}, '${NONE}') = $${params.length}`;
  }
  const dims = TOUCH_DIMENSIONS.map((d) => `COALESCE(t.${TOUCH_COLUMNS[d]}, '${NONE}') AS ${d}`).join(', ');
  // Driven by the period's payments (few) through the Touch (projectId, visitorId, occurredAt) index.
  const rows = await analyticsQuery<{ g: number; n: string } & Record<TouchDimension, string | null>>(
    `SELECT GROUPING(${TOUCH_DIMENSIONS.join(', ')}) AS g, ${TOUCH_DIMENSIONS.join(', ')}, count(DISTINCT "visitorId")::text AS n
     FROM (SELECT t."visitorId", ${dims}
           FROM (SELECT DISTINCT p."visitorId" FROM "Payment" p
                 WHERE p."projectId" = $1 AND p.livemode = $4 AND p."paidAt" >= $2::timestamp AND p."paidAt" < $3::timestamp AND p."visitorId" IS NOT NULL) paying
           JOIN "Touch" t ON t."projectId" = $1 AND t."visitorId" = paying."visitorId" AND t."occurredAt" >= $2::timestamp AND t."occurredAt" < $3::timestamp
           WHERE true${where}) x
     GROUP BY GROUPING SETS ((), ${TOUCH_DIMENSIONS.map((d) => `(${d})`).join(', ')})`,
    params,
  );
  const out: ConvertedVisitors = { total: 0, by: Object.fromEntries(TOUCH_DIMENSIONS.map((d) => [d, new Map<string, number>()])) as ConvertedVisitors['by'] };
  for (const r of rows) {
    if (r.g === ALL_BITS) out.total = Number(r.n);
    else {
      const d = TOUCH_DIMENSIONS.find((dim) => groupingBits(dim) === r.g)!;
      out.by[d].set(r[d]!, Number(r.n));
    }
  }
  return out;
}
