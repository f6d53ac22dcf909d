import type { Metadata } from 'next';
import { MailPlus } from 'lucide-react';
import { HiddenIdsForm } from '@/components/hidden-ids-form';
import { ChangeRoleForm, InviteForm } from '@/components/member-forms';
import { ReadOnlyNote } from '@/components/read-only-note';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDate } from '@/lib/format/dates';
import { plural } from '@/lib/format/text';
import { listInvitations } from '@/lib/tenancy/invitations';
import { listMembers } from '@/lib/tenancy/members';
import { getOrganization } from '@/lib/tenancy/organizations';
import { canManage, orNotFound, requireActor } from '../../../page-helpers';
import { changeMemberRoleAction, inviteMemberAction, removeMemberAction, resendInvitationAction, revokeInvitationAction } from './actions';

export const metadata: Metadata = { title: 'Members' };

export default async function MembersPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const actor = await requireActor();
  const [org, members, invitations] = await orNotFound(Promise.all([getOrganization(actor, orgId), listMembers(actor, orgId), listInvitations(actor, orgId)]));
  const readOnly = !canManage(org.role);
  return (
    <main className="space-y-6">
      {readOnly && <ReadOnlyNote />}
      <Card aria-labelledby="members-heading">
        <CardHeader titleId="members-heading" title="Members" description={`${plural(members.length, 'member')} in ${org.name}`} />
        <ul className="mt-3 divide-y divide-line-soft border-t border-line">
          {members.map((m) => (
            <li key={m.userId} className="flex flex-wrap items-end justify-between gap-4 px-4 py-4 sm:px-5" data-testid="member-row">
              <div className="flex min-w-0 items-center gap-3">
                <span aria-hidden className="grid size-9 shrink-0 place-items-center rounded-full bg-subtle text-sm font-semibold uppercase text-muted">
                  {(m.email ?? m.name ?? '?').slice(0, 1)}
                </span>
                <div className="min-w-0">
                  <p className="truncate font-medium text-fg">{m.email ?? m.name ?? m.userId}</p>
                  <p className="flex items-center gap-2 text-sm text-muted">
                    <span data-testid="member-role">{m.role}</span>
                    {m.userId === actor.userId && <Badge tone="accent" data-testid="member-you">you</Badge>}
                  </p>
                </div>
              </div>
              {!readOnly && (
                <div className="flex flex-wrap items-end gap-2">
                  <ChangeRoleForm action={changeMemberRoleAction} orgId={orgId} userId={m.userId} email={m.email ?? m.userId} role={m.role} readOnly={readOnly} />
                  <HiddenIdsForm
                    action={removeMemberAction}
                    ids={{ orgId, userId: m.userId }}
                    label={`Remove ${m.email}`}
                    button="Remove"
                    readOnly={readOnly}
                    confirm={{ title: `Remove ${m.email ?? 'this member'}?`, body: `They lose access to ${org.name} and its projects at once.`, confirmLabel: 'Remove member' }}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      </Card>
      <Card aria-labelledby="invitations-heading">
        <CardHeader titleId="invitations-heading" title="Invitations" description="The link in the mail is valid for 7 days and works only for the invited address." />
        <CardBody>
          <InviteForm action={inviteMemberAction} orgId={orgId} readOnly={readOnly} />
        </CardBody>
        {invitations.length === 0 ? (
          <EmptyState icon={MailPlus} title="No pending invitations" className="border-t border-line py-8" />
        ) : (
          <ul className="divide-y divide-line-soft border-t border-line">
            {invitations.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-4 px-4 py-4 sm:px-5" data-testid="invitation-row">
                <div className="min-w-0">
                  <p className="truncate font-medium text-fg">{i.email}</p>
                  <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
                    {i.role} ·{' '}
                    {i.expired ? <Badge tone="warn">expired</Badge> : <span>expires {formatDate(i.expiresAt, 'UTC')} (UTC)</span>}
                  </p>
                </div>
                {!readOnly && (
                  <div className="flex gap-2">
                    <HiddenIdsForm action={resendInvitationAction} ids={{ orgId, invitationId: i.id }} label={`Resend to ${i.email}`} button="Resend" readOnly={readOnly} />
                    <HiddenIdsForm
                      action={revokeInvitationAction}
                      ids={{ orgId, invitationId: i.id }}
                      label={`Revoke ${i.email}`}
                      button="Revoke"
                      readOnly={readOnly}
                      confirm={{ title: `Revoke the invitation for ${i.email}?`, body: 'The link in their mail stops working. You can invite them again later.', confirmLabel: 'Revoke invitation' }}
                    />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </main>
  );
}
