import { CopyButton } from '@/components/copy-button';
import { StripeButtonAction, StripeSettingsForm } from '@/components/stripe/stripe-settings-form';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { formatDateTime } from '@/lib/format/dates';
import type { StripeIntegration } from '@/lib/stripe/settings';
import { createWebhookEndpointAction, dropOldWebhookSecretsAction, saveStripeSettingsAction } from './actions';

const dt = 'text-muted';
const dd = 'min-w-0 break-words text-fg';

/** Self-hosted Stripe set-up: the merchant's own secret key and webhook secret. */
export function SelfHostedStripeSection({ projectId, integration, timeZone }: { projectId: string; integration: StripeIntegration; timeZone: string }) {
  const c = integration.connection;
  return (
    <Card aria-labelledby="stripe-heading">
      <CardHeader
        titleId="stripe-heading"
        title="Stripe with your own keys (self-hosted)"
        description="Paste a secret key and the webhook signing secret; Stripe sends events to the webhook URL below."
        actions={<Badge tone={c?.webhookSecrets.length ? 'good' : 'neutral'}>{c?.webhookSecrets.length ? 'Receiving events' : 'Not set up'}</Badge>}
      />
      <CardBody className="space-y-6">
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className={dt}>Webhook URL</dt>
          <dd className={`${dd} flex flex-wrap items-center gap-2`}>
            <code data-testid="webhook-url" className="min-w-0 break-all rounded-md bg-subtle px-2 py-1 font-mono text-xs">
              {integration.webhookUrl}
            </code>
            <CopyButton text={integration.webhookUrl} label="Copy URL" />
          </dd>
          <dt className={dt}>Account</dt>
          <dd className={dd}>{c?.stripeAccountId ? `${c.accountName ?? c.stripeAccountId} (${c.stripeAccountId}, ${c.livemode ? 'live' : 'test'} mode)` : 'Not connected'}</dd>
          <dt className={dt}>Secret key</dt>
          <dd className={dd}>
            <code data-testid="secret-key" className="font-mono text-xs">
              {c?.secretKey ?? 'none'}
            </code>
          </dd>
          <dt className={dt}>Webhook secrets</dt>
          <dd className={dd} data-testid="webhook-secrets">
            {c?.webhookSecrets.length
              ? c.webhookSecrets.map((s) => (
                  <code key={s} className="mr-2 font-mono text-xs">
                    {s}
                  </code>
                ))
              : 'none'}
          </dd>
          <dt className={dt}>Webhook endpoint</dt>
          <dd className={dd}>{c?.webhookEndpointId ?? 'created by you in the Stripe Dashboard'}</dd>
          <dt className={dt}>Last event</dt>
          <dd className={dd} data-testid="last-event">
            {integration.lastEvent
              ? `${integration.lastEvent.type} at ${formatDateTime(integration.lastEvent.receivedAt, timeZone)} (${timeZone}): ${integration.lastEvent.status}${integration.lastEvent.lastError ? ` (${integration.lastEvent.lastError})` : ''}`
              : 'none received yet'}
          </dd>
        </dl>
        <details className="text-sm">
          <summary className="cursor-pointer select-none text-muted hover:text-fg">Events to send to this endpoint (API version {integration.apiVersion})</summary>
          <p className="mt-2 break-words font-mono text-xs text-muted">{integration.handledEvents.join(', ')}</p>
        </details>
        {integration.canManage ? (
          <div className="space-y-6 border-t border-line pt-6">
            <StripeSettingsForm action={saveStripeSettingsAction.bind(null, projectId)} />
            {c?.secretKey && (
              <div className="space-y-2">
                <p className="text-sm text-muted">Zori can create the webhook endpoint on your Stripe account with your key and store its signing secret.</p>
                <StripeButtonAction action={createWebhookEndpointAction.bind(null, projectId)} label="Create webhook endpoint in Stripe" pendingLabel="Creating…" />
              </div>
            )}
            {c && c.webhookSecrets.length > 1 && (
              <StripeButtonAction action={dropOldWebhookSecretsAction.bind(null, projectId)} label="Finish secret roll (drop the older secret)" pendingLabel="Saving…" />
            )}
          </div>
        ) : (
          <p className="text-sm text-muted">Only owners and admins can change the Stripe set-up.</p>
        )}
      </CardBody>
    </Card>
  );
}
