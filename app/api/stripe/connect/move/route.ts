import { currentUser, userActor } from '@/lib/auth/session';
import { errorResponse } from '@/lib/http/errors';
import { moveConnectionHere } from '@/lib/stripe/connect/project-actions';
import { connectMoveBody } from '@/lib/zod/stripe-connect';

// POST /api/stripe/connect/move { projectId, moveId }: moves a Stripe account here from the project holding it.
export async function POST(req: Request) {
  const user = await currentUser();
  if (!user) return Response.json({ error: { message: 'Sign in first' } }, { status: 401 });
  try {
    const { projectId, moveId } = connectMoveBody.parse(await req.json());
    await moveConnectionHere(userActor(user), projectId, moveId);
    return Response.json({ ok: true });
  } catch (err) {
    return errorResponse(err);
  }
}
