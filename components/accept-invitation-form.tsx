'use client';

import { ActionForm, type FormAction, SubmitButton } from './action-form';

export function AcceptInvitationForm({ action, token }: { action: FormAction; token: string }) {
  return (
    <ActionForm action={action} label="Accept invitation">
      <input type="hidden" name="token" value={token} />
      <SubmitButton>Accept invitation</SubmitButton>
    </ActionForm>
  );
}
