import type { ProjectScope } from '@/lib/authz';
import type { Dimension } from '@/lib/zod/analytics';
import type { RevenueAggregates } from './aggregate';
import type { RevenueQuery } from './attributed-revenue';
import { loadRevenueAggregates } from './rollup-aggregates';
import { visitorsBy } from './visitors';

export type BreakdownQuery = RevenueQuery & { dimension: Dimension; limit: number };

/** Ranked revenue by source, medium, campaign, referrer domain or landing page (by revenue, then visitors). */
export async function revenueBreakdown(scope: ProjectScope, q: BreakdownQuery) {
  const [agg, visitors] = await Promise.all([loadRevenueAggregates(scope, q), visitorsBy(scope, q.dimension, q.range, q.filter)]);
  return summarizeBreakdown(agg, visitors, q);
}

export function summarizeBreakdown(agg: RevenueAggregates, visitors: Map<string, number>, q: BreakdownQuery) {
  const byValue = agg.by[q.dimension];
  const values = new Set([...byValue.keys(), ...visitors.keys()]);
  const rows = [...values]
    .map((value) => {
      const a = byValue.get(value) ?? { revenue: 0, refunded: 0, net: 0, payments: 0, customers: 0 };
      return { value, revenue: a.revenue, refunded: a.refunded, net: a.net, payments: a.payments, customers: a.customers, visitors: visitors.get(value) ?? 0 };
    })
    .sort((x, y) => y.revenue - x.revenue || y.visitors - x.visitors || x.value.localeCompare(y.value))
    .slice(0, q.limit);
  return { currency: agg.currency, dimension: q.dimension, rows };
}
