import type { Metadata } from 'next';
import { AcceptInvitationForm } from '@/components/accept-invitation-form';
import { SignOutButton } from '@/components/sign-out-button';
import { currentUser } from '@/lib/auth/session';
import { describeInvitation } from '@/lib/tenancy/invitations';
import { orNotFound, requireActor } from '../../page-helpers';
import { acceptInvitationAction } from './actions';

export const metadata: Metadata = { title: 'Invitation' };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const actor = await requireActor();
  const user = await currentUser();
  const invitation = await orNotFound(describeInvitation(actor, token));
  return (
    <main className="mx-auto max-w-lg space-y-4">
      <h1 className="text-2xl font-semibold">Join {invitation.organizationName}</h1>
      <p className="text-gray-600 dark:text-gray-400">
        {invitation.email} is invited to join as <strong>{invitation.role}</strong>.
      </p>
      {invitation.status === 'pending' && <AcceptInvitationForm action={acceptInvitationAction} token={token} />}
      {invitation.status === 'wrongEmail' && (
        <div role="alert" className="space-y-2 text-sm text-red-600 dark:text-red-400">
          <p>
            You are signed in as {user?.email}. This invitation is for {invitation.email}: sign out and sign in with that address to accept it.
          </p>
          {/* Back to this invitation after signing in with the right address. */}
          <SignOutButton callbackUrl={`/signin?callbackUrl=${encodeURIComponent(`/invitations/${token}`)}`} />
        </div>
      )}
      {invitation.status === 'expired' && <p role="alert" className="text-sm text-red-600 dark:text-red-400">This invitation has expired: ask for a new one.</p>}
      {invitation.status === 'accepted' && <p role="status">This invitation has already been accepted.</p>}
    </main>
  );
}
