import { randomBytes } from 'node:crypto';
import type { Actor } from '@/lib/authz';
import { prisma } from '@/lib/db/client';
import type { Role } from '@/lib/generated/prisma/client';
import { newPublishableKey } from '@/lib/tenancy/tokens';

// Builders for test tenants. Each call makes new, uniquely named rows, so test files can share
// one database without seeing each other's data.

const uid = () => randomBytes(4).toString('hex');

export async function makeUser(email = `user-${uid()}@example.test`) {
  return prisma().user.create({ data: { email } });
}

export const actorOf = (user: { id: string }): Actor => ({ kind: 'user', userId: user.id });

/** An organization with one project and a user of each given role. */
export async function makeTenant(roles: Role[] = ['owner']) {
  const users = await Promise.all(roles.map(() => makeUser()));
  const org = await prisma().organization.create({
    data: {
      name: `Org ${uid()}`,
      memberships: { create: users.map((u, i) => ({ userId: u.id, role: roles[i] })) },
    },
  });
  const name = `Site ${uid()}`;
  const project = await prisma().project.create({
    data: { organizationId: org.id, name, nameKey: name.toLowerCase(), publishableKey: newPublishableKey(), domains: ['shop.example.test'] },
  });
  const byRole = Object.fromEntries(roles.map((r, i) => [r, users[i]])) as Partial<Record<Role, (typeof users)[number]>>;
  return { org, project, users, byRole };
}
