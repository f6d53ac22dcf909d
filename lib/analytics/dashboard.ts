import type { ProjectScope } from '@/lib/authz';
import { DIMENSIONS, type Dimension } from '@/lib/zod/analytics';
import type { RevenueQuery } from './attributed-revenue';
import { summarizeBreakdown } from './breakdown';
import { summarizeChannels } from './channels';
import { conversionRate } from './change';
import { convertedVisitors } from './conversions';
import { figuresFor, summarizeHeadline } from './headline';
import { previousRange } from './period';
import { loadRevenueAggregates } from './rollup-aggregates';
import { summarizeTimeseries } from './timeseries';
import { visitorCounts } from './visitors';

// Everything the dashboard page shows, from one load of the period's revenue aggregates (plus the
// previous period for the comparison) and one visitor count per table. The numbers are the same
// ones the API's functions compute: both go through the summarize* functions.

export type DashboardQuery = RevenueQuery & { interval: 'day' | 'week' | 'month'; compare: boolean; limit?: number };

export async function dashboardView(scope: ProjectScope, q: DashboardQuery) {
  const previous = q.compare ? previousRange(q.range) : null;
  const [aggregates, visitors, converted, before] = await Promise.all([
    loadRevenueAggregates(scope, q),
    visitorCounts(scope, q.range, q.filter),
    convertedVisitors(scope, q.range, q.mode, q.filter),
    previous ? figuresFor(scope, { ...q, range: previous }) : null,
  ]);
  const limit = q.limit ?? 50;
  // Each row's conversion: its converted visitors over its visitors (the same people).
  const withConversion = <R extends { visitors: number }>(rows: R[], key: (r: R) => string, by: Map<string, number>) =>
    rows.map((r) => ({ ...r, conversionRate: conversionRate(by.get(key(r)) ?? 0, r.visitors) }));
  const breakdowns = Object.fromEntries(
    DIMENSIONS.map((dimension) => [
      dimension,
      withConversion(summarizeBreakdown(aggregates, visitors.by[dimension], { ...q, dimension, limit }).rows, (r) => r.value, converted.by[dimension]),
    ]),
  ) as Record<Dimension, (ReturnType<typeof summarizeBreakdown>['rows'][number] & { conversionRate: number | null })[]>;
  const channels = summarizeChannels(aggregates, visitors.by.channel, q);
  return {
    currency: aggregates.currency,
    range: q.range,
    previousRange: previous,
    headline: { current: summarizeHeadline(aggregates, visitors.total, converted.total), previous: before },
    channels: { ...channels, rows: withConversion(channels.rows, (r) => r.channel, converted.by.channel) },
    timeseries: summarizeTimeseries(aggregates, q),
    breakdowns,
  };
}
