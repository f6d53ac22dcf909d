import Stripe from 'stripe';
import { type Actor, authorizeProject, DomainError } from '@/lib/authz';
import { publicUrl } from '@/lib/config/env';
import { maskSecret, open, seal } from '@/lib/crypto/secrets';
import { prisma } from '@/lib/db/client';
import { STRIPE_API_VERSION, stripeClient } from '@/lib/stripe/client';
import { forgetWebhookTarget } from '@/lib/stripe/connection';
import { HANDLED_EVENT_TYPES } from '@/lib/stripe/handlers';
import { adoptUnverifiedRows } from '@/lib/stripe/ledger/verified-account';
import { stripeSettingsSchema } from '@/lib/zod/stripe';

// Self-hosted Stripe set-up (Settings > Integrations and `zori stripe set`): the merchant's own
// secret key (checked against Stripe before it is saved) and webhook signing secrets, or a webhook
// endpoint Zori creates on the merchant's account. Secrets are sealed at rest and only ever shown masked.

/** How many webhook secrets stay valid at once: the newest and the one it replaces (a roll in progress). */
const KEPT_WEBHOOK_SECRETS = 2;

export function webhookUrl(projectId: string): string {
  return `${publicUrl()}/webhooks/stripe/${projectId}`;
}

/** Turns Stripe's answer to a key into a message the person pasting it can act on. */
function keyProblem(err: unknown): DomainError {
  if (err instanceof Stripe.errors.StripeAuthenticationError) {
    // Stripe's own words come too: they say which key it saw (masked) and, from a local emulator, which keys it takes.
    return new DomainError(`Stripe rejected this key (revoked, mistyped, or from another account). Stripe said: ${err.message}`, 400, 'secretKey');
  }
  if (err instanceof Stripe.errors.StripePermissionError) {
    return new DomainError('This restricted key cannot read the account: give it at least "Account: read" and "Charges, Customers, Balance: read".', 400, 'secretKey');
  }
  if (err instanceof Stripe.errors.StripeConnectionError || err instanceof Stripe.errors.StripeAPIError) {
    return new DomainError('Could not reach Stripe to check the key; nothing was saved. Try again, or check this server can reach api.stripe.com (or STRIPE_API_BASE).', 400, 'secretKey');
  }
  if (err instanceof Stripe.errors.StripeError) return new DomainError(`Stripe refused the key: ${err.message}`, 400, 'secretKey');
  return new DomainError('Could not check the key with Stripe; nothing was saved.', 400, 'secretKey');
}

/** GET /v1/account with the key: proves it works and names the account. */
export async function checkSecretKey(key: string): Promise<{ accountId: string; accountName: string | null; livemode: boolean }> {
  try {
    const account = await stripeClient(key).accounts.retrieveCurrent();
    return {
      accountId: account.id,
      accountName: account.settings?.dashboard?.display_name ?? account.business_profile?.name ?? null,
      livemode: /^(sk|rk)_live_/.test(key),
    };
  } catch (err) {
    throw keyProblem(err);
  }
}

export type StripeIntegration = Awaited<ReturnType<typeof getStripeIntegration>>;

export async function getStripeIntegration(actor: Actor, projectId: string) {
  const scope = await authorizeProject(actor, projectId, 'read');
  const connection = await prisma().stripeConnection.findUnique({ where: { projectId } });
  const lastEvent = await prisma().stripeEvent.findFirst({
    where: { projectId },
    orderBy: { receivedAt: 'desc' },
    select: { type: true, receivedAt: true, status: true, lastError: true, livemode: true },
  });
  const masked = (sealed: string) => {
    try {
      return maskSecret(open(sealed));
    } catch {
      return '(unreadable: encryption key changed)';
    }
  };
  return {
    canManage: scope.role === 'owner' || scope.role === 'admin',
    webhookUrl: webhookUrl(projectId),
    handledEvents: HANDLED_EVENT_TYPES,
    apiVersion: STRIPE_API_VERSION,
    lastEvent,
    connection: connection && {
      kind: connection.kind,
      status: connection.status,
      statusReason: connection.statusReason,
      stripeAccountId: connection.stripeAccountId,
      accountName: connection.accountName,
      livemode: connection.livemode,
      secretKey: connection.secretKey ? masked(connection.secretKey) : null,
      webhookSecrets: connection.webhookSecrets.map(masked),
      webhookEndpointId: connection.webhookEndpointId,
    },
  };
}

async function selfHostedConnection(projectId: string) {
  const existing = await prisma().stripeConnection.findUnique({ where: { projectId } });
  if (existing?.kind === 'connect' && existing.status === 'active') {
    throw new DomainError('This project is connected through Stripe Connect; disconnect it before pasting keys.', 409);
  }
  return existing;
}

/** Saves a secret key (checked with Stripe first) and/or a webhook secret (the previous one stays valid during a roll). */
export async function saveStripeSettings(actor: Actor, projectId: string, input: unknown) {
  const scope = await authorizeProject(actor, projectId, 'manage');
  const data = stripeSettingsSchema.parse(input);
  const existing = await selfHostedConnection(projectId);
  const account = data.secretKey ? await checkSecretKey(data.secretKey) : null;
  const secrets = existing?.kind === 'self_hosted' ? existing.webhookSecrets : [];
  const webhookSecrets = data.webhookSecret
    ? [seal(data.webhookSecret), ...secrets.filter((s) => open(s) !== data.webhookSecret)].slice(0, KEPT_WEBHOOK_SECRETS)
    : secrets;
  const fields = {
    kind: 'self_hosted' as const,
    status: 'active' as const,
    statusReason: null,
    webhookSecrets,
    ...(account && {
      secretKey: seal(data.secretKey as string),
      stripeAccountId: account.accountId,
      accountName: account.accountName,
      livemode: account.livemode,
    }),
    connectedById: actor.kind === 'user' ? actor.userId : null,
    accessToken: null,
    refreshToken: null,
  };
  await prisma().stripeConnection.upsert({ where: { projectId: scope.projectId }, create: { projectId, ...fields }, update: fields });
  forgetWebhookTarget(projectId);
  // Events received before the key was saved were kept under no account: they are this account's.
  if (account) await adoptUnverifiedRows(projectId, account.accountId);
  return getStripeIntegration(actor, projectId);
}

/**
 * Creates the webhook endpoint on the merchant's own account with the stored key (URL, the events
 * Zori handles, the pinned API version) and stores the signing secret Stripe returns (only on creation).
 */
export async function createWebhookEndpoint(actor: Actor, projectId: string) {
  await authorizeProject(actor, projectId, 'manage');
  const connection = await selfHostedConnection(projectId);
  if (!connection?.secretKey) throw new DomainError('Save a secret key first: Zori uses it to create the endpoint.', 400, 'secretKey');
  const url = webhookUrl(projectId);
  let endpoint: Stripe.WebhookEndpoint;
  try {
    endpoint = await stripeClient(open(connection.secretKey)).webhookEndpoints.create({
      url,
      enabled_events: HANDLED_EVENT_TYPES as Stripe.WebhookEndpointCreateParams.EnabledEvent[],
      api_version: STRIPE_API_VERSION as Stripe.WebhookEndpointCreateParams.ApiVersion,
      description: 'Zori revenue attribution',
      metadata: { zori_project_id: projectId },
    });
  } catch (err) {
    if (err instanceof Stripe.errors.StripePermissionError) {
      throw new DomainError('This key may not create webhook endpoints (a restricted key needs "Webhook Endpoints: write"). Create the endpoint in the Stripe Dashboard and paste its signing secret instead.', 400);
    }
    if (err instanceof Stripe.errors.StripeInvalidRequestError) throw new DomainError(`Stripe refused the endpoint: ${err.message}`, 400);
    throw keyProblem(err);
  }
  if (!endpoint.secret) throw new DomainError('Stripe created the endpoint but returned no signing secret; paste it from the Dashboard.', 400);
  await prisma().stripeConnection.update({
    where: { projectId },
    data: { webhookEndpointId: endpoint.id, webhookSecrets: [seal(endpoint.secret), ...connection.webhookSecrets].slice(0, KEPT_WEBHOOK_SECRETS) },
  });
  forgetWebhookTarget(projectId);
  return { endpointId: endpoint.id, url };
}

/** Ends a secret roll: only the newest webhook secret stays valid. */
export async function dropOldWebhookSecrets(actor: Actor, projectId: string) {
  await authorizeProject(actor, projectId, 'manage');
  const connection = await prisma().stripeConnection.findUnique({ where: { projectId } });
  if (!connection || connection.webhookSecrets.length <= 1) return;
  await prisma().stripeConnection.update({ where: { projectId }, data: { webhookSecrets: connection.webhookSecrets.slice(0, 1) } });
  forgetWebhookTarget(projectId);
}
