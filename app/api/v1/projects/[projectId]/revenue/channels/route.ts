import { revenueByChannel, resolveRange } from '@/lib/analytics';
import { projectApiRoute } from '@/lib/api/handler';
import { channelsQuerySchema } from '@/lib/zod/analytics';

export const GET = projectApiRoute(channelsQuerySchema, (scope, q) =>
  revenueByChannel(scope, { range: resolveRange(q, scope.project.timeZone), model: q.model, mode: q.mode }),
);
