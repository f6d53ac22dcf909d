'use server';

import { redirect } from 'next/navigation';
import type { ActionResult } from '@/lib/http/errors';
import { fields } from '@/lib/http/actions';
import { acceptInvitation } from '@/lib/tenancy/invitations';
import { act } from '../../page-helpers';

export async function acceptInvitationAction(_: ActionResult<unknown> | null, form: FormData) {
  const f = fields(form);
  const result = await act((actor) => acceptInvitation(actor, f.token));
  if (result.ok) redirect(`/orgs/${result.data}`);
  return result;
}
