import { type Actor, UnauthenticatedError } from '@/lib/authz';
import { prisma } from '@/lib/db/client';

// What the signed-in shell needs: the user's organizations (their own memberships only) with
// their projects, for the organization switcher and for /app's landing page.

export async function navigationForUser(actor: Actor) {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  const memberships = await prisma().membership.findMany({
    where: { userId: actor.userId },
    include: { organization: { include: { projects: { select: { id: true, name: true }, orderBy: { createdAt: 'asc' } } } } },
    orderBy: { organization: { createdAt: 'asc' } },
  });
  return memberships.map((m) => ({ id: m.organization.id, name: m.organization.name, role: m.role, projects: m.organization.projects }));
}

export type Navigation = Awaited<ReturnType<typeof navigationForUser>>;

/** Where /app sends the user: their first project's dashboard, else their first organization. */
export function landingPath(nav: Navigation): string | null {
  const withProject = nav.find((o) => o.projects.length > 0);
  if (withProject) return `/projects/${withProject.projects[0].id}`;
  return nav[0] ? `/orgs/${nav[0].id}` : null;
}
