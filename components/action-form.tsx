'use client';

import { createContext, startTransition, useActionState, useContext, useEffect, useId, useRef } from 'react';
import type { ActionResult } from '@/lib/http/errors';

// Forms backed by a server action (React 19 useActionState): field errors appear next to their
// field (aria-invalid, role=alert), the overall result above the submit button. A read-only form
// (viewers) disables its fieldset; the server refuses anyway if it is forced.

export type FormAction = (state: ActionResult<unknown> | null, form: FormData) => Promise<ActionResult<unknown>>;

const FormState = createContext<{ state: ActionResult<unknown> | null; pending: boolean }>({ state: null, pending: false });

export const inputClass =
  'w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-500 disabled:bg-gray-100 disabled:text-gray-500 dark:border-gray-700 dark:bg-gray-900 dark:disabled:bg-gray-800';
export const buttonClass =
  'rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500 disabled:cursor-not-allowed disabled:opacity-50';
export const dangerButtonClass =
  'rounded-md bg-red-600 px-3 py-2 text-sm font-medium text-white hover:bg-red-500 disabled:cursor-not-allowed disabled:opacity-50';
export const secondaryButtonClass =
  'rounded-md border border-gray-300 px-3 py-2 text-sm font-medium hover:bg-gray-50 disabled:cursor-not-allowed disabled:opacity-50 dark:border-gray-700 dark:hover:bg-gray-800';

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
    <FormState.Provider value={{ state, pending }}>
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
  const { state } = useContext(FormState);
  if (!state?.message) return null;
  return state.ok ? (
    <p role="status" className="text-sm text-green-700 dark:text-green-400">
      {state.message}
    </p>
  ) : (
    <p role="alert" className="text-sm text-red-600 dark:text-red-400">
      {state.message}
    </p>
  );
}

export function useFieldError(name: string): string | undefined {
  const { state } = useContext(FormState);
  return state && !state.ok ? state.fieldErrors?.[name] : undefined;
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
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children({ id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, className: inputClass })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-gray-500 dark:text-gray-400">
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

export function SubmitButton({ children, danger = false, pendingLabel }: { children: React.ReactNode; danger?: boolean; pendingLabel?: string }) {
  const { pending } = useContext(FormState);
  return (
    <button type="submit" disabled={pending} className={danger ? dangerButtonClass : buttonClass}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
