'use server';

import { revalidatePath } from 'next/cache';
import { currentUser, userActor } from '@/lib/auth/session';
import { UnauthenticatedError } from '@/lib/authz';
import { type ActionResult, toActionResult } from '@/lib/http/errors';
import { rerunInboxEvent } from '@/lib/stripe/diagnostics';

export async function rerunEventAction(projectId: string, inboxId: string, _prev: ActionResult | null): Promise<ActionResult> {
  try {
    const user = await currentUser();
    if (!user) throw new UnauthenticatedError();
    await rerunInboxEvent(userActor(user), projectId, inboxId);
    revalidatePath(`/projects/${projectId}/diagnostics`);
    return { ok: true, message: 'Queued' };
  } catch (err) {
    return toActionResult(err);
  }
}
