import type { Metadata } from 'next';
import { CreateOrganizationForm, RenameOrganizationForm } from '@/components/org-settings-forms';
import { ReadOnlyNote } from '@/components/read-only-note';
import { getOrganization } from '@/lib/tenancy/organizations';
import { canManage, orNotFound, requireActor } from '../../../page-helpers';
import { createOrganizationAction, renameOrganizationAction } from '../actions';

export const metadata: Metadata = { title: 'Organization settings' };

export default async function OrganizationSettingsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const org = await orNotFound(getOrganization(await requireActor(), orgId));
  const readOnly = !canManage(org.role);
  return (
    <main className="grid max-w-3xl gap-10">
      <section aria-labelledby="general-heading" className="space-y-3">
        <h2 id="general-heading" className="text-lg font-semibold">
          General
        </h2>
        {readOnly && <ReadOnlyNote />}
        <RenameOrganizationForm action={renameOrganizationAction} org={org} readOnly={readOnly} />
      </section>
      <section aria-labelledby="new-org-heading" className="space-y-3">
        <h2 id="new-org-heading" className="text-lg font-semibold">
          Another organization
        </h2>
        <p className="text-sm text-gray-600 dark:text-gray-400">Create a separate organization (for a client or another company); you will be its owner.</p>
        <CreateOrganizationForm action={createOrganizationAction} />
      </section>
    </main>
  );
}
