import { type Actor, authorizeInstance, DomainError } from '@/lib/authz';
import { prisma } from '@/lib/db/client';
import { emailSchema, organizationNameSchema } from '@/lib/zod/tenancy';
import { ensurePersonalOrganization } from './onboarding';

// Instance-wide administration for self-hosters (the CLI): users and organizations across tenants.

/** Creates a user who can then sign in by magic link; like a sign-up, they get a personal organization. */
export async function createUser(actor: Actor, rawEmail: unknown) {
  authorizeInstance(actor);
  const email = emailSchema.parse(rawEmail);
  if (await prisma().user.findUnique({ where: { email } })) throw new DomainError(`A user with the email ${email} already exists`, 409, 'email');
  const user = await prisma().user.create({ data: { email } });
  const organizationId = await ensurePersonalOrganization(user.id);
  return { id: user.id, email, organizationId };
}

/** Creates an organization, owned by the user with `ownerEmail` (created if unknown) when given. */
export async function createOrganizationAsAdmin(actor: Actor, input: { name: unknown; ownerEmail?: unknown }) {
  authorizeInstance(actor);
  const name = organizationNameSchema.parse(input.name);
  const ownerEmail = input.ownerEmail === undefined ? undefined : emailSchema.parse(input.ownerEmail);
  return prisma().$transaction(async (tx) => {
    const owner = ownerEmail ? await tx.user.upsert({ where: { email: ownerEmail }, create: { email: ownerEmail }, update: {} }) : undefined;
    const org = await tx.organization.create({
      data: { name, ...(owner && { memberships: { create: { userId: owner.id, role: 'owner' } } }) },
    });
    return { id: org.id, name: org.name, ownerEmail: ownerEmail ?? null };
  });
}

export async function listAllOrganizations(actor: Actor) {
  authorizeInstance(actor);
  const orgs = await prisma().organization.findMany({
    orderBy: { createdAt: 'asc' },
    include: { _count: { select: { projects: true, memberships: true } } },
  });
  return orgs.map((o) => ({ id: o.id, name: o.name, projects: o._count.projects, members: o._count.memberships, createdAt: o.createdAt }));
}
