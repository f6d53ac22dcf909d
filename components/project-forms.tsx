'use client';

import { ActionForm, type FormAction, Field, SubmitButton, TextField } from './action-form';

// The forms of the projects list: create, rename, delete (typing the name to confirm).

export function CreateProjectForm({ action, orgId, readOnly }: { action: FormAction; orgId: string; readOnly: boolean }) {
  return (
    <ActionForm action={action} readOnly={readOnly} resetOnSuccess label="Create a project" className="grid gap-4 sm:grid-cols-2">
      <input type="hidden" name="orgId" value={orgId} />
      <TextField name="name" label="Project name" />
      <Field name="domains" label="Domains" hint="Host names the site runs on, separated by commas">
        {(p) => <input {...p} placeholder="example.com" />}
      </Field>
      <TextField name="reportingCurrency" label="Reporting currency" defaultValue="usd" />
      <TextField name="timeZone" label="Time zone" defaultValue="UTC" />
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
      <TextField name="name" label="New name" defaultValue={project.name} />
      <SubmitButton>Rename</SubmitButton>
    </ActionForm>
  );
}

export function DeleteProjectForm({ action, orgId, project, readOnly }: { action: FormAction; orgId: string; project: { id: string; name: string }; readOnly: boolean }) {
  return (
    <ActionForm action={action} readOnly={readOnly} label={`Delete ${project.name}`} className="space-y-2">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="projectId" value={project.id} />
      <p className="text-sm text-gray-600 dark:text-gray-400">Deleting removes the project and all of its data (visitors, payments, keys). This cannot be undone.</p>
      <TextField name="confirmName" label={`Type "${project.name}" to confirm`} />
      <SubmitButton danger>Delete project</SubmitButton>
    </ActionForm>
  );
}
