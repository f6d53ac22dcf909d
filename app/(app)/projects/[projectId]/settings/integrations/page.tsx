import { ConnectStripeSection } from '@/components/integrations/connect-stripe-section';
import { NoCodeCheckoutsSection } from '@/components/integrations/no-code-checkouts-section';
import { authorizeProject } from '@/lib/authz';
import { publicUrl } from '@/lib/config/env';
import { noCodeSetups } from '@/lib/stripe/no-code-setups';
import { getStripeIntegration } from '@/lib/stripe/settings';
import { orNotFound, requireActor } from '../../../../page-helpers';
import { SelfHostedStripeSection } from './self-hosted-section';

export const metadata = { title: 'Integrations' };

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Two ways to connect Stripe: Connect OAuth (Zori Cloud) and the merchant's own keys (self-hosted);
// then the snippets for Stripe's no-code checkouts.
export default async function IntegrationsPage({ params, searchParams }: Props) {
  const { projectId } = await params;
  const actor = await requireActor();
  const [scope, integration] = await orNotFound(Promise.all([authorizeProject(actor, projectId, 'read'), getStripeIntegration(actor, projectId)]));
  const kind = integration.connection?.kind;
  return (
    <main className="grid max-w-4xl gap-6">
      {/* A project has one Stripe connection: once one kind is set up, the other is not offered. */}
      {kind !== 'self_hosted' && <ConnectStripeSection scope={scope} searchParams={await searchParams} />}
      {kind !== 'connect' && <SelfHostedStripeSection projectId={projectId} integration={integration} timeZone={scope.project.timeZone} />}
      <NoCodeCheckoutsSection setups={noCodeSetups(publicUrl(), scope.project.publishableKey)} />
    </main>
  );
}
