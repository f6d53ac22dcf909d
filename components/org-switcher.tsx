'use client';

import { useParams, useRouter } from 'next/navigation';

type Org = { id: string; name: string; projects: { id: string }[] };

/** Switches organization by navigating to its projects page; the current one follows the URL. */
export function OrgSwitcher({ organizations }: { organizations: Org[] }) {
  const params = useParams() as { orgId?: string; projectId?: string };
  const router = useRouter();
  const current =
    organizations.find((o) => o.id === params.orgId) ?? organizations.find((o) => o.projects.some((p) => p.id === params.projectId));
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">Organization</span>
      <select
        aria-label="Organization"
        value={current?.id ?? ''}
        onChange={(e) => e.target.value && router.push(`/orgs/${e.target.value}`)}
        className="rounded-md border border-gray-300 bg-white px-2 py-1 text-sm dark:border-gray-700 dark:bg-gray-900"
      >
        {!current && <option value="">Choose an organization…</option>}
        {organizations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
