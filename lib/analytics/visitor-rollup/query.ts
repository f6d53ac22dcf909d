import type { ProjectScope } from '@/lib/authz';
import { coveredThrough } from '../day-rollups/engine';
import { addDays, type DateRange, daysBetween } from '../period';
import { analyticsQuery, utcBounds } from '../sql';
import type { Filter } from '@/lib/zod/analytics';
import { type OneValue, singleFilter } from '../attributed-revenue';
import { NONE, TOUCH_COLUMNS, type TouchDimension } from '../touch-columns';

// Unique visitors of a range of days from the rollup: the rows of the range's days whose
// previousDay is before the range are exactly its visitors (each counted on their first day in
// it). Days the rollup does not cover yet (today, or days a late touch made stale) come from the
// raw touches of those few days, checked against the visitors' earlier days in the range. Within a
// one-value filter the same holds for the rows kept under that filter.

/** Beyond this many uncovered days the caller counts from the raw touches instead. */
const MAX_TAIL_DAYS = 3;

export type VisitorTotals = { total: number; by: Partial<Record<TouchDimension, Map<string, number>>> };

/**
 * Counts for `dims` (and the total) over `range`, optionally within a one-value filter; null when
 * the rollup does not cover enough of the range or the filter has more than one value.
 */
export async function visitorsFromRollup(scope: ProjectScope, range: DateRange, dims: readonly TouchDimension[], filter?: Filter): Promise<VisitorTotals | null> {
  const only = singleFilter(filter);
  if (only === undefined) return null;
  const covered = await coveredThrough('visitors', scope.projectId);
  const rollupTo = covered && covered >= range.from ? (covered < range.to ? covered : range.to) : null;
  const tailFrom = rollupTo ? addDays(rollupTo, 1) : range.from;
  if (tailFrom <= range.to && daysBetween(tailFrom, range.to) + 1 > MAX_TAIL_DAYS) return null;

  const out: VisitorTotals = { total: 0, by: Object.fromEntries(dims.map((d) => [d, new Map<string, number>()])) };
  const add = (dimension: string, value: string, n: number) => {
    if (dimension === 'all') out.total += n;
    else {
      const m = out.by[dimension as TouchDimension];
      if (m) m.set(value, (m.get(value) ?? 0) + n);
    }
  };
  const [rolled, tail] = await Promise.all([
    rollupTo ? rollupRows(scope.projectId, range.from, rollupTo, dims, only) : [],
    tailFrom <= range.to ? tailCounts(scope, range, tailFrom, dims, only) : [],
  ]);
  for (const r of [...rolled, ...tail]) add(r.dimension, r.value, r.visitors);
  return out;
}

type Count = { dimension: string; value: string; visitors: number };

async function rollupRows(projectId: string, from: string, to: string, dims: readonly TouchDimension[], only: OneValue | null): Promise<Count[]> {
  const range = `"projectId" = $1 AND day >= $2::date AND day <= $3::date AND "previousDay" < $2::date`;
  if (!only) {
    const rows = await analyticsQuery<{ dimension: string; value: string; n: string }>(
      `SELECT dimension, value, sum(visitors)::text AS n FROM "VisitorDayCount"
       WHERE ${range} AND "filterDimension" = '' AND dimension = ANY($4::text[]) GROUP BY 1, 2`,
      [projectId, from, to, ['all', ...dims]],
    );
    return rows.map((r) => ({ dimension: r.dimension, value: r.value, visitors: Number(r.n) }));
  }
  // Within X = v: the total is the unfiltered count of v; each other dimension has its own rows.
  const rows = await analyticsQuery<{ filtered: boolean; dimension: string; value: string; n: string }>(
    `SELECT "filterDimension" <> '' AS filtered, dimension, value, sum(visitors)::text AS n FROM "VisitorDayCount"
     WHERE ${range} AND (("filterDimension" = '' AND dimension = $4 AND value = $5)
                         OR ("filterDimension" = $4 AND "filterValue" = $5 AND dimension = ANY($6::text[])))
     GROUP BY 1, 2, 3`,
    [projectId, from, to, only.dimension, only.value, dims],
  );
  return rows.flatMap((r) =>
    r.filtered
      ? [{ dimension: r.dimension, value: r.value, visitors: Number(r.n) }]
      : [{ dimension: 'all', value: '', visitors: Number(r.n) }, { dimension: r.dimension, value: r.value, visitors: Number(r.n) }],
  );
}


type TailTouch = { visitorId: string; tail: boolean } & Record<TouchDimension, string | null>;

/**
 * Visitors with a touch in the uncovered days and no touch with the same value earlier in the
 * range: the tail's touches and, for those visitors only, their touches since the range began.
 */
async function tailCounts(scope: ProjectScope, range: DateRange, tailFrom: string, dims: readonly TouchDimension[], only: OneValue | null): Promise<Count[]> {
  const [whole, tail] = await Promise.all([utcBounds(range, scope.project.timeZone), utcBounds({ from: tailFrom, to: range.to }, scope.project.timeZone)]);
  const cols = Object.entries(TOUCH_COLUMNS)
    .map(([dim, col]) => `t.${col} AS ${dim}`)
    .join(', ');
  const rows = await analyticsQuery<TailTouch>(
    `SELECT t."visitorId", t."occurredAt" >= $4::timestamp AS tail, ${cols}
     FROM "Touch" t
     WHERE t."projectId" = $1 AND t."occurredAt" >= $2::timestamp AND t."occurredAt" < $3::timestamp
       AND t."visitorId" IN (SELECT a."visitorId" FROM "Touch" a WHERE a."projectId" = $1 AND a."occurredAt" >= $4::timestamp AND a."occurredAt" < $3::timestamp)`,
    [scope.projectId, whole.start, whole.end, tail.start],
  );
  const byVisitor = new Map<string, TailTouch[]>();
  for (const r of rows) {
    if (only && (r[only.dimension] ?? NONE) !== only.value) continue; // within the filter, only its touches count
    (byVisitor.get(r.visitorId) ?? byVisitor.set(r.visitorId, []).get(r.visitorId)!).push(r);
  }
  const counts = new Map<string, Count>();
  const bump = (dimension: string, value: string) => {
    const key = `${dimension}\u0000${value}`;
    const c = counts.get(key) ?? counts.set(key, { dimension, value, visitors: 0 }).get(key)!;
    c.visitors += 1;
  };
  for (const touches of byVisitor.values()) {
    if (!touches.some((t) => !t.tail)) bump('all', '');
    for (const dim of dims) {
      const before = new Set(touches.filter((t) => !t.tail).map((t) => t[dim] ?? NONE));
      for (const value of new Set(touches.filter((t) => t.tail).map((t) => t[dim] ?? NONE))) if (!before.has(value)) bump(dim, value);
    }
  }
  return [...counts.values()];
}
