import type { ProjectScope } from '@/lib/authz';
import type { RevenueAggregates } from './aggregate';
import type { RevenueQuery } from './attributed-revenue';
import { bucketStarts } from './period';
import { loadRevenueAggregates } from './rollup-aggregates';

export const UNATTRIBUTED = 'Unattributed';

/**
 * Revenue per day, week (Monday) or month in the project's time zone, stacked by channel. Every
 * bucket of the range is present (zeros included); unattributed revenue is its own series. Net is
 * the bucket's revenue less the refunds made in it.
 */
export async function revenueTimeseries(scope: ProjectScope, q: RevenueQuery & { interval: 'day' | 'week' | 'month' }) {
  return summarizeTimeseries(await loadRevenueAggregates(scope, q), q);
}

export function summarizeTimeseries(agg: RevenueAggregates, q: RevenueQuery & { interval: 'day' | 'week' | 'month' }) {
  const points = bucketStarts(q.range, q.interval).map((date) => {
    const point = { date, revenue: 0, net: 0, byChannel: {} as Record<string, number> };
    for (const [channel, s] of agg.buckets.get(date) ?? []) {
      point.revenue += s.revenue;
      point.net += s.revenue - s.refunded;
      const name = channel ?? UNATTRIBUTED;
      point.byChannel[name] = (point.byChannel[name] ?? 0) + s.revenue;
    }
    return point;
  });
  return { currency: agg.currency, interval: q.interval, points };
}
