'use client';

import { ActionForm, type FormAction, Field, SubmitButton, TextField } from './action-form';

// The forms of the projects list: create, rename, delete (typing the name to confirm).

/** One wording for the domains field wherever it appears (create and settings). */
export const DOMAINS_HINT = 'One host per line, e.g. example.com (covers its subdomains)';

export function CreateProjectForm({ action, orgId, readOnly }: { action: FormAction; orgId: string; readOnly: boolean }) {
  return (
    <ActionForm action={action} readOnly={readOnly} resetOnSuccess label="Create a project" className="grid gap-4 sm:grid-cols-2">
      <input type="hidden" name="orgId" value={orgId} />
      <TextField name="name" label="Project name" />
      <Field name="domains" label="Domains" hint={DOMAINS_HINT}>
        {(p) => <textarea {...p} rows={2} placeholder="example.com" className={`${p.className} h-auto py-2`} />}
      </Field>
      <TextField name="reportingCurrency" label="Reporting currency" hint="Three-letter code, e.g. usd" defaultValue="usd" />
      <TextField name="timeZone" label="Time zone" hint="IANA name, e.g. Europe/Paris" defaultValue="UTC" />
      <div className="sm:col-span-2">
        <SubmitButton>Create project</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function RenameProjectForm({ action, project, readOnly }: { action: FormAction; project: { id: string; name: string }; readOnly: boolean }) {
  return (
    <ActionForm action={action} readOnly={readOnly} label={`Rename ${project.name}`} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="projectId" value={project.id} />
      <div className="min-w-0 flex-1 basis-48">
        <TextField name="name" label="New name" defaultValue={project.name} />
      </div>
      <SubmitButton variant="secondary">Rename</SubmitButton>
    </ActionForm>
  );
}

export function DeleteProjectForm({ action, orgId, project, readOnly }: { action: FormAction; orgId: string; project: { id: string; name: string }; readOnly: boolean }) {
  return (
    <ActionForm action={action} readOnly={readOnly} label={`Delete ${project.name}`} className="space-y-3 rounded-lg border border-red-200 bg-red-50/50 p-4 dark:border-red-500/30 dark:bg-red-500/5">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="projectId" value={project.id} />
      <p className="text-sm text-muted">Deleting removes the project and all of its data (visitors, payments, keys). This cannot be undone.</p>
      <TextField name="confirmName" label={`Type "${project.name}" to confirm`} />
      <SubmitButton danger>Delete project</SubmitButton>
    </ActionForm>
  );
}
