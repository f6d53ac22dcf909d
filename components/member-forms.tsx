'use client';

import { ActionForm, type FormAction, Field, SubmitButton, TextField } from './action-form';

const ROLES = ['owner', 'admin', 'member', 'viewer'] as const;

function RoleSelect({ defaultValue, label = 'Role' }: { defaultValue: string; label?: string }) {
  return (
    <Field name="role" label={label}>
      {(p) => (
        <select {...p} defaultValue={defaultValue}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function ChangeRoleForm({ action, orgId, userId, email, role, readOnly }: { action: FormAction; orgId: string; userId: string; email: string; role: string; readOnly: boolean }) {
  return (
    <ActionForm action={action} readOnly={readOnly} label={`Role of ${email}`} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="userId" value={userId} />
      <RoleSelect defaultValue={role} label={`Role of ${email}`} />
      <SubmitButton>Change role</SubmitButton>
    </ActionForm>
  );
}

export function InviteForm({ action, orgId, readOnly }: { action: FormAction; orgId: string; readOnly: boolean }) {
  return (
    <ActionForm action={action} readOnly={readOnly} resetOnSuccess label="Invite a member" className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="orgId" value={orgId} />
      <TextField name="email" label="Email address" type="email" />
      <RoleSelect defaultValue="member" />
      <SubmitButton>Send invitation</SubmitButton>
    </ActionForm>
  );
}
