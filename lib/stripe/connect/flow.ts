import { authorizeProject, DomainError, UnauthenticatedError, type Actor } from '@/lib/authz';
import { publicUrl } from '@/lib/config/env';
import { connectIntegration } from '@/lib/stripe/integrations/connect';
import { appIntegration } from '@/lib/stripe/integrations/stripe-app';
import type { StripeOAuthIntegration } from '@/lib/stripe/integrations/types';
import { completeConnection } from './connections';
import { runImport, startImport } from './history-import';
import { ConnectOAuthError } from './oauth-client';
import { consumeState, issueState, pruneStates } from './oauth-state';
import { ensurePlatformWebhook } from './platform-webhook';

// The two legs of connecting a Stripe account over OAuth, the same for every integration ("Connect
// Stripe" and "Install the Zori app"): start (state + Stripe's authorize or install URL) and callback
// (check the state, exchange the code, store the connection, make sure the platform endpoint exists,
// start the history import). Route handlers only parse, call these, and redirect.

export const CALLBACK_PATH = connectIntegration.callbackPath;

export const integrationsPath = (projectId: string) => `/projects/${projectId}/settings/integrations`;

export async function beginInstall(integration: StripeOAuthIntegration, actor: Actor, email: string | null | undefined, projectId: string): Promise<string> {
  if (!integration.enabled()) throw new DomainError(`${integration.actionLabel} is not configured on this Zori.`, 409);
  if (actor.kind !== 'user') throw new UnauthenticatedError('Only a signed-in user can connect Stripe');
  const scope = await authorizeProject(actor, projectId, 'manage');
  await pruneStates();
  const state = await issueState({ userId: actor.userId, organizationId: scope.organizationId, projectId: scope.projectId }, new Date(), integration.kind);
  return integration.authorizeUrl({ state, redirectUri: `${publicUrl()}${integration.callbackPath}`, email });
}

export type CallbackQuery = { state?: string; code?: string; error?: string; error_description?: string };

/** Where the callback sends the browser: the project's Integrations page with what happened. */
export async function finishInstall(integration: StripeOAuthIntegration, actor: Actor, query: CallbackQuery): Promise<string> {
  if (actor.kind !== 'user') throw new UnauthenticatedError('Only a signed-in user can connect Stripe');
  // The state first, even for a denial: it says which project to go back to, and is used up either way.
  const binding = await consumeState(query.state, actor.userId, new Date(), integration.kind);
  // `via=app` lets the page word its notice for the app; Connect's links stay as they were.
  const back = (params: Record<string, string>) =>
    `${integrationsPath(binding.projectId)}?${new URLSearchParams({ ...params, ...(integration.kind === 'app' && { via: 'app' }) })}`;
  await authorizeProject(actor, binding.projectId, 'manage');
  if (query.error === 'access_denied') return back({ stripe: 'denied' });
  if (query.error) return back({ stripe: 'error', code: query.error });
  if (!query.code) return back({ stripe: 'error', code: 'invalid_request' });
  try {
    const tokens = await integration.exchangeCode(query.code);
    const outcome = await completeConnection(actor, binding.projectId, tokens, integration);
    if (outcome.kind === 'needs_move') return back({ stripe: 'move', move: outcome.moveId });
  } catch (err) {
    if (err instanceof ConnectOAuthError) return back({ stripe: 'error', code: err.oauthCode });
    throw err;
  }
  await afterConnect(actor, binding.projectId);
  return back({ stripe: 'connected' });
}

/** Connect OAuth's legs (the routes under /api/stripe/connect). */
export const beginConnect = (actor: Actor, email: string | null | undefined, projectId: string) => beginInstall(connectIntegration, actor, email, projectId);
export const finishConnect = (actor: Actor, query: CallbackQuery) => finishInstall(connectIntegration, actor, query);

/** The Stripe App install link's legs (the routes under /api/stripe/app). */
export const beginAppInstall = (actor: Actor, email: string | null | undefined, projectId: string) => beginInstall(appIntegration, actor, email, projectId);
export const finishAppInstall = (actor: Actor, query: CallbackQuery) => finishInstall(appIntegration, actor, query);

/** Registers the platform endpoint if needed and starts the history import; neither undoes the connection. */
export async function afterConnect(actor: Actor, projectId: string): Promise<void> {
  await ensurePlatformWebhook().catch((err) => console.error('[zori] registering the Connect webhook endpoint failed:', (err as Error).message));
  const scope = await authorizeProject(actor, projectId, 'manage');
  const job = await startImport(scope);
  void runImport(job.id);
}
