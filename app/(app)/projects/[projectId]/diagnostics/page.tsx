import { CircleCheck, Inbox, ShieldCheck } from 'lucide-react';
import { RerunButton } from '@/components/stripe/rerun-button';
import { Badge, type Tone } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { DataTable, Td, Th, Tr } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { authorizeProject } from '@/lib/authz';
import { formatDate, formatDateTime } from '@/lib/format/dates';
import { formatMoney } from '@/lib/format/numbers';
import { listRecentDeliveries, listRejectionCounts, listUnattributedPayments } from '@/lib/stripe/diagnostics';
import { REJECTION_MESSAGES, type RejectionReason } from '@/lib/stripe/webhooks/verify';
import { orNotFound, requireActor } from '../../../page-helpers';
import { rerunEventAction } from './actions';

export const metadata = { title: 'Diagnostics' };

const STATUS_TONE: Record<string, Tone> = { processed: 'good', ignored: 'neutral', pending: 'warn', failed: 'bad' };

export default async function DiagnosticsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireActor();
  const scope = await orNotFound(authorizeProject(actor, projectId, 'read'));
  const canManage = scope.role === 'owner' || scope.role === 'admin';
  const tz = scope.project.timeZone;
  const [deliveries, rejections, unattributed] = await Promise.all([
    listRecentDeliveries(actor, projectId),
    listRejectionCounts(actor, projectId),
    listUnattributedPayments(actor, projectId),
  ]);
  return (
    <main className="space-y-6">
      <p className="text-xs text-muted">Times in {tz}.</p>
      <Card aria-labelledby="deliveries-heading">
        <CardHeader titleId="deliveries-heading" title="Recent Stripe deliveries" description="Verified webhook events, newest first." />
        {deliveries.length === 0 ? (
          <EmptyState icon={Inbox} title="No verified event received yet">
            Check the webhook URL and secret under Integrations.
          </EmptyState>
        ) : (
          <DataTable caption="Recent Stripe deliveries" testId="deliveries" className="mt-3">
            <thead>
              <tr>
                <Th>Received</Th>
                <Th>Type</Th>
                <Th>Mode</Th>
                <Th>Signature</Th>
                <Th>Result</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <Tr key={d.id}>
                  <Td className="whitespace-nowrap">{formatDateTime(d.receivedAt, tz)}</Td>
                  <Td>
                    <span className="font-mono text-xs">{d.type}</span>
                    <div className="whitespace-nowrap font-mono text-xs text-muted">
                      {d.eventId} · API {d.apiVersion ?? '?'}
                    </div>
                  </Td>
                  <Td>{d.livemode ? 'live' : 'test'}</Td>
                  <Td>
                    <span className="inline-flex items-center gap-1 text-emerald-700 dark:text-emerald-400">
                      <CircleCheck aria-hidden className="size-3.5" /> OK
                    </span>
                  </Td>
                  <Td className="min-w-[10rem]">
                    <Badge tone={STATUS_TONE[d.status] ?? 'neutral'}>{d.status}</Badge>
                    {d.status === 'failed' && <span className="text-xs text-muted">{d.nextAttemptAt ? ` (attempt ${d.attempts}, retried)` : ' (not retried: the event itself is wrong)'}</span>}
                    {d.lastError && <div className="mt-1 text-xs text-muted">{d.lastError}</div>}
                  </Td>
                  <Td className="text-right">
                    {canManage && d.status !== 'ignored' && <RerunButton action={rerunEventAction.bind(null, projectId, d.id)} label={`Re-run ${d.type} ${d.eventId}`} />}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </Card>

      <Card aria-labelledby="rejections-heading">
        <CardHeader titleId="rejections-heading" title="Rejected deliveries (last 14 days)" description="Requests to the webhook URL that failed the signature check." />
        {rejections.length === 0 ? (
          <EmptyState icon={ShieldCheck} title="None: every delivery had a valid signature" className="py-8" />
        ) : (
          <DataTable caption="Rejected deliveries" testId="rejections" className="mt-3">
            <thead>
              <tr>
                <Th>Day (UTC)</Th>
                <Th>Reason</Th>
                <Th numeric>Count</Th>
              </tr>
            </thead>
            <tbody>
              {rejections.map((r) => (
                <Tr key={`${r.day.toISOString()}-${r.reason}`}>
                  <Td className="whitespace-nowrap">{formatDate(r.day, 'UTC')}</Td>
                  <Td>{REJECTION_MESSAGES[r.reason as RejectionReason] ?? r.reason}</Td>
                  <Td numeric>{r.count}</Td>
                </Tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </Card>

      <Card aria-labelledby="unattributed-heading">
        <CardHeader titleId="unattributed-heading" title="Unattributed payments" description="Reported as unattributed revenue, never as Direct." />
        {unattributed.length === 0 ? (
          <EmptyState icon={CircleCheck} title="Every payment is attributed" className="py-8" />
        ) : (
          <DataTable caption="Unattributed payments" testId="unattributed" className="mt-3">
            <thead>
              <tr>
                <Th>Paid</Th>
                <Th>Payment</Th>
                <Th numeric>Amount</Th>
                <Th>Reason and fix</Th>
              </tr>
            </thead>
            <tbody>
              {unattributed.map((p) => (
                <Tr key={p.id}>
                  <Td className="whitespace-nowrap">{formatDate(p.paidAt, tz)}</Td>
                  <Td className="whitespace-nowrap font-mono text-xs">
                    {p.paymentKey}
                    {p.livemode ? '' : ' (test)'}
                  </Td>
                  <Td numeric>{formatMoney(Number(p.amount), p.currency)}</Td>
                  <Td className="min-w-[18rem]">
                    <p>{p.fix.reason}</p>
                    <p className="mt-0.5 text-xs text-muted">{p.fix.fix}</p>
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
