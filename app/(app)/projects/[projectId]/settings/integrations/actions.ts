'use server';

import { revalidatePath } from 'next/cache';
import { currentUser, userActor } from '@/lib/auth/session';
import { UnauthenticatedError } from '@/lib/authz';
import { type ActionResult, toActionResult } from '@/lib/http/errors';
import { createWebhookEndpoint, dropOldWebhookSecrets, saveStripeSettings } from '@/lib/stripe/settings';

async function actor() {
  const user = await currentUser();
  if (!user) throw new UnauthenticatedError();
  return userActor(user);
}

const path = (projectId: string) => `/projects/${projectId}/settings/integrations`;

export async function saveStripeSettingsAction(projectId: string, _prev: ActionResult<unknown> | null, form: FormData): Promise<ActionResult> {
  try {
    await saveStripeSettings(await actor(), projectId, { secretKey: form.get('secretKey'), webhookSecret: form.get('webhookSecret') });
    revalidatePath(path(projectId));
    return { ok: true, message: 'Saved. The key was checked with Stripe.' };
  } catch (err) {
    return toActionResult(err);
  }
}

export async function createWebhookEndpointAction(projectId: string, _prev: ActionResult<unknown> | null): Promise<ActionResult> {
  try {
    const { endpointId, url } = await createWebhookEndpoint(await actor(), projectId);
    revalidatePath(path(projectId));
    return { ok: true, message: `Created webhook endpoint ${endpointId} for ${url}; its signing secret is stored.` };
  } catch (err) {
    return toActionResult(err);
  }
}

export async function dropOldWebhookSecretsAction(projectId: string, _prev: ActionResult<unknown> | null): Promise<ActionResult> {
  try {
    await dropOldWebhookSecrets(await actor(), projectId);
    revalidatePath(path(projectId));
    return { ok: true, message: 'Only the newest webhook secret is valid now.' };
  } catch (err) {
    return toActionResult(err);
  }
}
