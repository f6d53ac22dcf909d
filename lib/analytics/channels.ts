import type { ProjectScope } from '@/lib/authz';
import type { RevenueAggregates } from './aggregate';
import { isFiltered, type RevenueQuery } from './attributed-revenue';
import { loadRevenueAggregates } from './rollup-aggregates';
import { visitorsBy } from './visitors';

/** Revenue by GA4 channel group, with totals and the unattributed part shown as such (never as Direct). */
export async function revenueByChannel(scope: ProjectScope, q: RevenueQuery) {
  const [agg, visitors] = await Promise.all([loadRevenueAggregates(scope, q), visitorsBy(scope, 'channel', q.range, q.filter)]);
  return summarizeChannels(agg, visitors, q);
}

export function summarizeChannels(agg: RevenueAggregates, visitors: Map<string, number>, q: RevenueQuery) {
  const byChannel = agg.by.channel;
  const names = new Set([...byChannel.keys(), ...(isFiltered(q.filter) ? [] : visitors.keys())]);
  const rows = [...names]
    .map((channel) => {
      const a = byChannel.get(channel) ?? { revenue: 0, refunded: 0, net: 0, payments: 0, customers: 0 };
      return { channel, revenue: a.revenue, refunded: a.refunded, net: a.net, payments: a.payments, customers: a.customers, visitors: visitors.get(channel) ?? 0 };
    })
    .sort((x, y) => y.revenue - x.revenue || y.visitors - x.visitors || x.channel.localeCompare(y.channel));
  const { totals, unattributed } = agg;
  return {
    currency: agg.currency,
    model: q.model,
    from: q.range.from,
    to: q.range.to,
    totals: {
      revenue: totals.revenue,
      refunded: totals.refunded,
      net: totals.revenue - totals.refunded,
      payments: totals.payments,
      customers: totals.customers,
      unattributed: { revenue: unattributed.revenue, payments: unattributed.payments },
      unconverted: agg.unconverted,
    },
    rows,
  };
}
