import { listPayments, resolveRange } from '@/lib/analytics';
import { projectApiRoute } from '@/lib/api/handler';
import { paymentsQuerySchema } from '@/lib/zod/analytics';

export const GET = projectApiRoute(paymentsQuerySchema, async (scope, q) => {
  const { data, nextCursor } = await listPayments(scope, {
    range: resolveRange(q, scope.project.timeZone),
    mode: q.mode,
    status: q.status,
    limit: q.limit,
    cursor: q.cursor,
  });
  // The customer's email stays in the dashboard; the API names customers by their Stripe id only.
  return { data: data.map(({ customerEmail: _email, ...payment }) => payment), nextCursor };
});
