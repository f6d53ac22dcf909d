'use client';

import { Building2 } from 'lucide-react';
import { useParams, useRouter } from 'next/navigation';
import { Select } from '@/components/ui/select';

type Org = { id: string; name: string; projectIds: string[] };

/** Switches organization by navigating to its projects page; the current one follows the URL. */
export function OrgSwitcher({ organizations }: { organizations: Org[] }) {
  const params = useParams() as { orgId?: string; projectId?: string };
  const router = useRouter();
  const current = organizations.find((o) => o.id === params.orgId) ?? organizations.find((o) => o.projectIds.includes(params.projectId ?? ''));
  return (
    <Select
      label="Organization"
      variant="toolbar"
      icon={Building2}
      value={current?.id}
      onChange={(id) => router.push(`/orgs/${id}`)}
      options={organizations.map((o) => ({ id: o.id, label: o.name }))}
      className="min-w-0 max-w-[11rem] sm:max-w-xs"
    />
  );
}
