'use server';

import type { ActionResult } from '@/lib/http/errors';
import { fields } from '@/lib/http/actions';
import { createInvitation, resendInvitation, revokeInvitation } from '@/lib/tenancy/invitations';
import { changeMemberRole, removeMember } from '@/lib/tenancy/members';
import { act } from '../../../page-helpers';

type State = ActionResult<unknown> | null;

export async function changeMemberRoleAction(_: State, form: FormData) {
  const f = fields(form);
  return act(async (actor) => void (await changeMemberRole(actor, f.orgId ?? '', f)), 'Role changed');
}

export async function removeMemberAction(_: State, form: FormData) {
  const f = fields(form);
  return act((actor) => removeMember(actor, f.orgId ?? '', f), 'Member removed');
}

export async function inviteMemberAction(_: State, form: FormData) {
  const f = fields(form);
  return act(async (actor) => {
    const { invitation } = await createInvitation(actor, f.orgId ?? '', f);
    return { email: invitation.email }; // the link goes by mail only
  }, 'Invitation sent');
}

export async function resendInvitationAction(_: State, form: FormData) {
  const f = fields(form);
  return act(async (actor) => void (await resendInvitation(actor, f.orgId ?? '', f)), 'Invitation sent again');
}

export async function revokeInvitationAction(_: State, form: FormData) {
  const f = fields(form);
  return act((actor) => revokeInvitation(actor, f.orgId ?? '', f), 'Invitation revoked');
}
