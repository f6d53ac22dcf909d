import { authorizeProject } from '@/lib/authz';
import { currentUser, userActor } from '@/lib/auth/session';
import { errorResponse } from '@/lib/http/errors';
import { confirmMove } from '@/lib/stripe/connect/connections';
import { afterConnect } from '@/lib/stripe/connect/flow';
import { connectMoveBody } from '@/lib/zod/stripe-connect';

// POST /api/stripe/connect/move { projectId, moveId }: moves a Stripe account here from the project holding it.
export async function POST(req: Request) {
  const user = await currentUser();
  if (!user) return Response.json({ error: { message: 'Sign in first' } }, { status: 401 });
  try {
    const { projectId, moveId } = connectMoveBody.parse(await req.json());
    const actor = userActor(user);
    await confirmMove(await authorizeProject(actor, projectId, 'manage'), moveId);
    await afterConnect(actor, projectId);
    return Response.json({ ok: true });
  } catch (err) {
    return errorResponse(err);
  }
}
