import Stripe from 'stripe';
import { publicUrl } from '@/lib/config/env';
import { open, seal } from '@/lib/crypto/secrets';
import { prisma } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { type PlatformConfig, platformConfig, platformStripe } from './config';
import { missingEventTypes, subscribeEndpoint } from '@/lib/stripe/endpoint-events';
import { HANDLED_EVENT_TYPES } from '@/lib/stripe/handlers';

/** What the platform's Connect endpoint subscribes to: the ingestion events plus revocations. */
export const CONNECT_EVENT_TYPES = [...HANDLED_EVENT_TYPES, 'account.application.deauthorized'];

// The platform's one Connect webhook endpoint (Stripe refuses endpoints on connected accounts, so
// every connected account's events come here, each naming its `account`). Zori registers it itself
// with the platform key, once per URL; Stripe shows the signing secret only at creation, so it is
// sealed and stored then. An endpoint for our URL that we hold no secret for is replaced.

export const CONNECT_WEBHOOK_PATH = '/webhooks/stripe/connect';

export function connectWebhookUrl(): string {
  return `${publicUrl()}${CONNECT_WEBHOOK_PATH}`;
}

export async function ensurePlatformWebhook(config: PlatformConfig = platformConfig(), url = connectWebhookUrl()): Promise<{ endpointId: string; created: boolean }> {
  const known = await prisma().stripePlatformWebhook.findUnique({ where: { url } });
  if (known) {
    // Registered by an earlier version: it also needs the event types Zori handles since.
    if (missingEventTypes(known.events, CONNECT_EVENT_TYPES).length) {
      await subscribeEndpoint(platformStripe(config), known.endpointId, CONNECT_EVENT_TYPES);
      await prisma().stripePlatformWebhook.update({ where: { url }, data: { events: [...new Set([...known.events, ...CONNECT_EVENT_TYPES])] } });
    }
    return { endpointId: known.endpointId, created: false };
  }
  const stripe = platformStripe(config);
  for await (const we of stripe.webhookEndpoints.list({ limit: 100 })) {
    if (we.url === url && we.metadata?.zori === 'connect') await stripe.webhookEndpoints.del(we.id);
  }
  const we = await stripe.webhookEndpoints.create({
    url,
    connect: true,
    enabled_events: [...CONNECT_EVENT_TYPES] as Stripe.WebhookEndpointCreateParams.EnabledEvent[],
    api_version: Stripe.API_VERSION as Stripe.WebhookEndpointCreateParams.ApiVersion,
    description: 'Zori: events of connected Stripe accounts',
    metadata: { zori: 'connect' },
  });
  try {
    await prisma().stripePlatformWebhook.create({ data: { url, endpointId: we.id, secret: seal(we.secret!), apiVersion: Stripe.API_VERSION, events: [...CONNECT_EVENT_TYPES] } });
    cache = null;
    return { endpointId: we.id, created: true };
  } catch (err) {
    // Another request registered it at the same moment: keep theirs, remove ours.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      await stripe.webhookEndpoints.del(we.id).catch(() => undefined);
      const winner = await prisma().stripePlatformWebhook.findUniqueOrThrow({ where: { url } });
      return { endpointId: winner.endpointId, created: false };
    }
    throw err;
  }
}

// The secrets are read and unsealed once a minute, not per event (the Connect endpoint is a hot path).
const CACHE_MS = 60_000;
/** A delivery that fails with cached secrets reloads them, but at most this often (forged floods stay cheap). */
const RELOAD_MIN_MS = 5_000;
let cache: { secrets: string[]; at: number } | null = null;

/** Every stored platform endpoint secret (more than one while the URL changes). */
export async function platformWebhookSecrets(opts: { reload?: boolean } = {}): Promise<string[]> {
  const age = cache ? Date.now() - cache.at : Infinity;
  if (cache && age < CACHE_MS && !(opts.reload && age >= RELOAD_MIN_MS)) return cache.secrets;
  const rows = await prisma().stripePlatformWebhook.findMany({ select: { secret: true } });
  const secrets = rows.map((r) => open(r.secret));
  // Nothing registered yet: do not remember that, the registration may be moments away.
  cache = secrets.length ? { secrets, at: Date.now() } : null;
  return secrets;
}
