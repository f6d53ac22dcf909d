import { prisma } from '@/lib/db/client';
import type { Project, Role } from '@/lib/generated/prisma/client';
import { ForbiddenError, NotFoundError } from './errors';

// The one authorization path. Every lib/ function that touches project or organization data takes
// a scope produced here; a scope can only be made by these functions, so no query can run for an
// actor that was not checked. Other tenants' ids answer NotFound (404), never Forbidden, so ids leak nothing.

export type Actor = { kind: 'user'; userId: string } | { kind: 'apiKey'; apiKeyId: string; projectId: string } | { kind: 'system' };

/** What an action needs: read (viewer and up), write (member and up), manage (admin and up), own (owner). */
export type Need = 'read' | 'write' | 'manage' | 'own';

const RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };
const NEED_RANK: Record<Need, number> = { read: 0, write: 1, manage: 2, own: 3 };

export function roleAllows(role: Role, need: Need): boolean {
  return RANK[role] >= NEED_RANK[need];
}

declare const scopeBrand: unique symbol;

export type OrganizationScope = {
  readonly organizationId: string;
  readonly role: Role;
  readonly actor: Actor;
  readonly [scopeBrand]: 'organization';
};

export type ProjectScope = {
  readonly projectId: string;
  readonly organizationId: string;
  readonly role: Role;
  readonly actor: Actor;
  readonly project: Project;
  readonly [scopeBrand]: 'project';
};

function deny(role: Role, need: Need): never {
  throw new ForbiddenError(
    need === 'own' ? 'Only an owner can do this' : need === 'manage' ? 'Only owners and admins can do this' : 'Viewers cannot make changes',
  );
}

export async function authorizeOrganization(actor: Actor, organizationId: string, need: Need): Promise<OrganizationScope> {
  if (actor.kind === 'apiKey') throw new NotFoundError('Organization not found');
  let role: Role;
  if (actor.kind === 'system') {
    const org = await prisma().organization.findUnique({ where: { id: organizationId }, select: { id: true } });
    if (!org) throw new NotFoundError('Organization not found');
    role = 'owner';
  } else {
    const membership = await prisma().membership.findUnique({
      where: { organizationId_userId: { organizationId, userId: actor.userId } },
      select: { role: true },
    });
    if (!membership) throw new NotFoundError('Organization not found');
    role = membership.role;
  }
  if (!roleAllows(role, need)) deny(role, need);
  return { organizationId, role, actor } as OrganizationScope;
}

export async function authorizeProject(actor: Actor, projectId: string, need: Need): Promise<ProjectScope> {
  if (typeof projectId !== 'string' || projectId.length === 0 || projectId.length > 64) throw new NotFoundError('Project not found');
  const project = await prisma().project.findUnique({ where: { id: projectId } });
  if (!project) throw new NotFoundError('Project not found');
  let role: Role;
  if (actor.kind === 'system') {
    role = 'owner';
  } else if (actor.kind === 'apiKey') {
    // An API key reads its own project and nothing else.
    if (actor.projectId !== projectId) throw new NotFoundError('Project not found');
    role = 'viewer';
  } else {
    const membership = await prisma().membership.findUnique({
      where: { organizationId_userId: { organizationId: project.organizationId, userId: actor.userId } },
      select: { role: true },
    });
    if (!membership) throw new NotFoundError('Project not found');
    role = membership.role;
  }
  if (!roleAllows(role, need)) deny(role, need);
  return { projectId, organizationId: project.organizationId, role, actor, project } as ProjectScope;
}

/** Scope for trusted internal work (CLI, workers, webhooks already verified by signature). */
export const systemActor: Actor = { kind: 'system' };

export * from './errors';

/** Instance-wide operations (creating users, listing every organization) are for the system actor only. */
export function authorizeInstance(actor: Actor): void {
  if (actor.kind !== 'system') throw new ForbiddenError('Only an instance administrator (the CLI) can do this');
}
