'use client';

import { ActionForm, Field, type FormAction, SubmitButton } from '@/components/action-form';

// The self-hosted Stripe set-up forms, on the shared action-form pieces (field errors, status).

export function StripeSettingsForm({ action }: { action: FormAction }) {
  return (
    <ActionForm action={action} label="Stripe keys" resetOnSuccess>
      <Field
        name="secretKey"
        label="Secret key"
        hint="Checked with Stripe before it is saved. A restricted key needs read access to charges, customers, subscriptions and balance."
      >
        {(p) => <input {...p} type="password" autoComplete="off" placeholder="sk_live_… or rk_live_…" className={`${p.className} font-mono`} />}
      </Field>
      <Field name="webhookSecret" label="Webhook signing secret">
        {(p) => <input {...p} type="password" autoComplete="off" placeholder="whsec_…" className={`${p.className} font-mono`} />}
      </Field>
      <SubmitButton pendingLabel="Checking with Stripe…">Save</SubmitButton>
    </ActionForm>
  );
}

/** A one-button form for an action that takes no input (create the endpoint, finish a secret roll). */
export function StripeButtonAction({ action, label, pendingLabel }: { action: FormAction; label: string; pendingLabel: string }) {
  return (
    <ActionForm action={action} className="space-y-2">
      <SubmitButton pendingLabel={pendingLabel}>{label}</SubmitButton>
    </ActionForm>
  );
}
