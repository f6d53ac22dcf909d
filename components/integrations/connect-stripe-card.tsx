'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { buttonStyles } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { formatDateTime } from '@/lib/format/dates';
import type { ConnectionView } from '@/lib/stripe/connect/connections';
import type { ImportView } from '@/lib/stripe/connect/history-import';
import type { ConnectNotice } from '@/lib/stripe/connect/notices';

// Zori Cloud's Stripe card on Settings > Integrations: the connection's state, "Connect Stripe"
// (Connect OAuth) beside "Install the Zori app" (Stripe Apps), Disconnect, moving an account from
// another project, and the history import's progress. Both integrations share everything but the button.

type Move = { id: string; stripeAccountId: string; accountName: string | null; fromProjectName: string | null; canMove: boolean } | null;

type Props = { projectId: string; timeZone: string; enabled: boolean; appEnabled: boolean; view: ConnectionView; notice: ConnectNotice | null; move: Move; initialImport: ImportView | null };

const primary = buttonStyles('primary');
const secondary = buttonStyles('secondary');

async function post(path: string, body: unknown): Promise<string | null> {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.ok) return null;
  const json = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return json?.error?.message ?? `Something went wrong (${res.status})`;
}

function NoticeBanner({ notice }: { notice: ConnectNotice }) {
  const tone =
    notice.tone === 'error'
      ? 'border-red-200 bg-red-50 text-red-800 dark:border-red-500/30 dark:bg-red-500/10 dark:text-red-200'
      : notice.tone === 'success'
        ? 'border-emerald-200 bg-emerald-50 text-emerald-800 dark:border-emerald-500/30 dark:bg-emerald-500/10 dark:text-emerald-200'
        : 'border-sky-200 bg-sky-50 text-sky-800 dark:border-sky-500/30 dark:bg-sky-500/10 dark:text-sky-200';
  return (
    <p role={notice.tone === 'error' ? 'alert' : 'status'} className={`rounded-lg border px-3 py-2 text-sm ${tone}`}>
      {notice.message}
    </p>
  );
}

function ImportProgress({ job }: { job: ImportView }) {
  const percent = Math.round(job.progress * 100);
  // At 100% a running import is only writing its last rows: it no longer says "importing".
  const label =
    job.status === 'done'
      ? `History imported: ${job.imported.toLocaleString('en-US')} objects from the last 90 days`
      : job.status === 'failed'
        ? 'History import stopped'
        : percent >= 100
          ? 'Finishing the import…'
          : `Importing the last 90 days (${job.phase})…`;
  return (
    <div className="space-y-1">
      <div className="flex justify-between text-sm">
        <span id="import-label">{label}</span>
        <span className="tabular-nums text-muted">{percent}%</span>
      </div>
      <div role="progressbar" aria-labelledby="import-label" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-2 w-full overflow-hidden rounded-full bg-subtle">
        <div className={`h-full rounded-full ${job.status === 'failed' ? 'bg-red-500' : job.status === 'done' ? 'bg-emerald-500' : 'bg-indigo-600'}`} style={{ width: `${percent}%` }} />
      </div>
      {job.error && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {job.error}
        </p>
      )}
    </div>
  );
}

export function ConnectStripeCard({ projectId, timeZone, enabled, appEnabled, view, notice, move, initialImport }: Props) {
  const router = useRouter();
  const [job, setJob] = useState(initialImport);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const connectHref = `/api/stripe/connect/start?projectId=${encodeURIComponent(projectId)}`;
  const installHref = `/api/stripe/app/start?projectId=${encodeURIComponent(projectId)}`;
  const oauth = view.state !== 'not_connected' && (view.kind === 'connect' || view.kind === 'app');

  // Poll the import while it runs (the server also resumes an interrupted one when asked).
  useEffect(() => {
    if (job?.status !== 'running') return;
    const timer = setInterval(async () => {
      const res = await fetch(`/api/stripe/connect/import?projectId=${encodeURIComponent(projectId)}`);
      if (res.ok) setJob(((await res.json()) as { import: ImportView | null }).import);
    }, 1500);
    return () => clearInterval(timer);
  }, [job?.status, projectId]);

  async function act(path: string, body: unknown, after?: () => void) {
    setPending(true);
    setError(null);
    const message = await post(path, body);
    setPending(false);
    if (message) return setError(message);
    after?.();
    router.refresh();
  }

  async function rerunImport() {
    setPending(true);
    setError(null);
    const res = await fetch('/api/stripe/connect/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ projectId }) });
    setPending(false);
    const json = (await res.json()) as { import?: ImportView; error?: { message: string } };
    if (!res.ok) return setError(json.error?.message ?? 'Could not start the import');
    setJob(json.import ?? null);
  }

  return (
    <Card aria-labelledby="connect-stripe-heading">
      <CardHeader
        titleId="connect-stripe-heading"
        title="Stripe"
        description="Connect with Stripe (read-only access): payments arrive as they happen, and the last 90 days are imported."
        actions={
          <Badge data-testid="stripe-connection-state" tone={view.state === 'connected' ? 'good' : view.state === 'needs_attention' ? 'warn' : 'neutral'}>
            {view.state === 'not_connected' ? 'Not connected' : view.state === 'connected' ? 'Connected' : view.kind === 'app' ? 'Needs reconnecting' : 'Needs attention'}
          </Badge>
        }
      />
      <CardBody className="space-y-4">
      {notice && <NoticeBanner notice={notice} />}
      {error && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}

      {move && (
        <div className="space-y-2 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-500/30 dark:bg-amber-500/10 dark:text-amber-100">
          <p>
            Stripe account {move.accountName ? `${move.accountName} ` : ''}({move.stripeAccountId}) is already connected to{' '}
            {move.fromProjectName ? `the project “${move.fromProjectName}”` : 'another Zori project'}. A Stripe account sends its payments to one project at a time.
          </p>
          {move.canMove ? (
            <button type="button" className={primary} disabled={pending} onClick={() => act('/api/stripe/connect/move', { projectId, moveId: move.id }, () => router.replace(`/projects/${projectId}/settings/integrations?stripe=connected`))}>
              Move it to this project
            </button>
          ) : (
            <p role="alert">You do not manage that project: ask its owners or admins to disconnect Stripe there first.</p>
          )}
        </div>
      )}

      {!enabled && !appEnabled && view.state === 'not_connected' && (
        <p className="text-sm text-muted">Stripe Connect and the Zori Stripe App are not configured on this Zori (STRIPE_PLATFORM_SECRET_KEY with STRIPE_CONNECT_CLIENT_ID or STRIPE_APP_CLIENT_ID).</p>
      )}

      {view.state === 'not_connected' && (enabled || appEnabled) && (
        <div className="space-y-3">
          <p className="text-sm text-muted">
            Connect your Stripe account so Zori can credit each payment to the traffic source that brought the buyer. Zori only reads{appEnabled ? ': install the Zori app from Stripe, or connect with Stripe Connect' : ''}.
          </p>
          <div className="flex flex-wrap gap-2">
            {appEnabled && (
              <a href={installHref} className={primary}>
                Install the Zori app
              </a>
            )}
            {enabled && (
              <a href={connectHref} className={appEnabled ? secondary : primary}>
                Connect Stripe
              </a>
            )}
          </div>
        </div>
      )}

      {view.state !== 'not_connected' && (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5 text-sm">
          <dt className="text-muted">Account</dt>
          <dd data-testid="stripe-account">
            {view.accountName ?? 'Stripe account'} <code className="text-xs">{view.stripeAccountId}</code>
          </dd>
          <dt className="text-muted">Via</dt>
          <dd data-testid="stripe-connection-kind">{view.kind === 'app' ? 'Zori Stripe App' : view.kind === 'connect' ? 'Stripe Connect' : 'Your own keys'}</dd>
          <dt className="text-muted">Mode</dt>
          <dd>{view.livemode ? 'Live' : 'Test'}</dd>
          <dt className="text-muted">Connected</dt>
          <dd className="min-w-0 break-words">
            {view.connectedBy ? `by ${view.connectedBy}, ` : ''}
            <time dateTime={view.connectedAt}>{formatDateTime(view.connectedAt, timeZone)}</time> ({timeZone})
          </dd>
          {view.state === 'needs_attention' && (
            <>
              <dt className="text-muted">Status</dt>
              <dd role="alert" className="text-amber-700 dark:text-amber-300">
                {view.reason ?? 'Zori cannot reach this Stripe account.'}
              </dd>
            </>
          )}
        </dl>
      )}

      {view.state === 'connected' && oauth && (
        <div className="space-y-4">
          {job && <ImportProgress job={job} />}
          <div className="flex flex-wrap gap-2">
            <button type="button" className={secondary} disabled={pending || job?.status === 'running'} onClick={rerunImport}>
              {job?.status === 'failed' ? 'Resume import' : 'Import history again'}
            </button>
            <ConfirmDialog
              trigger="Disconnect"
              triggerSize="md"
              isDisabled={pending}
              title="Disconnect Stripe?"
              confirmLabel="Yes, disconnect"
              cancelLabel="Keep connected"
              onConfirm={() => act('/api/stripe/connect/disconnect', { projectId })}
            >
              Zori stops receiving this account’s payments. Revenue already recorded stays.
              {view.kind === 'app' ? ' Also uninstall the Zori app in your Stripe Dashboard (Settings › Installed apps).' : ''}
            </ConfirmDialog>
          </div>
        </div>
      )}

      {view.state === 'needs_attention' && view.kind === 'app' && appEnabled && (
        <a href={installHref} className={primary}>
          Install the Zori app again
        </a>
      )}
      {view.state === 'needs_attention' && view.kind !== 'app' && enabled && (
        <a href={connectHref} className={primary}>
          Reconnect Stripe
        </a>
      )}
      </CardBody>
    </Card>
  );
}
