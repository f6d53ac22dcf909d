'use client';

import { ActionForm, type FormAction, SubmitButton, TextField } from './action-form';

export function RenameOrganizationForm({ action, org, readOnly }: { action: FormAction; org: { id: string; name: string }; readOnly: boolean }) {
  return (
    <ActionForm action={action} readOnly={readOnly} label="Rename organization" className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="orgId" value={org.id} />
      <div className="min-w-0 flex-1 basis-60">
        <TextField name="name" label="Organization name" defaultValue={org.name} />
      </div>
      <SubmitButton>Save</SubmitButton>
    </ActionForm>
  );
}

export function CreateOrganizationForm({ action }: { action: FormAction }) {
  return (
    <ActionForm action={action} label="Create an organization" className="flex flex-wrap items-end gap-3">
      <div className="min-w-0 flex-1 basis-60">
        <TextField name="name" label="New organization name" />
      </div>
      <SubmitButton variant="secondary">Create organization</SubmitButton>
    </ActionForm>
  );
}
