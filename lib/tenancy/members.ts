import { type Actor, authorizeOrganization, DomainError, ForbiddenError, NotFoundError } from '@/lib/authz';
import { prisma } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { changeRoleSchema, removeMemberSchema } from '@/lib/zod/members';

// Members of an organization and their roles. Owners and admins manage; only owners touch owners,
// and an organization never loses its last owner.

export async function listMembers(actor: Actor, organizationId: string) {
  await authorizeOrganization(actor, organizationId, 'read');
  const rows = await prisma().membership.findMany({
    where: { organizationId },
    include: { user: { select: { id: true, email: true, name: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((m) => ({ userId: m.userId, email: m.user.email, name: m.user.name, role: m.role, joinedAt: m.createdAt }));
}

/** Locks the organization row so concurrent role changes cannot both remove "the other" owner. */
async function lockOrganization(tx: Prisma.TransactionClient, organizationId: string) {
  await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organizationId} FOR UPDATE`;
}

async function ownerCount(tx: Prisma.TransactionClient, organizationId: string) {
  return tx.membership.count({ where: { organizationId, role: 'owner' } });
}

export async function changeMemberRole(actor: Actor, organizationId: string, input: unknown) {
  const scope = await authorizeOrganization(actor, organizationId, 'manage');
  const { userId, role } = changeRoleSchema.parse(input);
  return prisma().$transaction(async (tx) => {
    await lockOrganization(tx, organizationId);
    const member = await tx.membership.findUnique({ where: { organizationId_userId: { organizationId, userId } } });
    if (!member) throw new NotFoundError('Member not found');
    if ((member.role === 'owner' || role === 'owner') && scope.role !== 'owner') throw new ForbiddenError('Only an owner can grant or change the owner role');
    if (member.role === 'owner' && role !== 'owner' && (await ownerCount(tx, organizationId)) <= 1) {
      throw new DomainError('The organization needs at least one owner: make someone else owner first', 409, 'role');
    }
    return tx.membership.update({ where: { id: member.id }, data: { role } });
  });
}

export async function removeMember(actor: Actor, organizationId: string, input: unknown) {
  const scope = await authorizeOrganization(actor, organizationId, 'manage');
  const { userId } = removeMemberSchema.parse(input);
  await prisma().$transaction(async (tx) => {
    await lockOrganization(tx, organizationId);
    const member = await tx.membership.findUnique({ where: { organizationId_userId: { organizationId, userId } } });
    if (!member) throw new NotFoundError('Member not found');
    if (member.role === 'owner' && scope.role !== 'owner') throw new ForbiddenError('Only an owner can remove an owner');
    if (member.role === 'owner' && (await ownerCount(tx, organizationId)) <= 1) {
      throw new DomainError('The organization needs at least one owner: make someone else owner first', 409);
    }
    await tx.membership.delete({ where: { id: member.id } });
  });
}
