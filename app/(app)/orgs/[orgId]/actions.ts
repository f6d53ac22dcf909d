'use server';

import { redirect } from 'next/navigation';
import type { ActionResult } from '@/lib/http/errors';
import { fields, listField } from '@/lib/http/actions';
import { createOrganizationForUser, renameOrganization } from '@/lib/tenancy/organizations';
import { createProject, deleteProject, updateProject } from '@/lib/tenancy/projects';
import { act } from '../../page-helpers';

// Actions return no rows to the browser (a project row carries its identity salt): only what the form shows.
type State = ActionResult<unknown> | null;

export async function createProjectAction(_: State, form: FormData) {
  const f = fields(form);
  return act(
    async (actor) =>
      void (await createProject(actor, f.orgId ?? '', { name: f.name, domains: listField(f.domains), reportingCurrency: f.reportingCurrency || undefined, timeZone: f.timeZone || undefined })),
    'Project created',
  );
}

export async function renameProjectAction(_: State, form: FormData) {
  const f = fields(form);
  return act(async (actor) => void (await updateProject(actor, f.projectId ?? '', { name: f.name })), 'Project renamed');
}

export async function deleteProjectAction(_: State, form: FormData) {
  const f = fields(form);
  const result = await act((actor) => deleteProject(actor, f.projectId ?? '', f.confirmName));
  if (result.ok) redirect(`/orgs/${encodeURIComponent(f.orgId ?? '')}`);
  return result;
}

export async function renameOrganizationAction(_: State, form: FormData) {
  const f = fields(form);
  return act(async (actor) => void (await renameOrganization(actor, f.orgId ?? '', f.name)), 'Organization renamed');
}

export async function createOrganizationAction(_: State, form: FormData) {
  const f = fields(form);
  const result = await act(async (actor) => (await createOrganizationForUser(actor, f.name)).id);
  if (result.ok) redirect(`/orgs/${result.data}`);
  return result;
}
