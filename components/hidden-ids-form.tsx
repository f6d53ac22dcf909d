'use client';

import { useRef } from 'react';
import { ConfirmDialog } from './ui/confirm-dialog';
import { ActionForm, type FormAction, secondaryButtonClass } from './action-form';

/** A one-button form (remove, revoke, resend) that posts the ids of the thing it acts on; with
 * `confirm`, the button asks first in a dialog. */
export function HiddenIdsForm({
  action,
  ids,
  label,
  button,
  readOnly,
  confirm,
}: {
  action: FormAction;
  ids: Record<string, string>;
  label: string;
  button: string;
  readOnly: boolean;
  confirm?: { title: string; body: React.ReactNode; confirmLabel: string };
}) {
  const form = useRef<HTMLDivElement>(null);
  return (
    <div ref={form} className="contents">
      <ActionForm action={action} readOnly={readOnly} label={label} className="flex flex-col items-start gap-1">
        {Object.entries(ids).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {confirm ? (
          <ConfirmDialog
            trigger={button}
            triggerLabel={label}
            isDisabled={readOnly}
            title={confirm.title}
            confirmLabel={confirm.confirmLabel}
            onConfirm={() => form.current?.querySelector('form')?.requestSubmit()}
          >
            {confirm.body}
          </ConfirmDialog>
        ) : (
          <button type="submit" className={secondaryButtonClass}>
            {button}
          </button>
        )}
      </ActionForm>
    </div>
  );
}
