import { resolveRange, revenueTimeseries } from '@/lib/analytics';
import { projectApiRoute } from '@/lib/api/handler';
import { timeseriesQuerySchema } from '@/lib/zod/analytics';

export const GET = projectApiRoute(timeseriesQuerySchema, async (scope, q) => {
  const { currency, points } = await revenueTimeseries(scope, {
    range: resolveRange(q, scope.project.timeZone),
    model: q.model,
    mode: q.mode,
    interval: q.interval,
  });
  return { currency, points };
});
