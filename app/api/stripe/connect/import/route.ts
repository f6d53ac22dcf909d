import { currentUser, userActor } from '@/lib/auth/session';
import { errorResponse } from '@/lib/http/errors';
import { importProgress, rerunImport } from '@/lib/stripe/connect/project-actions';
import { connectProjectBody, connectStartQuery } from '@/lib/zod/stripe-connect';

// GET  /api/stripe/connect/import?projectId=…: the latest history import's progress (polled by the page).
// POST /api/stripe/connect/import { projectId }: runs the import again (or resumes an unfinished one).
export async function GET(req: Request) {
  const user = await currentUser();
  if (!user) return Response.json({ error: { message: 'Sign in first' } }, { status: 401 });
  try {
    const { projectId } = connectStartQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
    return Response.json({ import: await importProgress(userActor(user), projectId) });
  } catch (err) {
    return errorResponse(err);
  }
}

export async function POST(req: Request) {
  const user = await currentUser();
  if (!user) return Response.json({ error: { message: 'Sign in first' } }, { status: 401 });
  try {
    const { projectId } = connectProjectBody.parse(await req.json());
    return Response.json({ import: await rerunImport(userActor(user), projectId) });
  } catch (err) {
    return errorResponse(err);
  }
}
