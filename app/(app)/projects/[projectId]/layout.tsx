import { NavTabs } from '@/components/ui/nav-tabs';
import { PageHeader } from '@/components/ui/page-header';
import { getOrganization } from '@/lib/tenancy/organizations';
import { getProject } from '@/lib/tenancy/projects';
import { orNotFound, requireActor } from '../../page-helpers';

// The dashboard and the payments list read the same period and live/test choice: moving between them keeps it.
const REPORT_PARAMS = ['period', 'from', 'to', 'mode'];

// Project navigation shared by the dashboard, payments, diagnostics and settings pages.
export default async function ProjectLayout({ children, params }: { children: React.ReactNode; params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireActor();
  const project = await orNotFound(getProject(actor, projectId));
  const org = await getOrganization(actor, project.organizationId);
  const base = `/projects/${project.id}`;
  return (
    <div className="space-y-6">
      <div className="border-b border-line">
        <PageHeader title={project.name} breadcrumb={[{ href: `/orgs/${org.id}`, label: org.name }]} className="mb-4" />
        <NavTabs
          label="Project"
          tabs={[
            { href: base, label: 'Dashboard', exact: true, carry: REPORT_PARAMS },
            { href: `${base}/payments`, label: 'Payments', carry: REPORT_PARAMS },
            { href: `${base}/diagnostics`, label: 'Diagnostics' },
            { href: `${base}/settings`, label: 'Settings', exact: true },
            { href: `${base}/settings/integrations`, label: 'Integrations' },
          ]}
        />
      </div>
      {children}
    </div>
  );
}
