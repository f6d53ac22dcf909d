import type Stripe from 'stripe';
import { open } from '@/lib/crypto/secrets';
import { prisma } from '@/lib/db/client';
import { stripeClient } from '@/lib/stripe/client';
import { HANDLED_EVENT_TYPES } from '@/lib/stripe/handlers';

// Webhook endpoints Zori registered keep the event types they were created with. When Zori starts
// handling a new type (charge.captured, charge.expired, …), the endpoints it created itself on
// self-hosted merchants' accounts are brought up to date here, at start, so those events arrive.
// (The Connect platform endpoint is updated by ensurePlatformWebhook.)

/** The event types an endpoint lacks, or none when it already takes everything (`*`). */
export function missingEventTypes(enabled: string[], wanted: readonly string[]): string[] {
  if (enabled.includes('*')) return [];
  return wanted.filter((t) => !enabled.includes(t));
}

/** Adds the handled event types to one endpoint when it lacks some; returns the types added. */
export async function subscribeEndpoint(stripe: Stripe, endpointId: string, wanted: readonly string[]): Promise<string[]> {
  const endpoint = await stripe.webhookEndpoints.retrieve(endpointId);
  const missing = missingEventTypes(endpoint.enabled_events, wanted);
  if (missing.length) {
    await stripe.webhookEndpoints.update(endpointId, { enabled_events: [...endpoint.enabled_events, ...missing] as Stripe.WebhookEndpointUpdateParams.EnabledEvent[] });
  }
  return missing;
}

/** Every active self-hosted endpoint Zori created (it holds the key it created it with). Errors are logged, never thrown. */
export async function syncSelfHostedEndpointEvents(log: (msg: string) => void = console.log): Promise<void> {
  const connections = await prisma().stripeConnection.findMany({
    where: { kind: 'self_hosted', status: 'active', webhookEndpointId: { not: null }, secretKey: { not: null } },
    select: { projectId: true, webhookEndpointId: true, secretKey: true },
  });
  for (const c of connections) {
    try {
      const added = await subscribeEndpoint(stripeClient(open(c.secretKey!)), c.webhookEndpointId!, HANDLED_EVENT_TYPES);
      if (added.length) log(`[zori] Stripe webhook endpoint ${c.webhookEndpointId} of project ${c.projectId} now also sends ${added.join(', ')}`);
    } catch (err) {
      console.warn(`[zori] could not update the event types of Stripe webhook endpoint ${c.webhookEndpointId} (project ${c.projectId}): ${(err as Error).message}`);
    }
  }
}
