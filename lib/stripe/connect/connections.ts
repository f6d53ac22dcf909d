import { authorizeProject, DomainError, NotFoundError, UnauthenticatedError, type Actor, type ProjectScope } from '@/lib/authz';
import { seal } from '@/lib/crypto/secrets';
import { pool, prisma } from '@/lib/db/client';
import { stripeClient } from '@/lib/stripe/client';
import { connectIntegration } from '@/lib/stripe/integrations/connect';
import { integrationFor, type OAuthTokens, type StripeOAuthIntegration } from '@/lib/stripe/integrations';
import type Stripe from 'stripe';

// A project's OAuth connection (Connect OAuth or the Zori Stripe App, alike): made from the tokens of
// a completed OAuth exchange, moved between projects on an admin's confirmation, closed by Disconnect
// or by the merchant revoking access (uninstalling the app). Revenue already recorded stays; only the
// connection changes.

export const MOVE_TTL_MS = 30 * 60 * 1000;

/** What the Integrations page may show: never a token or secret. */
export type ConnectionView =
  | { state: 'not_connected' }
  | {
      state: 'connected' | 'needs_attention';
      kind: 'connect' | 'app' | 'self_hosted';
      stripeAccountId: string | null;
      accountName: string | null;
      livemode: boolean;
      connectedBy: string | null;
      connectedAt: string;
      disconnectedAt: string | null;
      reason: string | null;
    };

export async function connectionView(scope: ProjectScope): Promise<ConnectionView> {
  const c = await prisma().stripeConnection.findUnique({ where: { projectId: scope.projectId } });
  if (!c) return { state: 'not_connected' };
  const by = c.connectedById ? await prisma().user.findUnique({ where: { id: c.connectedById }, select: { email: true, name: true } }) : null;
  return {
    state: c.status === 'active' ? 'connected' : 'needs_attention',
    kind: c.kind,
    stripeAccountId: c.stripeAccountId,
    accountName: c.accountName,
    livemode: c.livemode,
    connectedBy: by?.name ?? by?.email ?? null,
    connectedAt: c.connectedAt.toISOString(),
    disconnectedAt: c.disconnectedAt?.toISOString() ?? null,
    reason: c.statusReason,
  };
}

/** The account's name, read with the access the integration gives (the platform key, or the app's token). */
async function accountName(stripeAccount: string, integration: StripeOAuthIntegration, tokens: OAuthTokens): Promise<string | null> {
  try {
    const api: Stripe | null =
      integration.kind === 'app' ? stripeClient(tokens.accessToken) : await integration.apiClient({ id: '', stripeAccountId: stripeAccount });
    if (!api) return null;
    const a = await api.accounts.retrieveCurrent({}, integration.kind === 'connect' ? { stripeAccount } : {});
    return a.business_profile?.name ?? a.settings?.dashboard?.display_name ?? null;
  } catch (err) {
    console.warn(`[zori] could not read the name of Stripe account ${stripeAccount}:`, (err as Error).message);
    return null;
  }
}

export type ConnectOutcome = { kind: 'connected'; projectId: string } | { kind: 'needs_move'; projectId: string; moveId: string };

function connectionData(tokens: OAuthTokens, name: string | null, userId: string, kind: 'connect' | 'app') {
  return {
    kind,
    status: 'active' as const,
    statusReason: null,
    stripeAccountId: tokens.stripeUserId,
    accountName: name,
    livemode: tokens.livemode,
    secretKey: null,
    webhookSecrets: [],
    webhookEndpointId: null,
    accessToken: seal(tokens.accessToken),
    refreshToken: tokens.refreshToken ? seal(tokens.refreshToken) : null,
    accessTokenExpiresAt: tokens.accessTokenExpiresAt ?? null,
    tokensRefreshedAt: null,
    scope: tokens.scope,
    connectedById: userId,
    connectedAt: new Date(),
    disconnectedAt: null,
  };
}

/**
 * Stores the connection after a successful token exchange, for an actor who (still) manages the
 * project. If another project holds this Stripe account, the tokens wait in a pending move instead.
 */
export async function completeConnection(actor: Actor, projectId: string, tokens: OAuthTokens, integration: StripeOAuthIntegration = connectIntegration): Promise<ConnectOutcome> {
  if (actor.kind !== 'user') throw new UnauthenticatedError('Only a signed-in user can connect Stripe');
  const scope = await authorizeProject(actor, projectId, 'manage');
  const existing = await prisma().stripeConnection.findUnique({ where: { projectId } });
  if (existing?.kind === 'self_hosted' && existing.status === 'active') {
    throw new DomainError('This project is connected with its own Stripe secret key (self-hosted). Remove that connection before connecting over Stripe Connect.', 409);
  }
  const name = await accountName(tokens.stripeUserId, integration, tokens);
  // One Stripe account serves one project, however it was connected.
  const elsewhere = await prisma().stripeConnection.findFirst({
    where: { kind: { in: ['connect', 'app'] }, status: 'active', stripeAccountId: tokens.stripeUserId, livemode: tokens.livemode, projectId: { not: projectId } },
  });
  if (elsewhere) {
    const move = await prisma().stripeConnectPendingMove.create({
      data: {
        projectId,
        fromProjectId: elsewhere.projectId,
        userId: actor.userId,
        stripeAccountId: tokens.stripeUserId,
        accountName: name,
        livemode: tokens.livemode,
        scope: tokens.scope,
        kind: integration.kind,
        accessToken: seal(tokens.accessToken),
        refreshToken: tokens.refreshToken ? seal(tokens.refreshToken) : null,
        accessTokenExpiresAt: tokens.accessTokenExpiresAt ?? null,
        expiresAt: new Date(Date.now() + MOVE_TTL_MS),
      },
    });
    return { kind: 'needs_move', projectId, moveId: move.id };
  }
  // The project switches Stripe accounts: let go of the previous one on Stripe's side too.
  if ((existing?.kind === 'connect' || existing?.kind === 'app') && existing.status === 'active' && existing.stripeAccountId && existing.stripeAccountId !== tokens.stripeUserId) {
    await integrationFor(existing.kind)
      .revoke(existing.stripeAccountId)
      .catch((err) => console.warn('[zori] deauthorize of the previous account failed:', (err as Error).message));
  }
  const data = connectionData(tokens, name, actor.userId, integration.kind);
  await prisma().stripeConnection.upsert({ where: { projectId: scope.projectId }, create: { projectId: scope.projectId, ...data }, update: data });
  return { kind: 'connected', projectId };
}

/** What the page shows about a pending move: the other project's name only if the user can see it. */
export async function pendingMove(scope: ProjectScope, moveId: string) {
  const move = await prisma().stripeConnectPendingMove.findFirst({ where: { id: moveId, projectId: scope.projectId, expiresAt: { gt: new Date() } } });
  if (!move || scope.actor.kind !== 'user' || move.userId !== scope.actor.userId) return null;
  const from = await authorizeProject(scope.actor, move.fromProjectId, 'manage').catch(() => null);
  return { id: move.id, stripeAccountId: move.stripeAccountId, accountName: move.accountName, fromProjectName: from?.project.name ?? null, canMove: Boolean(from) };
}

/** Moves the Stripe account from the project holding it to this one; needs manage on both. */
export async function confirmMove(scope: ProjectScope, moveId: string): Promise<void> {
  const move = await prisma().stripeConnectPendingMove.findFirst({ where: { id: moveId, projectId: scope.projectId } });
  if (!move || scope.actor.kind !== 'user' || move.userId !== scope.actor.userId) throw new NotFoundError('This move request does not exist');
  if (move.expiresAt <= new Date()) throw new DomainError('This move request expired. Click Connect Stripe again.', 409);
  // Managing the project that holds the account is what allows taking it away from that project.
  await authorizeProject(scope.actor, move.fromProjectId, 'manage').catch(() => {
    throw new DomainError('This Stripe account is connected to a project you do not manage. Ask its admins to disconnect it first.', 409);
  });
  const data = {
    ...connectionData(
      { stripeUserId: move.stripeAccountId, accessToken: '', refreshToken: null, scope: move.scope, livemode: move.livemode, accessTokenExpiresAt: move.accessTokenExpiresAt },
      move.accountName,
      move.userId,
      move.kind === 'app' ? 'app' : 'connect',
    ),
    accessToken: move.accessToken,
    refreshToken: move.refreshToken,
  };
  await prisma().$transaction([
    prisma().stripeConnection.updateMany({
      where: { projectId: move.fromProjectId, stripeAccountId: move.stripeAccountId, status: 'active' },
      data: { status: 'revoked', statusReason: 'Moved to another project', disconnectedAt: new Date(), accessToken: null, refreshToken: null },
    }),
    prisma().stripeConnection.upsert({ where: { projectId: scope.projectId }, create: { projectId: scope.projectId, ...data }, update: data }),
    prisma().stripeConnectPendingMove.deleteMany({ where: { stripeAccountId: move.stripeAccountId } }),
  ]);
}

/**
 * Disconnect: Stripe forgets the grant where it offers that (Connect: POST /oauth/deauthorize; an app is
 * uninstalled from the merchant's Stripe Dashboard), Zori forgets the tokens and keeps the revenue recorded.
 */
export async function disconnect(scope: ProjectScope): Promise<void> {
  const c = await prisma().stripeConnection.findUnique({ where: { projectId: scope.projectId } });
  if (!c || (c.kind !== 'connect' && c.kind !== 'app') || c.status === 'revoked' || !c.stripeAccountId) throw new DomainError('This project has no Stripe connection to disconnect.', 409);
  if (c.status === 'active') await integrationFor(c.kind).revoke(c.stripeAccountId);
  const who = scope.actor.kind === 'user' ? await prisma().user.findUnique({ where: { id: scope.actor.userId }, select: { email: true } }) : null;
  await prisma().stripeConnection.update({
    where: { id: c.id },
    data: { status: 'revoked', statusReason: `Disconnected${who?.email ? ` by ${who.email}` : ''}`, disconnectedAt: new Date(), accessToken: null, refreshToken: null },
  });
}

/** account.application.deauthorized: the merchant revoked Zori's access (or uninstalled the app) from Stripe's side. */
export async function markDeauthorized(stripeAccount: string, livemode: boolean): Promise<number> {
  const closed = { disconnectedAt: new Date(), accessToken: null, refreshToken: null, accessTokenExpiresAt: null };
  const connect = await prisma().stripeConnection.updateMany({
    where: { kind: 'connect', status: { not: 'revoked' }, stripeAccountId: stripeAccount, livemode },
    data: { status: 'revoked', statusReason: 'Access was revoked from the Stripe dashboard', ...closed },
  });
  const app = await prisma().stripeConnection.updateMany({
    where: { kind: 'app', status: { not: 'revoked' }, stripeAccountId: stripeAccount, livemode },
    data: { status: 'revoked', statusReason: 'The Zori app was uninstalled from the Stripe dashboard', ...closed },
  });
  return connect.count + app.count;
}

/** The project an account's Connect events belong to, if it is connected and active (one indexed lookup per event: raw SQL on the hot path). */
export async function activeConnectionFor(stripeAccount: string, livemode: boolean): Promise<{ id: string; projectId: string } | null> {
  const { rows } = await pool().query<{ id: string; projectId: string }>(
    `SELECT id, "projectId" FROM "StripeConnection" WHERE "stripeAccountId" = $1 AND livemode = $2 AND kind IN ('connect', 'app') AND status IN ('active', 'error') LIMIT 1`,
    [stripeAccount, livemode],
  );
  return rows[0] ?? null;
}
