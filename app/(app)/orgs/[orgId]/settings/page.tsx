import type { Metadata } from 'next';
import { CreateOrganizationForm, RenameOrganizationForm } from '@/components/org-settings-forms';
import { ReadOnlyNote } from '@/components/read-only-note';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { getOrganization } from '@/lib/tenancy/organizations';
import { canManage, orNotFound, requireActor } from '../../../page-helpers';
import { createOrganizationAction, renameOrganizationAction } from '../actions';

export const metadata: Metadata = { title: 'Organization settings' };

export default async function OrganizationSettingsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const org = await orNotFound(getOrganization(await requireActor(), orgId));
  const readOnly = !canManage(org.role);
  return (
    <main className="grid max-w-3xl gap-6">
      {readOnly && <ReadOnlyNote />}
      <Card aria-labelledby="general-heading">
        <CardHeader titleId="general-heading" title="General" description="The name members see in the organization switcher and in invitations." />
        <CardBody>
          <RenameOrganizationForm action={renameOrganizationAction} org={org} readOnly={readOnly} />
        </CardBody>
      </Card>
      <Card aria-labelledby="new-org-heading">
        <CardHeader titleId="new-org-heading" title="Another organization" description="Create a separate organization (for a client or another company); you will be its owner." />
        <CardBody>
          <CreateOrganizationForm action={createOrganizationAction} />
        </CardBody>
      </Card>
    </main>
  );
}
