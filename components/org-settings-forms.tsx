'use client';

import { ActionForm, type FormAction, SubmitButton, TextField } from './action-form';

export function RenameOrganizationForm({ action, org, readOnly }: { action: FormAction; org: { id: string; name: string }; readOnly: boolean }) {
  return (
    <ActionForm action={action} readOnly={readOnly} label="Rename organization">
      <input type="hidden" name="orgId" value={org.id} />
      <TextField name="name" label="Organization name" defaultValue={org.name} />
      <SubmitButton>Save</SubmitButton>
    </ActionForm>
  );
}

export function CreateOrganizationForm({ action }: { action: FormAction }) {
  return (
    <ActionForm action={action} label="Create an organization">
      <TextField name="name" label="New organization name" />
      <SubmitButton>Create organization</SubmitButton>
    </ActionForm>
  );
}
