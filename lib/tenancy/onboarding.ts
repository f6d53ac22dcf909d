import { prisma } from '@/lib/db/client';
import { newPublishableKey } from './tokens';

/**
 * Every new user gets a personal organization with a first project, so the app has something to
 * show on first sign-in. Idempotent: a user who already belongs to an organization gets nothing new.
 */
export async function ensurePersonalOrganization(userId: string) {
  return prisma().$transaction(async (tx) => {
    const existing = await tx.membership.findFirst({ where: { userId }, select: { organizationId: true } });
    if (existing) return existing.organizationId;
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    const label = user.name?.trim() || user.email?.split('@')[0] || 'My';
    const org = await tx.organization.create({
      data: {
        name: `${label}'s organization`,
        personal: true,
        memberships: { create: { userId, role: 'owner' } },
        projects: { create: { name: 'My website', nameKey: 'my website', publishableKey: newPublishableKey() } },
      },
    });
    return org.id;
  });
}
