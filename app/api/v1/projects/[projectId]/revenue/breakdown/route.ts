import { resolveRange, revenueBreakdown } from '@/lib/analytics';
import { projectApiRoute } from '@/lib/api/handler';
import { breakdownQuerySchema } from '@/lib/zod/analytics';

export const GET = projectApiRoute(breakdownQuerySchema, async (scope, q) => {
  const { currency, rows } = await revenueBreakdown(scope, {
    range: resolveRange(q, scope.project.timeZone),
    model: q.model,
    mode: q.mode,
    dimension: q.dimension,
    limit: q.limit,
  });
  return { currency, rows: rows.map(({ value, revenue, net, payments, customers, visitors }) => ({ value, revenue, net, payments, customers, visitors })) };
});
