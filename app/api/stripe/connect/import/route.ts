import { authorizeProject } from '@/lib/authz';
import { currentUser, userActor } from '@/lib/auth/session';
import { errorResponse } from '@/lib/http/errors';
import { importStatus, runImport, startImport } from '@/lib/stripe/connect/history-import';
import { connectProjectBody, connectStartQuery } from '@/lib/zod/stripe-connect';

// GET  /api/stripe/connect/import?projectId=…: the latest history import's progress (polled by the page).
// POST /api/stripe/connect/import { projectId }: runs the import again (or resumes an unfinished one).
export async function GET(req: Request) {
  const user = await currentUser();
  if (!user) return Response.json({ error: { message: 'Sign in first' } }, { status: 401 });
  try {
    const { projectId } = connectStartQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
    return Response.json({ import: await importStatus(await authorizeProject(userActor(user), projectId, 'manage')) });
  } catch (err) {
    return errorResponse(err);
  }
}

export async function POST(req: Request) {
  const user = await currentUser();
  if (!user) return Response.json({ error: { message: 'Sign in first' } }, { status: 401 });
  try {
    const { projectId } = connectProjectBody.parse(await req.json());
    const scope = await authorizeProject(userActor(user), projectId, 'manage');
    const job = await startImport(scope);
    void runImport(job.id);
    return Response.json({ import: await importStatus(scope) });
  } catch (err) {
    return errorResponse(err);
  }
}
