import type { ProjectScope } from '@/lib/authz';
import type { Dimension } from '@/lib/zod/analytics';
import { aggregateBy } from './aggregate';
import { type AttributedRevenue, loadAttributedRevenue, NONE, type RevenueQuery } from './attributed-revenue';
import { visitorsBy } from './visitors';

export type BreakdownQuery = RevenueQuery & { dimension: Dimension; limit: number };

/** Ranked revenue by source, medium, campaign, referrer domain or landing page (by revenue, then visitors). */
export async function revenueBreakdown(scope: ProjectScope, q: BreakdownQuery) {
  const [data, visitors] = await Promise.all([loadAttributedRevenue(scope, q), visitorsBy(scope, q.dimension, q.range, q.filter)]);
  return summarizeBreakdown(data, visitors, q);
}

export function summarizeBreakdown(data: AttributedRevenue, visitors: Map<string, number>, q: BreakdownQuery) {
  const byValue = aggregateBy(data.credits, (c) => c.touch[q.dimension] ?? NONE);
  const values = new Set([...byValue.keys(), ...visitors.keys()]);
  const rows = [...values]
    .map((value) => {
      const a = byValue.get(value) ?? { revenue: 0, refunded: 0, net: 0, payments: 0, customers: 0 };
      return { value, revenue: a.revenue, refunded: a.refunded, net: a.net, payments: a.payments, customers: a.customers, visitors: visitors.get(value) ?? 0 };
    })
    .sort((x, y) => y.revenue - x.revenue || y.visitors - x.visitors || x.value.localeCompare(y.value))
    .slice(0, q.limit);
  return { currency: data.currency, dimension: q.dimension, rows };
}
