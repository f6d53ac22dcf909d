import { type Actor, authorizeOrganization, authorizeProject, DomainError } from '@/lib/authz';
import { rebuildDirtyCredits } from '@/lib/analytics/credits/rebuild';
import { resetRevenueRollup } from '@/lib/analytics/revenue-rollup/build';
import { resetVisitorRollup } from '@/lib/analytics/visitor-rollup/build';
import { refreshAttributionForProject } from '@/lib/attribution/status';
import { prisma } from '@/lib/db/client';
import { forgetCachedProjects } from '@/lib/ingest/project-cache';
import { Prisma } from '@/lib/generated/prisma/client';
import { createProjectSchema, updateProjectSchema } from '@/lib/zod/tenancy';
import { newPublishableKey } from './tokens';

const duplicateName = () => new DomainError('A project with this name already exists in this organization', 409, 'name');

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
}

export async function createProject(actor: Actor, organizationId: string, input: unknown) {
  await authorizeOrganization(actor, organizationId, 'manage');
  const data = createProjectSchema.parse(input);
  try {
    return await prisma().project.create({
      data: {
        organizationId,
        name: data.name,
        nameKey: data.name.toLowerCase(),
        domains: [...new Set(data.domains)],
        reportingCurrency: data.reportingCurrency,
        timeZone: data.timeZone,
        publishableKey: newPublishableKey(),
      },
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateName();
    throw err;
  }
}

export async function listProjects(actor: Actor, organizationId: string) {
  await authorizeOrganization(actor, organizationId, 'read');
  return prisma().project.findMany({ where: { organizationId }, orderBy: { createdAt: 'asc' } });
}

export async function getProject(actor: Actor, projectId: string) {
  const scope = await authorizeProject(actor, projectId, 'read');
  return { ...scope.project, role: scope.role };
}

export async function updateProject(actor: Actor, projectId: string, input: unknown) {
  const scope = await authorizeProject(actor, projectId, 'manage');
  const data = updateProjectSchema.parse(input);
  try {
    const updated = await prisma().project.update({
      where: { id: projectId },
      data: {
        ...data,
        ...(data.name !== undefined && { nameKey: data.name.toLowerCase() }),
        ...(data.domains !== undefined && { domains: [...new Set(data.domains)] }),
      },
    });
    // The tracker's view of domains and privacy settings, and payments' window-based status, follow at once.
    forgetCachedProjects();
    // Local days moved: the day rollups are rebuilt from scratch (queries read raw rows meanwhile).
    if (data.timeZone !== undefined && data.timeZone !== scope.project.timeZone) {
      await resetVisitorRollup(projectId);
      await resetRevenueRollup(projectId);
    }
    if (data.attributionWindowDays !== undefined) {
      await refreshAttributionForProject(projectId);
      await rebuildDirtyCredits(projectId);
    }
    return updated;
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateName();
    throw err;
  }
}

/** Deletes the project and, through cascades, every row of its data. The caller must type the name. */
export async function deleteProject(actor: Actor, projectId: string, confirmName: unknown) {
  const scope = await authorizeProject(actor, projectId, 'manage');
  if (typeof confirmName !== 'string' || confirmName.trim() !== scope.project.name) {
    throw new DomainError('Type the project name exactly to confirm deletion', 400, 'confirmName');
  }
  await prisma().project.delete({ where: { id: projectId } });
  forgetCachedProjects();
}
