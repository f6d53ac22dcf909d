import { currentUser, userActor } from '@/lib/auth/session';
import { errorResponse } from '@/lib/http/errors';
import { disconnectProject } from '@/lib/stripe/connect/project-actions';
import { connectProjectBody } from '@/lib/zod/stripe-connect';

// POST /api/stripe/connect/disconnect { projectId }: deauthorizes Zori on the account; revenue stays.
export async function POST(req: Request) {
  const user = await currentUser();
  if (!user) return Response.json({ error: { message: 'Sign in first' } }, { status: 401 });
  try {
    const { projectId } = connectProjectBody.parse(await req.json());
    await disconnectProject(userActor(user), projectId);
    return Response.json({ ok: true });
  } catch (err) {
    return errorResponse(err);
  }
}
