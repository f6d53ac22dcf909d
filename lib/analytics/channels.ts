import type { ProjectScope } from '@/lib/authz';
import { aggregateBy } from './aggregate';
import { type AttributedRevenue, isFiltered, isPayment, loadAttributedRevenue, type RevenueQuery } from './attributed-revenue';
import { visitorsBy } from './visitors';

/** Revenue by GA4 channel group, with totals and the unattributed part shown as such (never as Direct). */
export async function revenueByChannel(scope: ProjectScope, q: RevenueQuery) {
  const [data, visitors] = await Promise.all([loadAttributedRevenue(scope, q), visitorsBy(scope, 'channel', q.range, q.filter)]);
  return summarizeChannels(data, visitors, q);
}

export function summarizeChannels(data: AttributedRevenue, visitors: Map<string, number>, q: RevenueQuery) {
  const byChannel = aggregateBy(data.credits, (c) => c.touch.channel);
  const names = new Set([...byChannel.keys(), ...(isFiltered(q.filter) ? [] : visitors.keys())]);
  const rows = [...names]
    .map((channel) => {
      const a = byChannel.get(channel) ?? { revenue: 0, refunded: 0, net: 0, payments: 0, customers: 0 };
      return { channel, ...a, visitors: visitors.get(channel) ?? 0 };
    })
    .sort((x, y) => y.revenue - x.revenue || y.visitors - x.visitors || x.channel.localeCompare(y.channel));
  const filtered = isFiltered(q.filter);
  const counted = filtered ? [...new Map(data.credits.filter((c) => isPayment(c.entry)).map((c) => [c.entry.id, c.entry])).values()] : data.entries.filter(isPayment);
  const unattributed = filtered ? [] : data.unattributed;
  const revenue = rows.reduce((s, r) => s + r.revenue, 0) + unattributed.reduce((s, e) => s + e.revenue, 0);
  const refunded = rows.reduce((s, r) => s + r.refunded, 0) + unattributed.reduce((s, e) => s + e.refunded, 0);
  return {
    currency: data.currency,
    model: q.model,
    from: q.range.from,
    to: q.range.to,
    totals: {
      revenue,
      refunded,
      net: revenue - refunded,
      payments: counted.length,
      customers: new Set(counted.map((p) => p.customerKey)).size,
      unattributed: { revenue: unattributed.reduce((s, e) => s + e.revenue, 0), payments: unattributed.filter(isPayment).length },
      unconverted: data.unconverted,
    },
    rows,
  };
}
