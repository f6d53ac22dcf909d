'use client';

import { createContext, startTransition, useActionState, useContext, useEffect, useId, useRef } from 'react';
import type { ActionResult } from '@/lib/http/errors';
import { buttonStyles } from './ui/button';

// Forms backed by a server action (React 19 useActionState): field errors appear next to their
// field (aria-invalid, role=alert), the overall result above the submit button. A read-only form
// (viewers) disables its fieldset; the server refuses anyway if it is forced.

export type FormAction = (state: ActionResult<unknown> | null, form: FormData) => Promise<ActionResult<unknown>>;

const FormState = createContext<{ state: ActionResult<unknown> | null; pending: boolean; fields: Set<string> }>({ state: null, pending: false, fields: new Set() });

export const inputClass =
  'h-10 w-full rounded-lg border border-line bg-surface px-3 text-sm text-fg shadow-xs outline-none transition-colors placeholder:text-muted/70 focus:border-accent focus:ring-2 focus:ring-accent/25 aria-[invalid=true]:border-red-500 disabled:cursor-not-allowed disabled:bg-subtle disabled:text-muted';
export const buttonClass = buttonStyles('primary');
export const dangerButtonClass = buttonStyles('danger');
export const secondaryButtonClass = buttonStyles('secondary');

export function ActionForm({
  action,
  readOnly = false,
  className = 'space-y-4',
  label,
  children,
  onResult,
  resetOnSuccess = false,
}: {
  action: FormAction;
  readOnly?: boolean;
  className?: string;
  /** Accessible name of the form (several forms share a page). */
  label?: string;
  children: React.ReactNode;
  onResult?: (state: ActionResult<unknown>) => React.ReactNode;
  /** Clear the fields after a successful submit (create forms). */
  resetOnSuccess?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  // The names of the fields that show their own error, so the summary does not repeat it.
  const fields = useRef(new Set<string>()).current;
  useEffect(() => {
    if (state?.ok && resetOnSuccess) formRef.current?.reset();
  }, [state, resetOnSuccess]);
  // Submitting through a transition (instead of <form action>) keeps what was typed when the
  // server refuses it, so the user can fix the one field in error.
  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }
  return (
    <FormState.Provider value={{ state, pending, fields }}>
      <form ref={formRef} onSubmit={submit} noValidate aria-label={label} className={className}>
        <fieldset disabled={readOnly} className="contents">
          {children}
        </fieldset>
        <FormMessage />
        {state && onResult?.(state)}
      </form>
    </FormState.Provider>
  );
}

function FormMessage() {
  const { state, fields } = useContext(FormState);
  if (!state?.message) return null;
  if (!state.ok && state.fieldErrors && Object.keys(state.fieldErrors).every((key) => fields.has(key.split('.')[0]))) return null;
  return state.ok ? (
    <p role="status" className="basis-full text-sm text-emerald-700 dark:text-emerald-400">
      {state.message}
    </p>
  ) : (
    <p role="alert" className="basis-full text-sm text-red-600 dark:text-red-400">
      {state.message}
    </p>
  );
}

export function useFieldError(name: string): string | undefined {
  const { state, fields } = useContext(FormState);
  fields.add(name);
  if (!state || state.ok || !state.fieldErrors) return undefined;
  // "domains.1": the error of one line of a list field belongs to the field.
  const key = Object.keys(state.fieldErrors).find((k) => k === name || k.startsWith(`${name}.`));
  return key ? state.fieldErrors[key] : undefined;
}

export function Field({
  name,
  label,
  hint,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  children: (props: { id: string; name: string; 'aria-invalid'?: true; 'aria-describedby'?: string; className: string }) => React.ReactNode;
}) {
  const id = useId();
  const error = useFieldError(name);
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="min-w-0 space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-fg">
        {label}
      </label>
      {children({ id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, className: inputClass })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField({ name, label, hint, defaultValue, type = 'text' }: { name: string; label: string; hint?: string; defaultValue?: string; type?: string }) {
  return <Field name={name} label={label} hint={hint}>{(p) => <input {...p} type={type} defaultValue={defaultValue} />}</Field>;
}

export function SubmitButton({ children, danger = false, variant, pendingLabel }: { children: React.ReactNode; danger?: boolean; variant?: 'primary' | 'secondary'; pendingLabel?: string }) {
  const { pending } = useContext(FormState);
  return (
    <button type="submit" disabled={pending} className={danger ? dangerButtonClass : buttonStyles(variant ?? 'primary')}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
