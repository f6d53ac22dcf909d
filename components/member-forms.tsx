'use client';

import { Select } from './ui/select';
import { ActionForm, type FormAction, SubmitButton, TextField, useFieldError } from './action-form';

const ROLES = [
  { id: 'owner', label: 'Owner', description: 'Everything, including members and deleting' },
  { id: 'admin', label: 'Admin', description: 'Manages projects, keys, Stripe and members' },
  { id: 'member', label: 'Member', description: 'Reads every report' },
  { id: 'viewer', label: 'Viewer', description: 'Reads every report' },
] as const;

function RoleSelect({ defaultValue, label = 'Role', readOnly, hideLabel = false }: { defaultValue: string; label?: string; readOnly: boolean; hideLabel?: boolean }) {
  const error = useFieldError('role');
  return (
    <div className="min-w-0 space-y-1.5">
      <Select name="role" label={label} variant={hideLabel ? 'toolbar' : 'field'} defaultValue={defaultValue} options={ROLES} isDisabled={readOnly} isInvalid={!!error} className="w-36" />
      {error && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

export function ChangeRoleForm({ action, orgId, userId, email, role, readOnly }: { action: FormAction; orgId: string; userId: string; email: string; role: string; readOnly: boolean }) {
  return (
    <ActionForm action={action} readOnly={readOnly} label={`Role of ${email}`} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="userId" value={userId} />
      <RoleSelect defaultValue={role} label={`Role of ${email}`} readOnly={readOnly} hideLabel />
      <SubmitButton variant="secondary">Change role</SubmitButton>
    </ActionForm>
  );
}

export function InviteForm({ action, orgId, readOnly }: { action: FormAction; orgId: string; readOnly: boolean }) {
  return (
    <ActionForm action={action} readOnly={readOnly} resetOnSuccess label="Invite a member" className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="orgId" value={orgId} />
      <div className="min-w-0 flex-1 basis-60">
        <TextField name="email" label="Email address" type="email" />
      </div>
      <RoleSelect defaultValue="member" readOnly={readOnly} />
      <SubmitButton>Send invitation</SubmitButton>
    </ActionForm>
  );
}
