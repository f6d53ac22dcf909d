import type { Metadata } from 'next';
import Link from 'next/link';
import { ArrowRight, FolderPlus, Globe } from 'lucide-react';
import { ReadOnlyNote } from '@/components/read-only-note';
import { CreateProjectForm, DeleteProjectForm, RenameProjectForm } from '@/components/project-forms';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { SectionHeading } from '@/components/ui/page-header';
import { getOrganization } from '@/lib/tenancy/organizations';
import { listProjects } from '@/lib/tenancy/projects';
import { canManage, orNotFound, requireActor } from '../../page-helpers';
import { createProjectAction, deleteProjectAction, renameProjectAction } from './actions';

export const metadata: Metadata = { title: 'Projects' };

export default async function ProjectsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const actor = await requireActor();
  const [org, projects] = await Promise.all([orNotFound(getOrganization(actor, orgId)), orNotFound(listProjects(actor, orgId))]);
  const readOnly = !canManage(org.role);
  return (
    <main className="space-y-8">
      {readOnly && <ReadOnlyNote />}
      <section aria-labelledby="projects-heading" className="space-y-3">
        <SectionHeading id="projects-heading" title="Projects" description="Each project is one site or app, with its own tracking key, Stripe connection and reports." />
        {projects.length === 0 ? (
          <Card>
            <EmptyState icon={FolderPlus} title="No projects yet">
              Create one below: you get a tracking snippet to add to your site.
            </EmptyState>
          </Card>
        ) : (
          <ul className="grid gap-3 md:grid-cols-2">
            {projects.map((p) => (
              <li key={p.id} data-testid="project-row">
                <Card as="div" className="flex h-full flex-col p-4 sm:p-5">
                  <div className="flex items-start justify-between gap-3">
                    <Link href={`/projects/${p.id}`} className="group min-w-0 text-base font-semibold text-fg hover:text-accent">
                      <span className="truncate">{p.name}</span>
                      <ArrowRight aria-hidden className="ml-1 inline size-4 opacity-0 transition-opacity group-hover:opacity-100" />
                    </Link>
                    <Badge>{p.reportingCurrency.toUpperCase()}</Badge>
                  </div>
                  <p className="mt-1 flex min-w-0 items-center gap-1.5 text-sm text-muted">
                    <Globe aria-hidden className="size-3.5 shrink-0" />
                    <span className="truncate">{p.domains.join(', ') || 'no domains yet'}</span>
                  </p>
                  <p className="mt-0.5 text-sm text-muted">Time zone: {p.timeZone}</p>
                  {!readOnly && (
                    <details className="mt-3 text-sm">
                      <summary className="cursor-pointer select-none text-muted hover:text-fg">Rename or delete</summary>
                      <div className="mt-3 grid gap-4">
                        <RenameProjectForm action={renameProjectAction} project={p} readOnly={readOnly} />
                        <DeleteProjectForm action={deleteProjectAction} orgId={orgId} project={p} readOnly={readOnly} />
                      </div>
                    </details>
                  )}
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Card aria-labelledby="create-heading">
        <CardHeader titleId="create-heading" title="New project" description="Domains, currency and time zone can be changed later in the project's settings." />
        <CardBody>
          <CreateProjectForm action={createProjectAction} orgId={orgId} readOnly={readOnly} />
        </CardBody>
      </Card>
    </main>
  );
}
