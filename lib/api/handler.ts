import type { z } from 'zod';
import type { ProjectScope } from '@/lib/authz';
import { authorizeProject } from '@/lib/authz';
import { errorResponse } from '@/lib/http/errors';
import { authenticateApiKey } from '@/lib/tenancy/api-keys';
import { searchParamsObject } from '@/lib/zod/analytics';

// The shape of every public API read: authenticate the key, authorise the project, validate the
// query string, run one lib/analytics function, answer JSON. Errors map through lib/http/errors.

export function projectApiRoute<S extends z.ZodType>(schema: S, run: (scope: ProjectScope, query: z.infer<S>) => Promise<unknown>) {
  return async (req: Request, ctx: { params: Promise<{ projectId: string }> }): Promise<Response> => {
    try {
      const actor = await authenticateApiKey(req.headers.get('authorization'));
      const { projectId } = await ctx.params;
      const scope = await authorizeProject(actor, projectId, 'read');
      const query = schema.parse(searchParamsObject(new URL(req.url).searchParams));
      return Response.json(await run(scope, query), { headers: { 'cache-control': 'no-store' } });
    } catch (err) {
      return errorResponse(err);
    }
  };
}
