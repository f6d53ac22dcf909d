import { type Actor, authorizeOrganization, NotFoundError, UnauthenticatedError } from '@/lib/authz';
import { prisma } from '@/lib/db/client';
import { organizationNameSchema } from '@/lib/zod/tenancy';

/** Creates an organization with `ownerUserId` as its owner. */
export async function createOrganization(input: { name: string; ownerUserId: string; personal?: boolean }) {
  const name = organizationNameSchema.parse(input.name);
  return prisma().organization.create({
    data: { name, personal: input.personal ?? false, memberships: { create: { userId: input.ownerUserId, role: 'owner' } } },
  });
}

/** The organizations the user belongs to, with their role, for the switcher. */
export async function listOrganizationsForUser(actor: Actor) {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  const memberships = await prisma().membership.findMany({
    where: { userId: actor.userId },
    include: { organization: true },
    orderBy: { organization: { createdAt: 'asc' } },
  });
  return memberships.map((m) => ({ ...m.organization, role: m.role }));
}

export async function getOrganization(actor: Actor, organizationId: string) {
  const scope = await authorizeOrganization(actor, organizationId, 'read');
  const org = await prisma().organization.findUnique({ where: { id: organizationId } });
  if (!org) throw new NotFoundError('Organization not found');
  return { ...org, role: scope.role };
}

export async function renameOrganization(actor: Actor, organizationId: string, rawName: unknown) {
  await authorizeOrganization(actor, organizationId, 'manage');
  const name = organizationNameSchema.parse(rawName);
  return prisma().organization.update({ where: { id: organizationId }, data: { name } });
}

/** A signed-in user creates another organization, which they own. */
export async function createOrganizationForUser(actor: Actor, rawName: unknown) {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  return createOrganization({ name: organizationNameSchema.parse(rawName), ownerUserId: actor.userId });
}
