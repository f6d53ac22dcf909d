import type { Metadata } from 'next';
import Link from 'next/link';
import { ReadOnlyNote } from '@/components/read-only-note';
import { CreateProjectForm, DeleteProjectForm, RenameProjectForm } from '@/components/project-forms';
import { getOrganization } from '@/lib/tenancy/organizations';
import { listProjects } from '@/lib/tenancy/projects';
import { canManage, orNotFound, requireActor } from '../../page-helpers';
import { createProjectAction, deleteProjectAction, renameProjectAction } from './actions';

export const metadata: Metadata = { title: 'Projects' };

export default async function ProjectsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const actor = await requireActor();
  const org = await orNotFound(getOrganization(actor, orgId));
  const projects = await listProjects(actor, orgId);
  const readOnly = !canManage(org.role);
  return (
    <main className="space-y-8">
      {readOnly && <ReadOnlyNote />}
      <section aria-labelledby="projects-heading" className="space-y-3">
        <h2 id="projects-heading" className="text-lg font-semibold">
          Projects
        </h2>
        {projects.length === 0 && <p className="text-gray-500">No projects yet.</p>}
        <ul className="divide-y divide-gray-200 rounded-md border border-gray-200 dark:divide-gray-800 dark:border-gray-800">
          {projects.map((p) => (
            <li key={p.id} className="space-y-3 p-4" data-testid="project-row">
              <div className="flex flex-wrap items-baseline gap-3">
                <Link href={`/projects/${p.id}`} className="font-medium text-indigo-600 hover:underline">
                  {p.name}
                </Link>
                <span className="text-sm text-gray-500">{p.domains.join(', ') || 'no domains yet'}</span>
                <span className="text-sm text-gray-500">{p.reportingCurrency.toUpperCase()} · {p.timeZone}</span>
              </div>
              {!readOnly && (
                <details className="text-sm">
                  <summary className="cursor-pointer text-gray-600 dark:text-gray-400">Rename or delete</summary>
                  <div className="mt-3 grid gap-6 sm:grid-cols-2">
                    <RenameProjectForm action={renameProjectAction} project={p} readOnly={readOnly} />
                    <DeleteProjectForm action={deleteProjectAction} orgId={orgId} project={p} readOnly={readOnly} />
                  </div>
                </details>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="create-heading" className="space-y-3">
        <h2 id="create-heading" className="text-lg font-semibold">
          New project
        </h2>
        <CreateProjectForm action={createProjectAction} orgId={orgId} readOnly={readOnly} />
      </section>
    </main>
  );
}
