'use client';

import { ActionForm, type FormAction, secondaryButtonClass } from './action-form';

/** A one-button form (remove, revoke, resend) that posts the ids of the thing it acts on. */
export function HiddenIdsForm({ action, ids, label, button, readOnly }: { action: FormAction; ids: Record<string, string>; label: string; button: string; readOnly: boolean }) {
  return (
    <ActionForm action={action} readOnly={readOnly} label={label} className="flex flex-col items-start gap-1">
      {Object.entries(ids).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={secondaryButtonClass}>
        {button}
      </button>
    </ActionForm>
  );
}
