'use client';

import { ActionForm, type FormAction, Field, SubmitButton, TextField } from './action-form';
import { CopyButton } from './copy-button';

type Settings = { id: string; name: string; domains: string[]; reportingCurrency: string; timeZone: string; attributionWindowDays: number; respectDoNotTrack: boolean };

export function ProjectSettingsForm({ action, project, readOnly }: { action: FormAction; project: Settings; readOnly: boolean }) {
  return (
    <ActionForm action={action} readOnly={readOnly} label="Project settings" className="grid gap-4 sm:grid-cols-2">
      <input type="hidden" name="projectId" value={project.id} />
      <TextField name="name" label="Project name" defaultValue={project.name} />
      <Field name="domains" label="Domains" hint="One host per line, e.g. example.com (covers its subdomains)">
        {(p) => <textarea {...p} rows={3} defaultValue={project.domains.join('\n')} />}
      </Field>
      <TextField name="reportingCurrency" label="Reporting currency" hint="Three-letter code, e.g. usd" defaultValue={project.reportingCurrency} />
      <TextField name="timeZone" label="Time zone" hint="IANA name, e.g. Europe/Paris" defaultValue={project.timeZone} />
      <TextField name="attributionWindowDays" label="Attribution window (days)" type="number" defaultValue={String(project.attributionWindowDays)} />
      <Field name="respectDoNotTrack" label="Honour Do Not Track">
        {({ className: _, ...p }) => (
          <span className="flex items-center gap-2 text-sm">
            <input {...p} type="checkbox" defaultChecked={project.respectDoNotTrack} className="h-4 w-4" />
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
      className="space-y-3"
      onResult={(state) => {
        const key = state.ok ? (state.data as { key?: string } | undefined)?.key : undefined;
        return key ? (
          <div className="flex flex-wrap items-center gap-2 rounded-md bg-gray-50 p-3 dark:bg-gray-900">
            <code className="break-all text-sm" data-testid="new-api-key">
              {key}
            </code>
            <CopyButton text={key} label="Copy key" />
          </div>
        ) : null;
      }}
    >
      <input type="hidden" name="projectId" value={projectId} />
      <TextField name="name" label="Key name" defaultValue="API key" />
      <SubmitButton>Create API key</SubmitButton>
    </ActionForm>
  );
}
