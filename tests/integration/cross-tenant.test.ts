/**
 * Cross-tenant isolation: for every server action, route handler and tenant page in app/, the owner
 * of ANOTHER organization is answered NotFound (404, so ids leak nothing) and no row of the victim
 * tenant changes.
 *
 * How it cannot miss one: server actions, route handlers and pages are thin wrappers over named lib
 * operations. OPERATIONS below lists each of them with the lib call it wraps; the scan at the bottom
 * reads every 'use server' export, every route.ts method and every page/layout under a [orgId],
 * [projectId] or [token] segment in app/, and fails when one has no row or no longer calls the lib
 * function its row names.
 *
 * Adding a row is one line:
 *   { name: 'myAction', calls: 'myLibFunction', run: (attacker, victim) => myLibFunction(attacker, victim.project.id, { ... }) },
 * - name: the export name of a server action; 'GET app/api/v1/x/route.ts' for a route handler
 *   (run may return the Response: it must be a 404); 'page app/(app)/…/page.tsx' for a page or layout.
 * - victim: another tenant with a project, a member, a pending invitation and an API key (see Victim);
 *   `own` (third argument) is the attacker's tenant, for "my id here, your id there" attempts.
 * - refusedWith: only when a refusal other than NotFound is right (say why in `why`); an HTTP status
 *   when run returns a Response (every refusing Response must carry a JSON `{ error: { message } }`).
 * - prepare: fixtures that involve the attacker (made before the snapshot); run gets what it returns.
 * - exempt: 'reason' for an export that touches no existing tenant (e.g. creating your own org).
 * Public API rows call the real route handler with the attacker's credentials: an API key of
 * ANOTHER project, the victim's revoked key, or none. Session route handlers (Connect Stripe, CSV
 * export) run the actor-taking lib function they call, as the signed-in owner of another org. Stripe
 * is the local emulator, so a check that let the attacker through would really attach an account.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as breakdownGET } from '@/app/api/v1/projects/[projectId]/revenue/breakdown/route';
import { GET as channelsGET } from '@/app/api/v1/projects/[projectId]/revenue/channels/route';
import { GET as timeseriesGET } from '@/app/api/v1/projects/[projectId]/revenue/timeseries/route';
import { GET as paymentsGET } from '@/app/api/v1/projects/[projectId]/payments/route';
import { exportTableCsv } from '@/lib/analytics/export';
import { type Actor, authorizeProject, DomainError, NotFoundError, systemActor } from '@/lib/authz';
import { seal } from '@/lib/crypto/secrets';
import { pool, prisma } from '@/lib/db/client';
import { publicUrl } from '@/lib/config/env';
import { completeConnection } from '@/lib/stripe/connect/connections';
import { beginAppInstall, beginConnect, CALLBACK_PATH, finishAppInstall, finishConnect } from '@/lib/stripe/connect/flow';
import { appInstallUrl } from '@/lib/stripe/app/oauth-client';
import { authorizeUrl } from '@/lib/stripe/connect/oauth-client';
import { issueState, OAuthStateError } from '@/lib/stripe/connect/oauth-state';
import { disconnectProject, importProgress, moveConnectionHere, rerunImport } from '@/lib/stripe/connect/project-actions';
import { listRecentDeliveries, listRejectionCounts, listUnattributedPayments, rerunInboxEvent } from '@/lib/stripe/diagnostics';
import { createWebhookEndpoint, dropOldWebhookSecrets, getStripeIntegration, saveStripeSettings } from '@/lib/stripe/settings';
import { createApiKey, listApiKeys, revokeApiKey } from '@/lib/tenancy/api-keys';
import { acceptInvitation, createInvitation, describeInvitation, listInvitations, resendInvitation, revokeInvitation } from '@/lib/tenancy/invitations';
import { changeMemberRole, listMembers, removeMember } from '@/lib/tenancy/members';
import { getOrganization, renameOrganization } from '@/lib/tenancy/organizations';
import { createProject, deleteProject, getProject, listProjects, updateProject } from '@/lib/tenancy/projects';
import { reclassifyProjectChannels } from '@/lib/analytics/reclassify-channels';
import type { Emulator } from '@/stripe-emulator/server';
import { actorOf, makeTenant } from '../helpers/factories';
import { consent, install, startStripe } from '../helpers/stripe-emulator';

type Tenant = Awaited<ReturnType<typeof makeTenant>>;
type Victim = Tenant & {
  memberUserId: string;
  invitationId: string;
  invitationToken: string;
  apiKeyId: string;
  apiKey: string;
  revokedApiKey: string;
  /** The Stripe account connected (Connect, active) to the victim's project. */
  stripeAccountId: string;
  /** A pending move of another Stripe account into the victim's project, asked for by the victim's owner. */
  moveId: string;
};
type Prepared = Record<string, string>;

type Row = {
  name: string;
  calls: string;
  prepare?: (attacker: Actor & { kind: 'user' }, victim: Victim, own: Tenant) => Promise<Prepared>;
  run?: (attacker: Actor & { kind: 'user' }, victim: Victim, own: Tenant, prepared: Prepared) => Promise<unknown>;
  refusedWith?: (new (...args: never[]) => Error) | number;
  why?: string;
  exempt?: string;
};

// ---- Public API calls through the real route handlers.

type ApiHandler = (req: Request, ctx: { params: Promise<{ projectId: string }> }) => Promise<Response>;

function apiGet(handler: ApiHandler, projectId: string, path: string, key: string | null): Promise<Response> {
  const req = new Request(`http://zori.test/api/v1/projects/${projectId}/${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  return handler(req, { params: Promise.resolve({ projectId }) });
}

/** An API key of the attacker's own project: valid, just not for the victim's project. */
const ownKey = async (own: Tenant) => (await createApiKey(systemActor, own.project.id, { name: 'attacker key' })).key;

/** Three attackers per public API route: another project's key (404), the victim's revoked key and no key (401). */
function apiRows(file: string, calls: string, handler: ApiHandler, path: string): Row[] {
  const name = `GET app/api/v1/projects/[projectId]/${file}`;
  return [
    { name, calls, run: async (_a, v, own) => apiGet(handler, v.project.id, path, await ownKey(own)) },
    { name, calls, run: (_a, v) => apiGet(handler, v.project.id, path, v.revokedApiKey), refusedWith: 401, why: 'a revoked key authenticates no one' },
    { name, calls, run: (_a, v) => apiGet(handler, v.project.id, path, null), refusedWith: 401, why: 'no key, no caller' },
  ];
}

// ---- Connect Stripe: the OAuth callback as Stripe's redirect would deliver it (real consent on the emulator).

async function callbackQuery(state: string): Promise<Record<string, string>> {
  return consent(authorizeUrl({ state, redirectUri: `${publicUrl()}${CALLBACK_PATH}` }), 'allow', { name: 'Intruder Shop' });
}

/** The same for the Stripe App's install link. */
async function appCallbackQuery(state: string): Promise<Record<string, string>> {
  return install(appInstallUrl({ state, redirectUri: `${publicUrl()}/api/stripe/app/callback` }), 'allow', { name: 'Intruder Shop' });
}

export const OPERATIONS: Row[] = [
  // Organization projects page and its actions (app/(app)/orgs/[orgId]).
  { name: 'page app/(app)/orgs/[orgId]/layout.tsx', calls: 'getOrganization', run: (a, v) => getOrganization(a, v.org.id) },
  { name: 'page app/(app)/orgs/[orgId]/page.tsx', calls: 'listProjects', run: (a, v) => listProjects(a, v.org.id) },
  { name: 'createProjectAction', calls: 'createProject', run: (a, v) => createProject(a, v.org.id, { name: 'Hijack' }) },
  { name: 'renameProjectAction', calls: 'updateProject', run: (a, v) => updateProject(a, v.project.id, { name: 'Hijacked' }) },
  { name: 'deleteProjectAction', calls: 'deleteProject', run: (a, v) => deleteProject(a, v.project.id, v.project.name) },
  // Members and invitations (app/(app)/orgs/[orgId]/members).
  { name: 'page app/(app)/orgs/[orgId]/members/page.tsx', calls: 'listMembers', run: (a, v) => listMembers(a, v.org.id) },
  { name: 'page app/(app)/orgs/[orgId]/members/page.tsx', calls: 'listInvitations', run: (a, v) => listInvitations(a, v.org.id) },
  { name: 'changeMemberRoleAction', calls: 'changeMemberRole', run: (a, v) => changeMemberRole(a, v.org.id, { userId: v.memberUserId, role: 'owner' }) },
  { name: 'changeMemberRoleAction', calls: 'changeMemberRole', run: (a, v, own) => changeMemberRole(a, own.org.id, { userId: v.memberUserId, role: 'viewer' }) },
  { name: 'removeMemberAction', calls: 'removeMember', run: (a, v) => removeMember(a, v.org.id, { userId: v.memberUserId }) },
  { name: 'removeMemberAction', calls: 'removeMember', run: (a, v, own) => removeMember(a, own.org.id, { userId: v.memberUserId }) },
  { name: 'inviteMemberAction', calls: 'createInvitation', run: (a, v) => createInvitation(a, v.org.id, { email: 'intruder@example.test', role: 'admin' }) },
  { name: 'resendInvitationAction', calls: 'resendInvitation', run: (a, v) => resendInvitation(a, v.org.id, { invitationId: v.invitationId }) },
  { name: 'resendInvitationAction', calls: 'resendInvitation', run: (a, v, own) => resendInvitation(a, own.org.id, { invitationId: v.invitationId }) },
  { name: 'revokeInvitationAction', calls: 'revokeInvitation', run: (a, v) => revokeInvitation(a, v.org.id, { invitationId: v.invitationId }) },
  { name: 'revokeInvitationAction', calls: 'revokeInvitation', run: (a, v, own) => revokeInvitation(a, own.org.id, { invitationId: v.invitationId }) },
  // Organization settings (app/(app)/orgs/[orgId]/settings).
  { name: 'page app/(app)/orgs/[orgId]/settings/page.tsx', calls: 'getOrganization', run: (a, v) => getOrganization(a, v.org.id) },
  { name: 'renameOrganizationAction', calls: 'renameOrganization', run: (a, v) => renameOrganization(a, v.org.id, 'Hijacked') },
  { name: 'createOrganizationAction', calls: 'createOrganizationForUser', exempt: 'creates a new organization owned by the caller; reads or changes no existing tenant' },
  // Invitation links: the token is the secret. Even holding another tenant's token, a user who is not the invitee is refused.
  { name: 'page app/(app)/invitations/[token]/page.tsx', calls: 'describeInvitation', exempt: 'shows the token holder only the inviting org name and invited address; acceptance is tested below' },
  { name: 'acceptInvitationAction', calls: 'acceptInvitation', run: (a, v) => acceptInvitation(a, v.invitationToken), refusedWith: DomainError, why: 'the token holder is told to sign in with the invited address' },
  { name: 'acceptInvitationAction', calls: 'acceptInvitation', run: (a) => acceptInvitation(a, 'A'.repeat(40)) },
  // Project pages and settings (app/(app)/projects/[projectId]).
  { name: 'page app/(app)/projects/[projectId]/layout.tsx', calls: 'getProject', run: (a, v) => getProject(a, v.project.id) },
  { name: 'page app/(app)/projects/[projectId]/page.tsx', calls: 'authorizeProject', run: (a, v) => authorizeProject(a, v.project.id, 'read') },
  { name: 'page app/(app)/projects/[projectId]/payments/page.tsx', calls: 'authorizeProject', run: (a, v) => authorizeProject(a, v.project.id, 'read') },
  { name: 'GET app/(app)/projects/[projectId]/export/route.ts', calls: 'exportTableCsv', run: (a, v) => exportTableCsv(a, v.project.id, { table: 'payments' }) },
  { name: 'GET app/(app)/projects/[projectId]/export/route.ts', calls: 'exportTableCsv', run: (a, v) => exportTableCsv(a, v.project.id, { table: 'channel', period: 'all' }) },
  { name: 'page app/(app)/projects/[projectId]/settings/page.tsx', calls: 'getProject', run: (a, v) => getProject(a, v.project.id) },
  { name: 'page app/(app)/projects/[projectId]/settings/page.tsx', calls: 'listApiKeys', run: (a, v) => listApiKeys(a, v.project.id) },
  { name: 'updateProjectSettingsAction', calls: 'updateProject', run: (a, v) => updateProject(a, v.project.id, { domains: ['evil.example'], respectDoNotTrack: false }) },
  { name: 'reclassifyChannelsAction', calls: 'reclassifyProjectChannels', run: (a, v) => reclassifyProjectChannels(a, v.project.id) },
  { name: 'createApiKeyAction', calls: 'createApiKey', run: (a, v) => createApiKey(a, v.project.id, { name: 'stolen' }) },
  { name: 'revokeApiKeyAction', calls: 'revokeApiKey', run: (a, v) => revokeApiKey(a, v.project.id, { apiKeyId: v.apiKeyId }) },
  { name: 'revokeApiKeyAction', calls: 'revokeApiKey', run: (a, v, own) => revokeApiKey(a, own.project.id, { apiKeyId: v.apiKeyId }) },
  // Stripe integration and diagnostics (app/(app)/projects/[projectId]/settings/integrations, …/diagnostics).
  { name: 'page app/(app)/projects/[projectId]/settings/integrations/page.tsx', calls: 'getStripeIntegration', run: (a, v) => getStripeIntegration(a, v.project.id) },
  { name: 'saveStripeSettingsAction', calls: 'saveStripeSettings', run: (a, v) => saveStripeSettings(a, v.project.id, { webhookSecret: 'whsec_intruder0123456789' }) },
  { name: 'createWebhookEndpointAction', calls: 'createWebhookEndpoint', run: (a, v) => createWebhookEndpoint(a, v.project.id) },
  { name: 'dropOldWebhookSecretsAction', calls: 'dropOldWebhookSecrets', run: (a, v) => dropOldWebhookSecrets(a, v.project.id) },
  { name: 'page app/(app)/projects/[projectId]/diagnostics/page.tsx', calls: 'listRecentDeliveries', run: (a, v) => listRecentDeliveries(a, v.project.id) },
  { name: 'page app/(app)/projects/[projectId]/diagnostics/page.tsx', calls: 'listRejectionCounts', run: (a, v) => listRejectionCounts(a, v.project.id) },
  { name: 'page app/(app)/projects/[projectId]/diagnostics/page.tsx', calls: 'listUnattributedPayments', run: (a, v) => listUnattributedPayments(a, v.project.id) },
  { name: 'rerunEventAction', calls: 'rerunInboxEvent', run: (a, v) => rerunInboxEvent(a, v.project.id, 'evt_inbox_id') },
  // Public API (app/api/v1): the attacker holds an API key, not a session.
  ...apiRows('revenue/channels/route.ts', 'revenueByChannel', channelsGET, 'revenue/channels'),
  ...apiRows('revenue/breakdown/route.ts', 'revenueBreakdown', breakdownGET, 'revenue/breakdown?dimension=source'),
  ...apiRows('revenue/timeseries/route.ts', 'revenueTimeseries', timeseriesGET, 'revenue/timeseries'),
  ...apiRows('payments/route.ts', 'listPayments', paymentsGET, 'payments'),
  // Connect Stripe (app/api/stripe/connect/*).
  { name: 'GET app/api/stripe/connect/start/route.ts', calls: 'beginConnect', run: (a, v) => beginConnect(a, 'intruder@example.test', v.project.id) },
  {
    name: 'GET app/api/stripe/connect/callback/route.ts',
    calls: 'finishConnect',
    // The victim's owner started connecting; the attacker got hold of that state and completes consent with their own Stripe account.
    prepare: async (_a, v) => ({ state: await issueState({ userId: v.byRole.owner!.id, organizationId: v.org.id, projectId: v.project.id }) }),
    run: async (a, _v, _own, p) => finishConnect(a, await callbackQuery(p.state)),
    refusedWith: OAuthStateError,
    why: 'a state works only for the user who started the connection (OAuthStateError wrong_user, 400); it is not used up',
  },
  {
    name: 'GET app/api/stripe/connect/callback/route.ts',
    calls: 'finishConnect',
    // The attacker started connecting while an admin of the victim's org, was removed, then finishes with a real code.
    prepare: async (a, v) => ({ state: await issueState({ userId: a.userId, organizationId: v.org.id, projectId: v.project.id }) }),
    run: async (a, _v, _own, p) => finishConnect(a, await callbackQuery(p.state)),
  },
  // Install the Zori app (app/api/stripe/app/*): the same flow, with its own states.
  { name: 'GET app/api/stripe/app/start/route.ts', calls: 'beginAppInstall', run: (a, v) => beginAppInstall(a, 'intruder@example.test', v.project.id) },
  {
    name: 'GET app/api/stripe/app/callback/route.ts',
    calls: 'finishAppInstall',
    prepare: async (_a, v) => ({ state: await issueState({ userId: v.byRole.owner!.id, organizationId: v.org.id, projectId: v.project.id }, new Date(), 'app') }),
    run: async (a, _v, _own, p) => finishAppInstall(a, await appCallbackQuery(p.state)),
    refusedWith: OAuthStateError,
    why: 'a state works only for the user who started the install (OAuthStateError wrong_user, 400); it is not used up',
  },
  {
    name: 'GET app/api/stripe/app/callback/route.ts',
    calls: 'finishAppInstall',
    prepare: async (a, v) => ({ state: await issueState({ userId: a.userId, organizationId: v.org.id, projectId: v.project.id }, new Date(), 'app') }),
    run: async (a, _v, _own, p) => finishAppInstall(a, await appCallbackQuery(p.state)),
  },
  { name: 'POST app/api/stripe/connect/disconnect/route.ts', calls: 'disconnectProject', run: (a, v) => disconnectProject(a, v.project.id) },
  { name: 'POST app/api/stripe/connect/move/route.ts', calls: 'moveConnectionHere', run: (a, v) => moveConnectionHere(a, v.project.id, v.moveId) },
  { name: 'POST app/api/stripe/connect/move/route.ts', calls: 'moveConnectionHere', run: (a, v, own) => moveConnectionHere(a, own.project.id, v.moveId) },
  {
    name: 'POST app/api/stripe/connect/move/route.ts',
    calls: 'moveConnectionHere',
    // The attacker authorised the victim's Stripe account (e.g. as a user of that Stripe account) for their own project.
    prepare: async (a, v, own) => {
      const outcome = await completeConnection(a, own.project.id, { stripeUserId: v.stripeAccountId, accessToken: 'sk_test_intruder_grant', refreshToken: null, scope: 'read_only', livemode: false });
      if (outcome.kind !== 'needs_move') throw new Error('expected a pending move');
      return { moveId: outcome.moveId };
    },
    run: (a, _v, own, p) => moveConnectionHere(a, own.project.id, p.moveId),
    refusedWith: DomainError,
    why: 'the account stays with the project that holds it; the attacker is told to ask that project’s admins (409), nothing is moved',
  },
  { name: 'GET app/api/stripe/connect/import/route.ts', calls: 'importProgress', run: (a, v) => importProgress(a, v.project.id) },
  { name: 'POST app/api/stripe/connect/import/route.ts', calls: 'rerunImport', run: (a, v) => rerunImport(a, v.project.id) },
];

async function makeVictim(): Promise<Victim> {
  const tenant = await makeTenant(['owner', 'member']);
  const invited = await createInvitation(systemActor, tenant.org.id, { email: `pending-${tenant.org.id}@example.test`, role: 'member' });
  const key = await createApiKey(systemActor, tenant.project.id, { name: 'victim key' });
  const revoked = await createApiKey(systemActor, tenant.project.id, { name: 'old key' });
  await revokeApiKey(systemActor, tenant.project.id, { apiKeyId: revoked.id });
  // Stripe: the project is connected over Connect, and another of the org's projects holds an
  // account the owner asked to move here.
  const stripeAccountId = `acct_victim${tenant.project.id.slice(-8)}`;
  const connection = (account: string, projectId: string) => ({
    projectId, kind: 'connect' as const, status: 'active' as const, stripeAccountId: account, livemode: false, scope: 'read_only',
    accessToken: seal(`sk_test_grant_${account}`), connectedById: tenant.byRole.owner!.id,
  });
  await prisma().stripeConnection.create({ data: connection(stripeAccountId, tenant.project.id) });
  const second = await prisma().project.create({ data: { organizationId: tenant.org.id, name: 'Second', nameKey: `second-${tenant.project.id}`, publishableKey: `zpk_${tenant.project.id}` } });
  await prisma().stripeConnection.create({ data: connection(`${stripeAccountId}b`, second.id) });
  const move = await prisma().stripeConnectPendingMove.create({
    data: {
      projectId: tenant.project.id, fromProjectId: second.id, userId: tenant.byRole.owner!.id, stripeAccountId: `${stripeAccountId}b`, livemode: false,
      scope: 'read_only', accessToken: seal('sk_test_grant_moving'), expiresAt: new Date(Date.now() + 30 * 60_000),
    },
  });
  return {
    ...tenant,
    memberUserId: tenant.byRole.member!.id,
    invitationId: invited.invitation.id,
    invitationToken: invited.url.split('/invitations/')[1],
    apiKeyId: key.id,
    apiKey: key.key,
    revokedApiKey: revoked.key,
    stripeAccountId,
    moveId: move.id,
  };
}

/** Tables whose rows belong to the user named in a column, not to the project they point at: an attacker's own OAuth state for the victim's project (issued while they were an admin there) is theirs to use up. */
const OWNED_BY_USER: Record<string, string> = { StripeOAuthState: 'userId' };

/** Every row of the victim tenant, in every table that carries an organization or project id (new tables included). */
async function snapshot(v: Victim): Promise<Record<string, unknown[]>> {
  const { rows: tables } = await pool().query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name IN ('organizationId', 'projectId') ORDER BY table_name, column_name`,
  );
  const projectIds = (await pool().query<{ id: string }>('SELECT id FROM "Project" WHERE "organizationId" = $1', [v.org.id])).rows.map((r) => r.id);
  const out: Record<string, unknown[]> = {};
  const select = async (key: string, sql: string, params: unknown[]) => {
    out[key] = (await pool().query(`SELECT to_jsonb(t) AS row FROM (${sql}) t ORDER BY 1`, params)).rows.map((r) => r.row);
  };
  await select('Organization', 'SELECT * FROM "Organization" WHERE id = $1', [v.org.id]);
  await select('Project', 'SELECT * FROM "Project" WHERE "organizationId" = $1 OR id = ANY($2)', [v.org.id, [v.project.id]]);
  await select('User', 'SELECT * FROM "User" WHERE id = ANY($1)', [v.users.map((u) => u.id)]);
  const victimUserIds = v.users.map((u) => u.id);
  for (const { table_name, column_name } of tables) {
    const ids = column_name === 'organizationId' ? [v.org.id] : [...projectIds, v.project.id];
    const owner = OWNED_BY_USER[table_name];
    const sql = `SELECT * FROM "${table_name}" WHERE "${column_name}" = ANY($1)${owner ? ` AND "${owner}" = ANY($2)` : ''}`;
    await select(`${table_name}.${column_name}`, sql, owner ? [ids, victimUserIds] : [ids]);
  }
  return out;
}

let stripe: Emulator;
const savedEnv = { ...process.env };
beforeAll(async () => {
  stripe = await startStripe();
});
afterAll(async () => {
  await stripe?.close();
  for (const k of ['STRIPE_API_BASE', 'STRIPE_CONNECT_BASE', 'STRIPE_PLATFORM_SECRET_KEY', 'STRIPE_CONNECT_CLIENT_ID']) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
});

describe('another organization cannot read or change a tenant', () => {
  const runnable = OPERATIONS.filter((r) => r.run);
  it.each(runnable.map((r, i) => [`${r.name} → ${r.calls} #${i}`, r] as const))('%s', async (_, row) => {
    const victim = await makeVictim();
    const own = await makeTenant(['owner']);
    const attacker = actorOf(own.byRole.owner!) as Actor & { kind: 'user' };
    const prepared = row.prepare ? await row.prepare(attacker, victim, own) : {};
    const before = await snapshot(victim);
    let outcome: unknown;
    try {
      outcome = await row.run!(attacker, victim, own, prepared);
    } catch (err) {
      outcome = err;
    }
    if (outcome instanceof Response) {
      expect(outcome.status, row.why).toBe(typeof row.refusedWith === 'number' ? row.refusedWith : 404);
      expect(outcome.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await outcome.json()).toEqual({ error: { message: expect.any(String) } });
    } else {
      expect(typeof row.refusedWith, `${row.name}: an HTTP status is for rows that return a Response`).not.toBe('number');
      expect(outcome, row.why).toBeInstanceOf((row.refusedWith as Exclude<Row['refusedWith'], number>) ?? NotFoundError);
    }
    expect(await snapshot(victim)).toEqual(before);
  });
});

// ---- The scan: every entry point in app/ must have a row, and each row must still match its code.

const root = path.resolve(import.meta.dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const appFiles = filesUnder(path.join(root, 'app')).map((f) => ({ rel: path.relative(root, f).split(path.sep).join('/'), text: readFileSync(f, 'utf8') }));

/** Route handlers that touch no tenant data. */
const ROUTES_WITHOUT_TENANT_DATA = ['app/api/auth/[...nextauth]/route.ts', 'app/api/v1/openapi.json/route.ts'];

function exportBody(text: string, name: string): string | undefined {
  const start = text.search(new RegExp(`export\\s+(async\\s+)?(function\\s+${name}\\b|const\\s+${name}\\b)`));
  if (start < 0) return undefined;
  const next = text.slice(start + 1).search(/\nexport\s/);
  return next < 0 ? text.slice(start) : text.slice(start, start + 1 + next);
}

type EntryPoint = { name: string; rel: string; body: string };

function entryPoints(): EntryPoint[] {
  const found: EntryPoint[] = [];
  for (const { rel, text } of appFiles) {
    if (/^\s*['"]use server['"]/.test(text)) {
      for (const m of text.matchAll(/export\s+(?:async\s+function|const|function)\s+(\w+)/g)) found.push({ name: m[1], rel, body: exportBody(text, m[1])! });
    }
    if (/\/route\.tsx?$/.test(rel) && !ROUTES_WITHOUT_TENANT_DATA.includes(rel)) {
      for (const m of text.matchAll(/export\s+(?:async\s+function|function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) found.push({ name: `${m[1]} ${rel}`, rel, body: exportBody(text, m[1])! });
    }
    if (/\/(page|layout)\.tsx$/.test(rel) && /\[(orgId|projectId|token)\]/.test(rel)) found.push({ name: `page ${rel}`, rel, body: text });
  }
  return found;
}

describe('the cross-tenant table covers every entry point', () => {
  const points = entryPoints();

  it('finds the entry points (the scan itself works)', () => {
    expect(points.map((p) => p.name)).toEqual(expect.arrayContaining(['createProjectAction', 'page app/(app)/projects/[projectId]/settings/page.tsx']));
  });

  it('has no inline "use server" functions (they would escape the scan)', () => {
    const inline = appFiles.filter(({ text }) => /['"]use server['"]/.test(text) && !/^\s*['"]use server['"]/.test(text)).map((f) => f.rel);
    expect(inline).toEqual([]);
  });

  it('gives every server action a unique name', () => {
    const actions = points.filter((p) => !p.name.includes(' ')).map((p) => p.name);
    expect(actions.filter((n, i) => actions.indexOf(n) !== i)).toEqual([]);
  });

  it('has a row for every server action, route handler and tenant page', () => {
    const covered = new Set(OPERATIONS.map((r) => r.name));
    expect(points.filter((p) => !covered.has(p.name)).map((p) => `${p.name} (${p.rel})`)).toEqual([]);
  });

  it('has no stale rows, and each entry point still calls the lib operation its row names', () => {
    const byName = new Map(points.map((p) => [p.name, p]));
    const problems = OPERATIONS.flatMap((row) => {
      const point = byName.get(row.name);
      if (!point) return [`${row.name}: no such entry point in app/`];
      return point.body.includes(`${row.calls}(`) ? [] : [`${row.name} (${point.rel}) does not call ${row.calls}()`];
    });
    expect(problems).toEqual([]);
  });

  it('runs every row that is not exempt, and says why for the exempt ones', () => {
    for (const row of OPERATIONS) expect(row.run || row.exempt, row.name).toBeTruthy();
    for (const row of OPERATIONS) if (row.refusedWith) expect(row.why, row.name).toBeTruthy();
  });
});
