'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { ConnectionView } from '@/lib/stripe/connect/connections';
import type { ImportView } from '@/lib/stripe/connect/history-import';
import type { ConnectNotice } from '@/lib/stripe/connect/notices';

// Zori Cloud's Stripe card on Settings > Integrations: the connection's state, "Connect Stripe"
// (Connect OAuth) beside "Install the Zori app" (Stripe Apps), Disconnect, moving an account from
// another project, and the history import's progress. Both integrations share everything but the button.

type Move = { id: string; stripeAccountId: string; accountName: string | null; fromProjectName: string | null; canMove: boolean } | null;

type Props = { projectId: string; enabled: boolean; appEnabled: boolean; view: ConnectionView; notice: ConnectNotice | null; move: Move; initialImport: ImportView | null };

const button = 'inline-flex items-center rounded-md px-3 py-2 text-sm font-medium disabled:opacity-60';
const primary = `${button} bg-indigo-600 text-white hover:bg-indigo-500`;
const secondary = `${button} border border-gray-300 hover:bg-gray-50 dark:border-gray-700 dark:hover:bg-gray-900`;

async function post(path: string, body: unknown): Promise<string | null> {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.ok) return null;
  const json = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return json?.error?.message ?? `Something went wrong (${res.status})`;
}

function NoticeBanner({ notice }: { notice: ConnectNotice }) {
  const tone =
    notice.tone === 'error'
      ? 'border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200'
      : notice.tone === 'success'
        ? 'border-green-300 bg-green-50 text-green-800 dark:border-green-800 dark:bg-green-950 dark:text-green-200'
        : 'border-blue-300 bg-blue-50 text-blue-800 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-200';
  return (
    <p role={notice.tone === 'error' ? 'alert' : 'status'} className={`rounded-md border px-3 py-2 text-sm ${tone}`}>
      {notice.message}
    </p>
  );
}

function ImportProgress({ job }: { job: ImportView }) {
  const percent = Math.round(job.progress * 100);
  const label = job.status === 'done' ? `History imported: ${job.imported} objects from the last 90 days` : job.status === 'failed' ? 'History import stopped' : `Importing the last 90 days (${job.phase})…`;
  return (
    <div className="space-y-1">
      <div className="flex justify-between text-sm">
        <span id="import-label">{label}</span>
        <span>{percent}%</span>
      </div>
      <div role="progressbar" aria-labelledby="import-label" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-2 w-full overflow-hidden rounded bg-gray-200 dark:bg-gray-800">
        <div className={`h-full ${job.status === 'failed' ? 'bg-red-500' : 'bg-indigo-600'}`} style={{ width: `${percent}%` }} />
      </div>
      {job.error && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {job.error}
        </p>
      )}
    </div>
  );
}

export function ConnectStripeCard({ projectId, enabled, appEnabled, view, notice, move, initialImport }: Props) {
  const router = useRouter();
  const [job, setJob] = useState(initialImport);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [confirming, setConfirming] = useState(false);
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
    <section aria-labelledby="connect-stripe-heading" className="space-y-4 rounded-lg border border-gray-200 p-6 dark:border-gray-800">
      <div className="flex items-center justify-between gap-4">
        <h2 id="connect-stripe-heading" className="text-lg font-semibold">
          Stripe
        </h2>
        <span data-testid="stripe-connection-state" className="rounded-full bg-gray-100 px-2 py-0.5 text-xs font-medium dark:bg-gray-800">
          {view.state === 'not_connected' ? 'Not connected' : view.state === 'connected' ? 'Connected' : view.kind === 'app' ? 'Needs reconnecting' : 'Needs attention'}
        </span>
      </div>
      {notice && <NoticeBanner notice={notice} />}
      {error && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}

      {move && (
        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
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
        <p className="text-sm text-gray-600 dark:text-gray-400">Stripe Connect and the Zori Stripe App are not configured on this Zori (STRIPE_PLATFORM_SECRET_KEY with STRIPE_CONNECT_CLIENT_ID or STRIPE_APP_CLIENT_ID).</p>
      )}

      {view.state === 'not_connected' && (enabled || appEnabled) && (
        <div className="space-y-3">
          <p className="text-sm text-gray-600 dark:text-gray-400">
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
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-gray-500">Account</dt>
          <dd data-testid="stripe-account">
            {view.accountName ?? 'Stripe account'} <code className="text-xs">{view.stripeAccountId}</code>
          </dd>
          <dt className="text-gray-500">Via</dt>
          <dd data-testid="stripe-connection-kind">{view.kind === 'app' ? 'Zori Stripe App' : view.kind === 'connect' ? 'Stripe Connect' : 'Your own keys'}</dd>
          <dt className="text-gray-500">Mode</dt>
          <dd>{view.livemode ? 'Live' : 'Test'}</dd>
          <dt className="text-gray-500">Connected</dt>
          <dd>
            {view.connectedBy ? `by ${view.connectedBy}, ` : ''}
            <time dateTime={view.connectedAt}>{new Date(view.connectedAt).toLocaleString()}</time>
          </dd>
          {view.state === 'needs_attention' && (
            <>
              <dt className="text-gray-500">Status</dt>
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
            {confirming ? (
              <>
                <button type="button" className={`${button} bg-red-600 text-white hover:bg-red-500`} disabled={pending} onClick={() => act('/api/stripe/connect/disconnect', { projectId }, () => setConfirming(false))}>
                  Yes, disconnect
                </button>
                <button type="button" className={secondary} onClick={() => setConfirming(false)}>
                  Keep connected
                </button>
              </>
            ) : (
              <button type="button" className={secondary} onClick={() => setConfirming(true)}>
                Disconnect
              </button>
            )}
          </div>
          {confirming && (
            <p className="text-sm text-gray-600 dark:text-gray-400">
              Zori stops receiving this account’s payments. Revenue already recorded stays.
              {view.kind === 'app' ? ' Also uninstall the Zori app in your Stripe Dashboard (Settings › Installed apps).' : ''}
            </p>
          )}
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
    </section>
  );
}
