import Link from 'next/link';
import { getProject } from '@/lib/tenancy/projects';
import { orNotFound, requireActor } from '../../page-helpers';

// Placeholder overview until the dashboard replaces this page.
export default async function ProjectOverviewPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const project = await orNotFound(getProject(await requireActor(), projectId));
  return (
    <main className="space-y-2">
      <p className="text-gray-600 dark:text-gray-400">Domains: {project.domains.join(', ') || 'none yet'}</p>
      <Link href={`/projects/${project.id}/settings`} className="text-indigo-600 hover:underline">
        Project settings and tracking snippet
      </Link>
    </main>
  );
}
