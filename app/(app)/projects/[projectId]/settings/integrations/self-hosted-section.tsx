import { StripeButtonAction, StripeSettingsForm } from '@/components/stripe/stripe-settings-form';
import type { StripeIntegration } from '@/lib/stripe/settings';
import { createWebhookEndpointAction, dropOldWebhookSecretsAction, saveStripeSettingsAction } from './actions';

/** Self-hosted Stripe set-up: the merchant's own secret key and webhook secret. */
export function SelfHostedStripeSection({ projectId, integration }: { projectId: string; integration: StripeIntegration }) {
  const c = integration.connection;
  return (
    <section aria-labelledby="stripe-heading" className="space-y-6 rounded-lg border border-gray-200 p-6 dark:border-gray-800">
      <h2 id="stripe-heading" className="text-lg font-semibold">Stripe with your own keys (self-hosted)</h2>
      <p className="text-sm text-gray-600 dark:text-gray-400">Paste a secret key and the webhook signing secret; Stripe sends events to the webhook URL below.</p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="text-gray-500 dark:text-gray-400">Webhook URL</dt>
        <dd><code data-testid="webhook-url" className="break-all">{integration.webhookUrl}</code></dd>
        <dt className="text-gray-500 dark:text-gray-400">Account</dt>
        <dd>{c?.stripeAccountId ? `${c.accountName ?? c.stripeAccountId} (${c.stripeAccountId}, ${c.livemode ? 'live' : 'test'} mode)` : 'Not connected'}</dd>
        <dt className="text-gray-500 dark:text-gray-400">Secret key</dt>
        <dd><code data-testid="secret-key">{c?.secretKey ?? 'none'}</code></dd>
        <dt className="text-gray-500 dark:text-gray-400">Webhook secrets</dt>
        <dd data-testid="webhook-secrets">{c?.webhookSecrets.length ? c.webhookSecrets.map((s) => <code key={s} className="mr-2">{s}</code>) : 'none'}</dd>
        <dt className="text-gray-500 dark:text-gray-400">Webhook endpoint</dt>
        <dd>{c?.webhookEndpointId ?? 'created by you in the Stripe Dashboard'}</dd>
        <dt className="text-gray-500 dark:text-gray-400">Last event</dt>
        <dd data-testid="last-event">
          {integration.lastEvent
            ? `${integration.lastEvent.type} at ${integration.lastEvent.receivedAt.toISOString()}: ${integration.lastEvent.status}${integration.lastEvent.lastError ? ` (${integration.lastEvent.lastError})` : ''}`
            : 'none received yet'}
        </dd>
      </dl>
      <details className="text-sm">
        <summary className="cursor-pointer">Events to send to this endpoint (API version {integration.apiVersion})</summary>
        <p className="mt-2 font-mono text-xs">{integration.handledEvents.join(', ')}</p>
      </details>
      {integration.canManage ? (
        <div className="space-y-6">
          <StripeSettingsForm action={saveStripeSettingsAction.bind(null, projectId)} />
          {c?.secretKey && (
            <div className="space-y-2">
              <p className="text-sm">Zori can create the webhook endpoint on your Stripe account with your key and store its signing secret.</p>
              <StripeButtonAction action={createWebhookEndpointAction.bind(null, projectId)} label="Create webhook endpoint in Stripe" pendingLabel="Creating…" />
            </div>
          )}
          {c && c.webhookSecrets.length > 1 && (
            <StripeButtonAction action={dropOldWebhookSecretsAction.bind(null, projectId)} label="Finish secret roll (drop the older secret)" pendingLabel="Saving…" />
          )}
        </div>
      ) : (
        <p className="text-sm text-gray-500 dark:text-gray-400">Only owners and admins can change the Stripe set-up.</p>
      )}
    </section>
  );
}
