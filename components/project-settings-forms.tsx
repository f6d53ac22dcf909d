'use client';

import { ActionForm, type FormAction, Field, SubmitButton, TextField } from './action-form';
import { CopyButton } from './copy-button';
import { DOMAINS_HINT } from './project-forms';

type Settings = { id: string; name: string; domains: string[]; reportingCurrency: string; timeZone: string; attributionWindowDays: number; respectDoNotTrack: boolean };

export function ProjectSettingsForm({ action, project, readOnly }: { action: FormAction; project: Settings; readOnly: boolean }) {
  return (
    <ActionForm action={action} readOnly={readOnly} label="Project settings" className="grid gap-4 sm:grid-cols-2">
      <input type="hidden" name="projectId" value={project.id} />
      <TextField name="name" label="Project name" defaultValue={project.name} />
      <Field name="domains" label="Domains" hint={DOMAINS_HINT}>
        {(p) => <textarea {...p} rows={3} defaultValue={project.domains.join('\n')} className={`${p.className} h-auto py-2`} />}
      </Field>
      <TextField name="reportingCurrency" label="Reporting currency" hint="Three-letter code, e.g. usd" defaultValue={project.reportingCurrency} />
      <TextField name="timeZone" label="Time zone" hint="IANA name, e.g. Europe/Paris" defaultValue={project.timeZone} />
      <TextField name="attributionWindowDays" label="Attribution window (days)" type="number" defaultValue={String(project.attributionWindowDays)} />
      <Field name="respectDoNotTrack" label="Honour Do Not Track">
        {({ className: _, ...p }) => (
          <span className="flex items-start gap-2 text-sm text-muted">
            <input {...p} type="checkbox" defaultChecked={project.respectDoNotTrack} className="mt-0.5 size-4 shrink-0 accent-indigo-600" />
            Do not track visitors whose browser sends Do Not Track or Global Privacy Control
          </span>
        )}
      </Field>
      <div className="sm:col-span-2">
        <SubmitButton>Save settings</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function CreateApiKeyForm({ action, projectId, readOnly }: { action: FormAction; projectId: string; readOnly: boolean }) {
  return (
    <ActionForm
      action={action}
      readOnly={readOnly}
      resetOnSuccess label="Create an API key"
      className="flex flex-wrap items-end gap-3"
      onResult={(state) => {
        const key = state.ok ? (state.data as { key?: string } | undefined)?.key : undefined;
        return key ? (
          <div className="basis-full space-y-2 rounded-lg border border-emerald-200 bg-emerald-50 p-3 dark:border-emerald-500/30 dark:bg-emerald-500/10">
            <p className="text-sm font-medium text-emerald-900 dark:text-emerald-200">Copy this key now: Zori keeps only its hash and cannot show it again.</p>
            <div className="flex flex-wrap items-center gap-2">
            <code className="min-w-0 break-all rounded-md bg-surface px-2 py-1 font-mono text-sm" data-testid="new-api-key">
              {key}
            </code>
            <CopyButton text={key} label="Copy key" />
            </div>
          </div>
        ) : null;
      }}
    >
      <input type="hidden" name="projectId" value={projectId} />
      <div className="min-w-0 flex-1 basis-56">
        <TextField name="name" label="Key name" defaultValue="API key" />
      </div>
      <SubmitButton>Create API key</SubmitButton>
    </ActionForm>
  );
}
