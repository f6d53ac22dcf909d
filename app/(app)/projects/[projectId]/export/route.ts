import { exportTableCsv } from '@/lib/analytics/export';
import { currentUser, userActor } from '@/lib/auth/session';
import { UnauthenticatedError } from '@/lib/authz';
import { errorResponse } from '@/lib/http/errors';
import { searchParamsObject } from '@/lib/zod/analytics';

// GET /projects/:projectId/export?table=…: a dashboard table as a CSV download (lib/analytics/export).
export async function GET(req: Request, ctx: { params: Promise<{ projectId: string }> }) {
  try {
    const user = await currentUser();
    if (!user) throw new UnauthenticatedError();
    const { projectId } = await ctx.params;
    const { filename, csv } = await exportTableCsv(userActor(user), projectId, searchParamsObject(new URL(req.url).searchParams));
    return new Response(csv, {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
