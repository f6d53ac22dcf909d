import { NavTabs } from '@/components/nav-tabs';
import { getOrganization } from '@/lib/tenancy/organizations';
import { orNotFound, requireActor } from '../../page-helpers';

export default async function OrganizationLayout({ children, params }: { children: React.ReactNode; params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const org = await orNotFound(getOrganization(await requireActor(), orgId));
  const base = `/orgs/${org.id}`;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-gray-500 dark:text-gray-400">Organization · your role: {org.role}</p>
        <h1 className="text-2xl font-semibold">{org.name}</h1>
      </div>
      <NavTabs
        label="Organization"
        tabs={[
          { href: base, label: 'Projects', exact: true },
          { href: `${base}/members`, label: 'Members' },
          { href: `${base}/settings`, label: 'Settings' },
        ]}
      />
      {children}
    </div>
  );
}
