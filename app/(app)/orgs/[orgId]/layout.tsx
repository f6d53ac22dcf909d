import { Badge } from '@/components/ui/badge';
import { NavTabs } from '@/components/ui/nav-tabs';
import { PageHeader } from '@/components/ui/page-header';
import { getOrganization } from '@/lib/tenancy/organizations';
import { orNotFound, requireActor } from '../../page-helpers';

export default async function OrganizationLayout({ children, params }: { children: React.ReactNode; params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const org = await orNotFound(getOrganization(await requireActor(), orgId));
  const base = `/orgs/${org.id}`;
  return (
    <div className="space-y-6">
      <div className="border-b border-line">
        <PageHeader
          title={org.name}
          description={
            <span className="inline-flex items-center gap-2">
              Organization <Badge>your role: {org.role}</Badge>
            </span>
          }
          className="mb-4"
        />
        <NavTabs
          label="Organization"
          tabs={[
            { href: base, label: 'Projects', exact: true },
            { href: `${base}/members`, label: 'Members' },
            { href: `${base}/settings`, label: 'Settings' },
          ]}
        />
      </div>
      {children}
    </div>
  );
}
