import { currentUser, userActor } from '@/lib/auth/session';
import { publicUrl } from '@/lib/config/env';
import { errorResponse } from '@/lib/http/errors';
import { beginAppInstall } from '@/lib/stripe/connect/flow';
import { connectStartQuery } from '@/lib/zod/stripe-connect';

// GET /api/stripe/app/start?projectId=…: sends an admin to the Zori Stripe App's install link.
export async function GET(req: Request) {
  const user = await currentUser();
  const url = new URL(req.url);
  if (!user) return Response.redirect(`${publicUrl()}/signin?callbackUrl=${encodeURIComponent(url.pathname + url.search)}`, 303);
  try {
    const { projectId } = connectStartQuery.parse(Object.fromEntries(url.searchParams));
    return Response.redirect(await beginAppInstall(userActor(user), user.email, projectId), 303);
  } catch (err) {
    return errorResponse(err);
  }
}
