'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/http/errors';

type Action = (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;
type ButtonAction = (prev: ActionResult | null) => Promise<ActionResult>;

const input = 'w-full rounded-md border border-gray-300 bg-white px-3 py-2 font-mono text-sm dark:border-gray-700 dark:bg-gray-900';
const button = 'rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-60';

function Status({ state }: { state: ActionResult | null }) {
  if (!state) return null;
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

export function StripeSettingsForm({ action }: { action: Action }) {
  const [state, submit, pending] = useActionState(action, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={submit} className="space-y-4" noValidate>
      <div className="space-y-1">
        <label htmlFor="secretKey" className="block text-sm font-medium">
          Secret key
        </label>
        <input id="secretKey" name="secretKey" type="password" autoComplete="off" placeholder="sk_live_… or rk_live_…" className={input}
          aria-invalid={errors.secretKey ? true : undefined} aria-describedby="secretKey-help secretKey-error" />
        <p id="secretKey-help" className="text-xs text-gray-500 dark:text-gray-400">
          Checked with Stripe before it is saved. A restricted key needs read access to charges, customers, subscriptions and balance.
        </p>
        {errors.secretKey && <p id="secretKey-error" role="alert" className="text-sm text-red-600 dark:text-red-400">{errors.secretKey}</p>}
      </div>
      <div className="space-y-1">
        <label htmlFor="webhookSecret" className="block text-sm font-medium">
          Webhook signing secret
        </label>
        <input id="webhookSecret" name="webhookSecret" type="password" autoComplete="off" placeholder="whsec_…" className={input}
          aria-invalid={errors.webhookSecret ? true : undefined} aria-describedby="webhookSecret-error" />
        {errors.webhookSecret && <p id="webhookSecret-error" role="alert" className="text-sm text-red-600 dark:text-red-400">{errors.webhookSecret}</p>}
      </div>
      <button type="submit" disabled={pending} className={button}>
        {pending ? 'Checking with Stripe…' : 'Save'}
      </button>
      <Status state={state} />
    </form>
  );
}

export function StripeButtonAction({ action, label, pendingLabel }: { action: ButtonAction; label: string; pendingLabel: string }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} className="space-y-2">
      <button type="submit" disabled={pending} className={button}>
        {pending ? pendingLabel : label}
      </button>
      <Status state={state} />
    </form>
  );
}
