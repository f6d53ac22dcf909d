import type { ProjectScope } from '@/lib/authz';
import { type AttributedRevenue, loadAttributedRevenue, type RevenueQuery } from './attributed-revenue';
import { bucketStarts } from './period';

export const UNATTRIBUTED = 'Unattributed';

/**
 * Revenue per day, week (Monday) or month in the project's time zone, stacked by channel. Every
 * bucket of the range is present (zeros included); unattributed revenue is its own series.
 */
export async function revenueTimeseries(scope: ProjectScope, q: RevenueQuery & { interval: 'day' | 'week' | 'month' }) {
  return summarizeTimeseries(await loadAttributedRevenue(scope, q), q);
}

export function summarizeTimeseries(data: AttributedRevenue, q: RevenueQuery & { interval: 'day' | 'week' | 'month' }) {
  const points = new Map(bucketStarts(q.range, q.interval).map((date) => [date, { date, revenue: 0, net: 0, byChannel: {} as Record<string, number> }]));
  const add = (bucket: string, channel: string, revenue: number, refunded: number) => {
    const p = points.get(bucket);
    if (!p) return;
    p.revenue += revenue;
    p.net += revenue - refunded;
    p.byChannel[channel] = (p.byChannel[channel] ?? 0) + revenue;
  };
  for (const c of data.credits) add(c.entry.bucket, c.touch.channel, c.revenue, c.refunded);
  if (!q.filter || Object.values(q.filter).every((v) => !v)) for (const e of data.unattributed) add(e.bucket, UNATTRIBUTED, e.revenue, e.refunded);
  return { currency: data.currency, interval: q.interval, points: [...points.values()] };
}
