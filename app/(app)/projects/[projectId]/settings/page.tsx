import type { Metadata } from 'next';
import { CopyButton } from '@/components/copy-button';
import { HiddenIdsForm } from '@/components/hidden-ids-form';
import { CreateApiKeyForm, ProjectSettingsForm } from '@/components/project-settings-forms';
import { ReadOnlyNote } from '@/components/read-only-note';
import { CHANNEL_RULES_VERSION } from '@/lib/channels/classify';
import { publicUrl } from '@/lib/config/env';
import { listApiKeys } from '@/lib/tenancy/api-keys';
import { getProject } from '@/lib/tenancy/projects';
import { canManage, orNotFound, requireActor } from '../../../page-helpers';
import { createApiKeyAction, reclassifyChannelsAction, revokeApiKeyAction, updateProjectSettingsAction } from './actions';

export const metadata: Metadata = { title: 'Project settings' };

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : 'never');

export default async function ProjectSettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireActor();
  const project = await orNotFound(getProject(actor, projectId));
  const keys = await listApiKeys(actor, projectId);
  const readOnly = !canManage(project.role);
  const snippet = `<script async src="${publicUrl()}/zori.js" data-key="${project.publishableKey}"></script>`;
  return (
    <main className="grid max-w-4xl gap-10">
      {readOnly && <ReadOnlyNote what="this project" />}
      <section aria-labelledby="snippet-heading" className="space-y-3">
        <h2 id="snippet-heading" className="text-lg font-semibold">
          Tracking snippet
        </h2>
        <p className="text-sm text-gray-600 dark:text-gray-400">Add this to every page of your site, in the &lt;head&gt;.</p>
        <div className="flex flex-wrap items-center gap-2">
          <code className="block flex-1 break-all rounded-md bg-gray-50 p-3 text-sm dark:bg-gray-900" data-testid="tracking-snippet">
            {snippet}
          </code>
          <CopyButton text={snippet} label="Copy snippet" />
        </div>
      </section>
      <section aria-labelledby="general-heading" className="space-y-3">
        <h2 id="general-heading" className="text-lg font-semibold">
          General
        </h2>
        <ProjectSettingsForm action={updateProjectSettingsAction} project={project} readOnly={readOnly} />
      </section>
      <section aria-labelledby="channels-heading" className="space-y-3">
        <h2 id="channels-heading" className="text-lg font-semibold">
          Channels
        </h2>
        <p className="text-sm text-gray-600 dark:text-gray-400">
          Visits are grouped into GA4’s default channels, plus AI Assistants (ChatGPT, Perplexity, Claude, Gemini, Copilot and others).
        </p>
        {project.channelRulesVersion < CHANNEL_RULES_VERSION ? (
          <>
            <p className="text-sm" data-testid="channel-rules-status">
              Visits stored before AI Assistants was added keep the channel they were given (usually Referral or Unassigned). Reclassify them to see that history under
              AI Assistants; revenue, visitor and daily figures are rebuilt to match.
            </p>
            <HiddenIdsForm action={reclassifyChannelsAction} ids={{ projectId }} label="Reclassify past visits" button="Reclassify past visits" readOnly={readOnly} />
          </>
        ) : (
          <p className="text-sm" data-testid="channel-rules-status">
            All visits, past and new, follow the current channel rules.
          </p>
        )}
      </section>
      <section aria-labelledby="keys-heading" className="space-y-3">
        <h2 id="keys-heading" className="text-lg font-semibold">
          API keys
        </h2>
        <CreateApiKeyForm action={createApiKeyAction} projectId={projectId} readOnly={readOnly} />
        <table className="w-full text-left text-sm">
          <thead className="text-gray-500">
            <tr>
              <th className="py-2">Name</th>
              <th>Key</th>
              <th>Created</th>
              <th>Last used</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-200 dark:divide-gray-800">
            {keys.map((k) => (
              <tr key={k.id} data-testid="api-key-row">
                <td className="py-2">{k.name}</td>
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td>{day(k.createdAt)}</td>
                <td>{day(k.lastUsedAt)}</td>
                <td>
                  {k.revokedAt ? (
                    <span className="text-gray-500">revoked {day(k.revokedAt)}</span>
                  ) : (
                    <HiddenIdsForm action={revokeApiKeyAction} ids={{ projectId, apiKeyId: k.id }} label={`Revoke ${k.name}`} button="Revoke" readOnly={readOnly} />
                  )}
                </td>
              </tr>
            ))}
            {keys.length === 0 && (
              <tr>
                <td colSpan={5} className="py-2 text-gray-500">
                  No API keys yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </section>
    </main>
  );
}
