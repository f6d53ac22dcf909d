import type { Metadata } from 'next';
import { KeyRound } from 'lucide-react';
import { CopyButton } from '@/components/copy-button';
import { HiddenIdsForm } from '@/components/hidden-ids-form';
import { CreateApiKeyForm, ProjectSettingsForm } from '@/components/project-settings-forms';
import { ReadOnlyNote } from '@/components/read-only-note';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { DataTable, RowHeader, Td, Th, Tr } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { CHANNEL_RULES_VERSION } from '@/lib/channels/classify';
import { formatDateTime } from '@/lib/format/dates';
import { listApiKeys } from '@/lib/tenancy/api-keys';
import { getProject } from '@/lib/tenancy/projects';
import { trackingSnippet } from '@/lib/tenancy/snippet';
import { canManage, orNotFound, requireActor } from '../../../page-helpers';
import { createApiKeyAction, reclassifyChannelsAction, revokeApiKeyAction, updateProjectSettingsAction } from './actions';

export const metadata: Metadata = { title: 'Project settings' };

export default async function ProjectSettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireActor();
  const [project, keys] = await orNotFound(Promise.all([getProject(actor, projectId), listApiKeys(actor, projectId)]));
  const readOnly = !canManage(project.role);
  const snippet = trackingSnippet(project.publishableKey);
  const when = (d: Date | null) => (d ? formatDateTime(d, project.timeZone) : 'never');
  return (
    <main className="grid max-w-4xl gap-6">
      {readOnly && <ReadOnlyNote what="this project" />}
      <Card aria-labelledby="snippet-heading">
        <CardHeader titleId="snippet-heading" title="Tracking snippet" description="Add this to every page of your site, in the <head>." />
        <CardBody className="flex flex-wrap items-center gap-2">
          <code className="block min-w-0 flex-1 break-all rounded-lg border border-line bg-subtle px-3 py-2.5 font-mono text-xs text-fg" data-testid="tracking-snippet">
            {snippet}
          </code>
          <CopyButton text={snippet} label="Copy snippet" />
        </CardBody>
      </Card>
      <Card aria-labelledby="general-heading">
        <CardHeader titleId="general-heading" title="General" description="How this project's reports are counted and shown." />
        <CardBody>
          <ProjectSettingsForm
            action={updateProjectSettingsAction}
            project={{
              id: project.id,
              name: project.name,
              domains: project.domains,
              reportingCurrency: project.reportingCurrency,
              timeZone: project.timeZone,
              attributionWindowDays: project.attributionWindowDays,
              respectDoNotTrack: project.respectDoNotTrack,
            }}
            readOnly={readOnly}
          />
        </CardBody>
      </Card>
      <Card aria-labelledby="channels-heading">
        <CardHeader
          titleId="channels-heading"
          title="Channels"
          description="Visits are grouped into GA4’s default channels, plus AI Assistants (ChatGPT, Perplexity, Claude, Gemini, Copilot and others)."
        />
        <CardBody className="space-y-3">
          {project.channelRulesVersion < CHANNEL_RULES_VERSION ? (
            <>
              <p className="text-sm text-fg" data-testid="channel-rules-status">
                Visits stored before AI Assistants was added keep the channel they were given (usually Referral or Unassigned). Reclassify them to see that history under AI
                Assistants; revenue, visitor and daily figures are rebuilt to match.
              </p>
              <HiddenIdsForm action={reclassifyChannelsAction} ids={{ projectId }} label="Reclassify past visits" button="Reclassify past visits" readOnly={readOnly} />
            </>
          ) : (
            <p className="text-sm text-muted" data-testid="channel-rules-status">
              All visits, past and new, follow the current channel rules.
            </p>
          )}
        </CardBody>
      </Card>
      <Card aria-labelledby="keys-heading">
        <CardHeader titleId="keys-heading" title="API keys" description={`For the reporting API (Authorization: Bearer zori_…). Times in ${project.timeZone}.`} />
        <CardBody>
          <CreateApiKeyForm action={createApiKeyAction} projectId={projectId} readOnly={readOnly} />
        </CardBody>
        {keys.length === 0 ? (
          <EmptyState icon={KeyRound} title="No API keys yet" className="border-t border-line py-8" />
        ) : (
          <DataTable caption="API keys" className="border-t border-line">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Key</Th>
                <Th>Created</Th>
                <Th>Last used</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <Tr key={k.id} data-testid="api-key-row">
                  <RowHeader className="whitespace-nowrap font-medium">{k.name}</RowHeader>
                  <Td>
                    <code className="font-mono text-xs">{k.prefix}…</code>
                  </Td>
                  <Td className="whitespace-nowrap">{when(k.createdAt)}</Td>
                  <Td className="whitespace-nowrap">{when(k.lastUsedAt)}</Td>
                  <Td className="text-right">
                    {k.revokedAt ? (
                      <Badge>revoked {when(k.revokedAt)}</Badge>
                    ) : (
                      <HiddenIdsForm
                        action={revokeApiKeyAction}
                        ids={{ projectId, apiKeyId: k.id }}
                        label={`Revoke ${k.name}`}
                        button="Revoke"
                        readOnly={readOnly}
                        confirm={{
                          title: `Revoke the API key “${k.name}”?`,
                          body: 'Requests with this key are refused from now on. This cannot be undone: scripts that use it need a new key.',
                          confirmLabel: 'Revoke key',
                        }}
                      />
                    )}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </Card>
    </main>
  );
}
