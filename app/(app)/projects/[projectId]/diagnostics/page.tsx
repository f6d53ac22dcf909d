import { notFound, redirect } from 'next/navigation';
import { RerunButton } from '@/components/stripe/rerun-button';
import { currentUser, userActor } from '@/lib/auth/session';
import { authorizeProject, NotFoundError } from '@/lib/authz';
import { formatMoney } from '@/lib/money/currencies';
import { listRecentDeliveries, listRejectionCounts, listUnattributedPayments } from '@/lib/stripe/diagnostics';
import { REJECTION_MESSAGES, type RejectionReason } from '@/lib/stripe/webhooks/verify';
import { rerunEventAction } from './actions';

export const metadata = { title: 'Diagnostics' };

const STATUS_STYLE: Record<string, string> = {
  processed: 'text-green-700 dark:text-green-400',
  ignored: 'text-gray-500 dark:text-gray-400',
  pending: 'text-amber-700 dark:text-amber-400',
  failed: 'text-red-600 dark:text-red-400',
};

const th = 'px-2 py-1 text-left font-medium';
const td = 'px-2 py-1 align-top';

export default async function DiagnosticsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const user = await currentUser();
  if (!user) redirect('/signin');
  const actor = userActor(user);
  const scope = await authorizeProject(actor, projectId, 'read').catch((err) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  const canManage = scope.role === 'owner' || scope.role === 'admin';
  const [deliveries, rejections, unattributed] = await Promise.all([
    listRecentDeliveries(actor, projectId),
    listRejectionCounts(actor, projectId),
    listUnattributedPayments(actor, projectId),
  ]);
  return (
    <main className="mx-auto max-w-5xl space-y-10 px-4 py-10">
      <h1 className="text-2xl font-semibold">Diagnostics</h1>

      <section aria-labelledby="deliveries-heading" className="space-y-3">
        <h2 id="deliveries-heading" className="text-lg font-semibold">Recent Stripe deliveries</h2>
        {deliveries.length === 0 ? (
          <p className="text-sm text-gray-500 dark:text-gray-400">No verified event received yet. Check the webhook URL and secret under Settings › Integrations.</p>
        ) : (
          <table className="w-full text-sm" data-testid="deliveries">
            <thead className="border-b border-gray-200 dark:border-gray-800">
              <tr><th className={th}>Received</th><th className={th}>Type</th><th className={th}>Mode</th><th className={th}>Signature</th><th className={th}>Result</th><th className={th}></th></tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id} className="border-b border-gray-100 dark:border-gray-900">
                  <td className={td}>{d.receivedAt.toISOString().replace('T', ' ').slice(0, 19)}</td>
                  <td className={`${td} font-mono`}>{d.type}<div className="text-xs text-gray-500">{d.eventId} · API {d.apiVersion ?? '?'}</div></td>
                  <td className={td}>{d.livemode ? 'live' : 'test'}</td>
                  <td className={td}>OK</td>
                  <td className={td}>
                    <span className={STATUS_STYLE[d.status]}>{d.status}</span>
                    {d.status === 'failed' && <span className="text-xs">{d.nextAttemptAt ? ` (attempt ${d.attempts}, retried)` : ' (not retried: the event itself is wrong)'}</span>}
                    {d.lastError && <div className="text-xs text-gray-600 dark:text-gray-400">{d.lastError}</div>}
                  </td>
                  <td className={td}>{canManage && d.status !== 'ignored' && <RerunButton action={rerunEventAction.bind(null, projectId, d.id)} label={`Re-run ${d.type} ${d.eventId}`} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="rejections-heading" className="space-y-3">
        <h2 id="rejections-heading" className="text-lg font-semibold">Rejected deliveries (last 14 days)</h2>
        {rejections.length === 0 ? (
          <p className="text-sm text-gray-500 dark:text-gray-400">None: every delivery had a valid signature.</p>
        ) : (
          <table className="w-full text-sm" data-testid="rejections">
            <thead className="border-b border-gray-200 dark:border-gray-800"><tr><th className={th}>Day</th><th className={th}>Reason</th><th className={th}>Count</th></tr></thead>
            <tbody>
              {rejections.map((r) => (
                <tr key={`${r.day.toISOString()}-${r.reason}`} className="border-b border-gray-100 dark:border-gray-900">
                  <td className={td}>{r.day.toISOString().slice(0, 10)}</td>
                  <td className={td}>{REJECTION_MESSAGES[r.reason as RejectionReason] ?? r.reason}</td>
                  <td className={td}>{r.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="unattributed-heading" className="space-y-3">
        <h2 id="unattributed-heading" className="text-lg font-semibold">Unattributed payments</h2>
        <p className="text-sm text-gray-500 dark:text-gray-400">Reported as unattributed revenue, never as Direct.</p>
        {unattributed.length === 0 ? (
          <p className="text-sm">Every payment is attributed.</p>
        ) : (
          <table className="w-full text-sm" data-testid="unattributed">
            <thead className="border-b border-gray-200 dark:border-gray-800"><tr><th className={th}>Paid</th><th className={th}>Payment</th><th className={th}>Amount</th><th className={th}>Reason and fix</th></tr></thead>
            <tbody>
              {unattributed.map((p) => (
                <tr key={p.id} className="border-b border-gray-100 dark:border-gray-900">
                  <td className={td}>{p.paidAt.toISOString().slice(0, 10)}</td>
                  <td className={`${td} font-mono text-xs`}>{p.paymentKey}{p.livemode ? '' : ' (test)'}</td>
                  <td className={td}>{formatMoney(p.amount, p.currency)}</td>
                  <td className={td}><p>{p.fix.reason}</p><p className="text-xs text-gray-600 dark:text-gray-400">{p.fix.fix}</p></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
