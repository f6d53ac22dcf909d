import { authorizeProject, UnauthenticatedError, type Actor } from '@/lib/authz';
import { publicUrl } from '@/lib/config/env';
import { connectConfig } from './config';
import { completeConnection } from './connections';
import { runImport, startImport } from './history-import';
import { authorizeUrl, ConnectOAuthError, exchangeCode } from './oauth-client';
import { consumeState, issueState, pruneStates } from './oauth-state';
import { ensurePlatformWebhook } from './platform-webhook';

// The two legs of "Connect Stripe": start (state + Stripe's authorize URL) and callback (check the
// state, exchange the code, store the connection, make sure the platform endpoint exists, start
// the history import). Route handlers only parse, call these, and redirect.

export const CALLBACK_PATH = '/api/stripe/connect/callback';

export const integrationsPath = (projectId: string) => `/projects/${projectId}/settings/integrations`;

export async function beginConnect(actor: Actor, email: string | null | undefined, projectId: string): Promise<string> {
  const config = connectConfig();
  if (actor.kind !== 'user') throw new UnauthenticatedError('Only a signed-in user can connect Stripe');
  const scope = await authorizeProject(actor, projectId, 'manage');
  await pruneStates();
  const state = await issueState({ userId: actor.userId, organizationId: scope.organizationId, projectId: scope.projectId });
  return authorizeUrl({ state, redirectUri: `${publicUrl()}${CALLBACK_PATH}`, email }, config);
}

export type CallbackQuery = { state?: string; code?: string; error?: string; error_description?: string };

/** Where the callback sends the browser: the project's Integrations page with what happened. */
export async function finishConnect(actor: Actor, query: CallbackQuery): Promise<string> {
  if (actor.kind !== 'user') throw new UnauthenticatedError('Only a signed-in user can connect Stripe');
  // The state first, even for a denial: it says which project to go back to, and is used up either way.
  const binding = await consumeState(query.state, actor.userId);
  const back = (params: Record<string, string>) => `${integrationsPath(binding.projectId)}?${new URLSearchParams(params)}`;
  await authorizeProject(actor, binding.projectId, 'manage');
  if (query.error === 'access_denied') return back({ stripe: 'denied' });
  if (query.error) return back({ stripe: 'error', code: query.error });
  if (!query.code) return back({ stripe: 'error', code: 'invalid_request' });
  try {
    const tokens = await exchangeCode(query.code);
    const outcome = await completeConnection(actor, binding.projectId, tokens);
    if (outcome.kind === 'needs_move') return back({ stripe: 'move', move: outcome.moveId });
  } catch (err) {
    if (err instanceof ConnectOAuthError) return back({ stripe: 'error', code: err.oauthCode });
    throw err;
  }
  await afterConnect(actor, binding.projectId);
  return back({ stripe: 'connected' });
}

/** Registers the platform endpoint if needed and starts the history import; neither undoes the connection. */
export async function afterConnect(actor: Actor, projectId: string): Promise<void> {
  await ensurePlatformWebhook().catch((err) => console.error('[zori] registering the Connect webhook endpoint failed:', (err as Error).message));
  const scope = await authorizeProject(actor, projectId, 'manage');
  const job = await startImport(scope);
  void runImport(job.id);
}
