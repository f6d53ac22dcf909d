import type { Metadata } from 'next';
import { MailOpen } from 'lucide-react';
import { AcceptInvitationForm } from '@/components/accept-invitation-form';
import { SignOutButton } from '@/components/shell/sign-out-button';
import { Card } from '@/components/ui/card';
import { currentUser } from '@/lib/auth/session';
import { describeInvitation } from '@/lib/tenancy/invitations';
import { orNotFound, requireActor } from '../../page-helpers';
import { acceptInvitationAction } from './actions';

export const metadata: Metadata = { title: 'Invitation' };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const actor = await requireActor();
  const [user, invitation] = await Promise.all([currentUser(), orNotFound(describeInvitation(actor, token))]);
  return (
    <main className="mx-auto max-w-lg pt-6 sm:pt-12">
      <Card className="space-y-4 p-6 sm:p-8">
        <span className="grid size-11 place-items-center rounded-full bg-indigo-50 text-indigo-600 dark:bg-indigo-500/15 dark:text-indigo-300">
          <MailOpen aria-hidden className="size-5" />
        </span>
        <h1 className="text-2xl font-semibold tracking-tight">Join {invitation.organizationName}</h1>
        <p className="text-muted">
          {invitation.email} is invited to join as <strong className="font-medium text-fg">{invitation.role}</strong>.
        </p>
        {invitation.status === 'pending' && <AcceptInvitationForm action={acceptInvitationAction} token={token} />}
        {invitation.status === 'wrongEmail' && (
          <div role="alert" className="space-y-3 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-500/30 dark:bg-red-500/10 dark:text-red-200">
            <p>
              You are signed in as {user?.email}. This invitation is for {invitation.email}: sign out and sign in with that address to accept it.
            </p>
            {/* Back to this invitation after signing in with the right address. */}
            <SignOutButton callbackUrl={`/signin?callbackUrl=${encodeURIComponent(`/invitations/${token}`)}`} />
          </div>
        )}
        {invitation.status === 'expired' && (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            This invitation has expired: ask for a new one.
          </p>
        )}
        {invitation.status === 'accepted' && <p role="status">This invitation has already been accepted.</p>}
      </Card>
    </main>
  );
}
