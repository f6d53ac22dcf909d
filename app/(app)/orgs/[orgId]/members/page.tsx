import type { Metadata } from 'next';
import { HiddenIdsForm } from '@/components/hidden-ids-form';
import { ChangeRoleForm, InviteForm } from '@/components/member-forms';
import { ReadOnlyNote } from '@/components/read-only-note';
import { listInvitations } from '@/lib/tenancy/invitations';
import { listMembers } from '@/lib/tenancy/members';
import { getOrganization } from '@/lib/tenancy/organizations';
import { canManage, orNotFound, requireActor } from '../../../page-helpers';
import { changeMemberRoleAction, inviteMemberAction, removeMemberAction, resendInvitationAction, revokeInvitationAction } from './actions';

export const metadata: Metadata = { title: 'Members' };

export default async function MembersPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const actor = await requireActor();
  const org = await orNotFound(getOrganization(actor, orgId));
  const [members, invitations] = await Promise.all([listMembers(actor, orgId), listInvitations(actor, orgId)]);
  const readOnly = !canManage(org.role);
  return (
    <main className="space-y-8">
      {readOnly && <ReadOnlyNote />}
      <section aria-labelledby="members-heading" className="space-y-3">
        <h2 id="members-heading" className="text-lg font-semibold">
          Members
        </h2>
        <ul className="divide-y divide-gray-200 rounded-md border border-gray-200 dark:divide-gray-800 dark:border-gray-800">
          {members.map((m) => (
            <li key={m.userId} className="flex flex-wrap items-end justify-between gap-4 p-4" data-testid="member-row">
              <div>
                <p className="font-medium">{m.email ?? m.name ?? m.userId}</p>
                <p className="text-sm text-gray-500">
                  <span data-testid="member-role">{m.role}</span>
                  {m.userId === actor.userId && ' · you'}
                </p>
              </div>
              <div className="flex flex-wrap items-end gap-4">
                <ChangeRoleForm action={changeMemberRoleAction} orgId={orgId} userId={m.userId} email={m.email ?? m.userId} role={m.role} readOnly={readOnly} />
                <HiddenIdsForm action={removeMemberAction} ids={{ orgId, userId: m.userId }} label={`Remove ${m.email}`} button="Remove" readOnly={readOnly} />
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="invitations-heading" className="space-y-3">
        <h2 id="invitations-heading" className="text-lg font-semibold">
          Invitations
        </h2>
        <InviteForm action={inviteMemberAction} orgId={orgId} readOnly={readOnly} />
        {invitations.length > 0 && (
          <ul className="divide-y divide-gray-200 rounded-md border border-gray-200 dark:divide-gray-800 dark:border-gray-800">
            {invitations.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-4 p-4" data-testid="invitation-row">
                <div>
                  <p className="font-medium">{i.email}</p>
                  <p className="text-sm text-gray-500">
                    {i.role} · {i.expired ? 'expired' : `expires ${i.expiresAt.toISOString().slice(0, 10)}`}
                  </p>
                </div>
                <div className="flex gap-2">
                  <HiddenIdsForm action={resendInvitationAction} ids={{ orgId, invitationId: i.id }} label={`Resend to ${i.email}`} button="Resend" readOnly={readOnly} />
                  <HiddenIdsForm action={revokeInvitationAction} ids={{ orgId, invitationId: i.id }} label={`Revoke ${i.email}`} button="Revoke" readOnly={readOnly} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
