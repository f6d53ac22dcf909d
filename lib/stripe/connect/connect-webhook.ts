import type Stripe from 'stripe';
import { receiveVerifiedEvent } from '@/lib/stripe/webhooks/receive';
import { verifyStripeSignature } from '@/lib/stripe/webhooks/verify';
import { activeConnectionFor, markDeauthorized } from './connections';
import { platformWebhookSecrets } from './platform-webhook';

// Events on the platform's Connect endpoint: verified with the endpoint's secret (the SDK's
// constructEvent), then routed by `event.account` to the project that account is connected to.
// Events for accounts Zori does not know (or no longer serves) are acknowledged and ignored, so
// Stripe stops retrying them; only a bad signature is refused.

export type ConnectWebhookResult = { status: number; body: Record<string, unknown> };

function verify(rawBody: string, signature: string | undefined, secrets: string[]): Stripe.Event | null {
  if (secrets.length === 0) return null;
  const verified = verifyStripeSignature(rawBody, signature, secrets);
  return verified.ok ? verified.event : null;
}

export async function handleConnectWebhook(rawBody: string, signature: string | undefined): Promise<ConnectWebhookResult> {
  let secrets = await platformWebhookSecrets();
  let event = verify(rawBody, signature, secrets);
  if (!event) {
    // The endpoint may have been (re)registered by another process since the secrets were cached.
    secrets = await platformWebhookSecrets({ reload: true });
    event = verify(rawBody, signature, secrets);
  }
  if (secrets.length === 0) return { status: 503, body: { error: 'The Connect webhook endpoint is not registered yet' } };
  if (!event) return { status: 400, body: { error: 'Invalid signature' } };
  const account = event.account;
  if (!account) {
    console.info(`[zori] connect webhook: ${event.id} (${event.type}) names no account; ignored`);
    return { status: 200, body: { received: true, ignored: 'no account' } };
  }
  if (event.type === 'account.application.deauthorized') {
    const closed = await markDeauthorized(account, event.livemode);
    return { status: 200, body: { received: true, revoked: closed } };
  }
  const connection = await activeConnectionFor(account, event.livemode);
  if (!connection) {
    console.info(`[zori] connect webhook: ${event.id} (${event.type}) for ${event.livemode ? 'live' : 'test'} account ${account}, which no project has connected; ignored`);
    return { status: 200, body: { received: true, ignored: 'unknown account' } };
  }
  // The same inbox, handlers and ledger as self-hosted events.
  return receiveVerifiedEvent(connection.projectId, account, event, rawBody);
}
