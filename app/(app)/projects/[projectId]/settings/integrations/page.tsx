import { notFound, redirect } from 'next/navigation';
import { ConnectStripeSection } from '@/components/integrations/connect-stripe-section';
import { NoCodeCheckoutsSection } from '@/components/integrations/no-code-checkouts-section';
import { currentUser, userActor } from '@/lib/auth/session';
import { authorizeProject, NotFoundError } from '@/lib/authz';
import { publicUrl } from '@/lib/config/env';
import { noCodeSetups } from '@/lib/stripe/no-code-setups';
import { getStripeIntegration } from '@/lib/stripe/settings';
import { SelfHostedStripeSection } from './self-hosted-section';

export const metadata = { title: 'Integrations' };

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Two ways to connect Stripe: Connect OAuth (Zori Cloud) and the merchant's own keys (self-hosted);
// then the snippets for Stripe's no-code checkouts.
export default async function IntegrationsPage({ params, searchParams }: Props) {
  const { projectId } = await params;
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/projects/${projectId}/settings/integrations`)}`);
  const actor = userActor(user);
  const [scope, integration] = await Promise.all([authorizeProject(actor, projectId, 'read'), getStripeIntegration(actor, projectId)]).catch((err) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  const kind = integration.connection?.kind;
  return (
    <main className="mx-auto max-w-3xl space-y-6 px-4 py-10">
      <h1 className="text-2xl font-semibold">Integrations</h1>
      {/* A project has one Stripe connection: once one kind is set up, the other is not offered. */}
      {kind !== 'self_hosted' && <ConnectStripeSection scope={scope} searchParams={await searchParams} />}
      {kind !== 'connect' && <SelfHostedStripeSection projectId={projectId} integration={integration} />}
      <NoCodeCheckoutsSection setups={noCodeSetups(publicUrl(), scope.project.publishableKey)} />
    </main>
  );
}
