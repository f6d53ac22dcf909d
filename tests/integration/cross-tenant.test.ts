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
 * - refusedWith: only when a refusal other than NotFound is right (say why in `why`).
 * - exempt: 'reason' for an export that touches no existing tenant (e.g. creating your own org).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Actor, DomainError, NotFoundError, systemActor } from '@/lib/authz';
import { pool } from '@/lib/db/client';
import { listRecentDeliveries, listRejectionCounts, listUnattributedPayments, rerunInboxEvent } from '@/lib/stripe/diagnostics';
import { createWebhookEndpoint, dropOldWebhookSecrets, getStripeIntegration, saveStripeSettings } from '@/lib/stripe/settings';
import { createApiKey, listApiKeys, revokeApiKey } from '@/lib/tenancy/api-keys';
import { acceptInvitation, createInvitation, describeInvitation, listInvitations, resendInvitation, revokeInvitation } from '@/lib/tenancy/invitations';
import { changeMemberRole, listMembers, removeMember } from '@/lib/tenancy/members';
import { getOrganization, renameOrganization } from '@/lib/tenancy/organizations';
import { createProject, deleteProject, getProject, listProjects, updateProject } from '@/lib/tenancy/projects';
import { actorOf, makeTenant } from '../helpers/factories';

type Tenant = Awaited<ReturnType<typeof makeTenant>>;
type Victim = Tenant & { memberUserId: string; invitationId: string; invitationToken: string; apiKeyId: string; apiKey: string };

type Row = {
  name: string;
  calls: string;
  run?: (attacker: Actor, victim: Victim, own: Tenant) => Promise<unknown>;
  refusedWith?: new (...args: never[]) => Error;
  why?: string;
  exempt?: string;
};

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
  { name: 'page app/(app)/projects/[projectId]/page.tsx', calls: 'getProject', run: (a, v) => getProject(a, v.project.id) },
  { name: 'page app/(app)/projects/[projectId]/settings/page.tsx', calls: 'getProject', run: (a, v) => getProject(a, v.project.id) },
  { name: 'page app/(app)/projects/[projectId]/settings/page.tsx', calls: 'listApiKeys', run: (a, v) => listApiKeys(a, v.project.id) },
  { name: 'updateProjectSettingsAction', calls: 'updateProject', run: (a, v) => updateProject(a, v.project.id, { domains: ['evil.example'], respectDoNotTrack: false }) },
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
];

async function makeVictim(): Promise<Victim> {
  const tenant = await makeTenant(['owner', 'member']);
  const invited = await createInvitation(systemActor, tenant.org.id, { email: `pending-${tenant.org.id}@example.test`, role: 'member' });
  const key = await createApiKey(systemActor, tenant.project.id, { name: 'victim key' });
  return {
    ...tenant,
    memberUserId: tenant.byRole.member!.id,
    invitationId: invited.invitation.id,
    invitationToken: invited.url.split('/invitations/')[1],
    apiKeyId: key.id,
    apiKey: key.key,
  };
}

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
  for (const { table_name, column_name } of tables) {
    const ids = column_name === 'organizationId' ? [v.org.id] : [...projectIds, v.project.id];
    await select(`${table_name}.${column_name}`, `SELECT * FROM "${table_name}" WHERE "${column_name}" = ANY($1)`, [ids]);
  }
  return out;
}

describe('another organization cannot read or change a tenant', () => {
  const runnable = OPERATIONS.filter((r) => r.run);
  it.each(runnable.map((r, i) => [`${r.name} → ${r.calls} #${i}`, r] as const))('%s', async (_, row) => {
    const victim = await makeVictim();
    const own = await makeTenant(['owner']);
    const attacker = actorOf(own.byRole.owner!);
    const before = await snapshot(victim);
    let outcome: unknown;
    try {
      outcome = await row.run!(attacker, victim, own);
    } catch (err) {
      outcome = err;
    }
    if (outcome instanceof Response) {
      expect(outcome.status).toBe(404);
    } else {
      expect(outcome, row.why).toBeInstanceOf(row.refusedWith ?? NotFoundError);
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
const ROUTES_WITHOUT_TENANT_DATA = ['app/api/auth/[...nextauth]/route.ts'];

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
      for (const m of text.matchAll(/export\s+(?:async\s+function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) found.push({ name: `${m[1]} ${rel}`, rel, body: exportBody(text, m[1])! });
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
