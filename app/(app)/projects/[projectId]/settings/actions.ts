'use server';

import type { ActionResult } from '@/lib/http/errors';
import { fields, listField } from '@/lib/http/actions';
import { reclassifyProjectChannels } from '@/lib/analytics/reclassify-channels';
import { createApiKey, revokeApiKey } from '@/lib/tenancy/api-keys';
import { updateProject } from '@/lib/tenancy/projects';
import { act } from '../../../page-helpers';

type State = ActionResult<unknown> | null;

export async function updateProjectSettingsAction(_: State, form: FormData) {
  const f = fields(form);
  return act(
    async (actor) =>
      void (await updateProject(actor, f.projectId ?? '', {
        name: f.name,
        domains: listField(f.domains),
        reportingCurrency: f.reportingCurrency,
        timeZone: f.timeZone,
        attributionWindowDays: f.attributionWindowDays,
        respectDoNotTrack: f.respectDoNotTrack === 'on',
      })),
    'Settings saved',
  );
}

export async function createApiKeyAction(_: State, form: FormData) {
  const f = fields(form);
  return act(async (actor) => {
    const { key, prefix } = await createApiKey(actor, f.projectId ?? '', { name: f.name || undefined });
    return { key, prefix }; // shown once, never again
  }, 'API key created: copy it now, it will not be shown again');
}

export async function revokeApiKeyAction(_: State, form: FormData) {
  const f = fields(form);
  return act((actor) => revokeApiKey(actor, f.projectId ?? '', f), 'API key revoked');
}

export async function reclassifyChannelsAction(_: State, form: FormData) {
  const f = fields(form);
  const result = await act((actor) => reclassifyProjectChannels(actor, f.projectId ?? ''));
  if (!result.ok || !result.data) return result;
  const { touches, payments } = result.data;
  return { ...result, message: `Reclassified ${touches} past ${touches === 1 ? 'visit' : 'visits'}; the revenue of ${payments} ${payments === 1 ? 'payment' : 'payments'} follows.` };
}
