import type { Metadata } from 'next';
import Link from 'next/link';
import { Download, Receipt } from 'lucide-react';
import { z } from 'zod';
import { ReportControls } from '@/components/dashboard/controls';
import { buttonStyles } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ChannelDot } from '@/components/ui/channel-colors';
import { DataTable, Td, Th, Tr } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { SegmentedLinks } from '@/components/ui/nav-tabs';
import { earliestActivity, listPayments, todayIn } from '@/lib/analytics';
import { dashboardHref, dashboardRange, parseDashboardParams } from '@/lib/analytics/dashboard-params';
import { authorizeProject } from '@/lib/authz';
import { formatDate, formatDateTime, formatDayRange } from '@/lib/format/dates';
import { formatMoney } from '@/lib/format/numbers';
import { orNotFound, requireActor } from '../../../page-helpers';

export const metadata: Metadata = { title: 'Payments' };

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

type Attribution = Awaited<ReturnType<typeof listPayments>>['data'][number]['attribution'];

/** Why a payment is not credited to a source, in the merchant's words. */
function unattributedReason(a: Attribution, windowDays: number): string {
  switch (a.status) {
    case 'no_visitor_id':
      return 'No visitor id reached Stripe (pass metadata[zori_visitor_id] when creating the payment)';
    case 'unknown_visitor':
      return a.visitorSeenAfterPayment
        ? 'The tracker saw this visitor only after the payment: no earlier visit to credit'
        : 'No visit by this visitor recorded before the payment (yet: it is credited when one arrives)';
    case 'outside_window':
      return `The visitor’s visits are all older than the ${windowDays}-day attribution window`;
    default:
      return a.status;
  }
}

function duration(seconds: number): string {
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} days`;
}

export default async function PaymentsPage({ params, searchParams }: Props) {
  const { projectId } = await params;
  // The one tenant gate of this page: every query below takes this read scope.
  const scope = await orNotFound(authorizeProject(await requireActor(), projectId, 'read'));
  const { project } = scope;
  const [raw, earliest] = await Promise.all([searchParams, earliestActivity(scope)]);
  const flat: Record<string, string | undefined> = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const p = parseDashboardParams(raw);
  // Links from the dashboard carry from/to directly; treat them as a custom range.
  const custom = Boolean(flat.from && flat.to && !flat.period);
  const range = dashboardRange(custom ? { ...p, period: 'custom' } : p, project.timeZone, earliest);
  const status = z.enum(['attributed', 'unattributed', 'all']).catch('all').parse(flat.status);
  const cursor = z.string().max(200).optional().catch(undefined).parse(flat.cursor);
  let page: Awaited<ReturnType<typeof listPayments>>;
  try {
    page = await listPayments(scope, { range, mode: p.mode, status, limit: 50, cursor });
  } catch {
    page = await listPayments(scope, { range, mode: p.mode, status, limit: 50 });
  }
  const base = `/projects/${projectId}/payments`;
  const href = (change: Record<string, string | undefined>) => dashboardHref(base, flat, { cursor: undefined, ...change });
  const tz = project.timeZone;

  return (
    <main className="space-y-4">
      <div className="space-y-2">
        <ReportControls
          values={{ period: custom ? 'custom' : p.period, from: range.from, to: range.to, compare: p.compare, model: p.model, mode: p.mode }}
          show={{ model: false, compare: false }}
          earliest={earliest}
          today={todayIn(tz)}
        />
        <p className="text-xs text-muted">
          {formatDayRange(range.from, range.to)} · times in {tz} · attribution shows the first visit inside the {project.attributionWindowDays}-day window
        </p>
      </div>
      <Card>
        <div className="flex flex-wrap items-center justify-between gap-2 px-4 pt-4 sm:px-5">
          <SegmentedLinks
            label="Attribution status"
            items={(['all', 'attributed', 'unattributed'] as const).map((s) => ({ href: href({ status: s === 'all' ? undefined : s }), label: s[0].toUpperCase() + s.slice(1), current: status === s }))}
          />
          <a className="inline-flex items-center gap-1 text-xs text-muted hover:text-fg" href={dashboardHref(`/projects/${projectId}/export`, flat, { table: 'payments', status })} download>
            <Download aria-hidden className="size-3.5" />
            Export CSV<span className="sr-only"> of payments</span>
          </a>
        </div>
        {page.data.length === 0 ? (
          <EmptyState icon={Receipt} title="No payments in this period">
            Payments arrive from Stripe webhooks once Stripe is connected under{' '}
            <Link className="text-accent-fg hover:underline" href={`/projects/${projectId}/settings/integrations`}>
              Integrations
            </Link>
            .
          </EmptyState>
        ) : (
          <DataTable caption="Payments" testId="payments-table" className="mt-3">
            <thead>
              <tr>
                <Th>Paid at</Th>
                <Th numeric>Amount</Th>
                <Th>Customer</Th>
                <Th>Attribution</Th>
                <Th>First visit</Th>
                <Th>Time to purchase</Th>
              </tr>
            </thead>
            <tbody>
              {page.data.map((r) => (
                <Tr key={r.id}>
                  <Td className="whitespace-nowrap">
                    <time dateTime={r.paidAt}>{formatDateTime(r.paidAt, tz)}</time>
                  </Td>
                  <Td numeric>
                    <span className="font-medium">{formatMoney(r.amount, r.currency)}</span>
                    {r.refunded > 0 && <div className="text-xs text-red-600 dark:text-red-400">−{formatMoney(r.refunded, r.currency)} refunded</div>}
                    {r.reportingAmount === null && <div className="text-xs text-amber-700 dark:text-amber-300">not converted yet</div>}
                  </Td>
                  <Td>
                    <span className="block max-w-[16rem] truncate" title={r.customerEmail ?? r.customerId ?? undefined}>
                      {r.customerEmail ?? r.customerId ?? '—'}
                    </span>
                  </Td>
                  <Td className="min-w-[14rem]">
                    {r.attribution.status === 'attributed' ? (
                      <span className="flex items-center gap-2">
                        <ChannelDot channel={r.attribution.channel ?? ''} />
                        <span>
                          <span className="font-medium">{r.attribution.channel}</span>
                          {r.attribution.source && <span className="text-muted"> · {r.attribution.source}</span>}
                          {r.attribution.campaign && <span className="text-muted"> · {r.attribution.campaign}</span>}
                        </span>
                      </span>
                    ) : (
                      <span className="text-amber-800 dark:text-amber-300">Unattributed: {unattributedReason(r.attribution, project.attributionWindowDays)}</span>
                    )}
                  </Td>
                  <Td className="whitespace-nowrap">{r.attribution.firstTouchAt ? formatDate(r.attribution.firstTouchAt, tz) : '—'}</Td>
                  <Td className="whitespace-nowrap">{r.attribution.timeToPurchaseSeconds !== null ? duration(r.attribution.timeToPurchaseSeconds) : '—'}</Td>
                </Tr>
              ))}
            </tbody>
          </DataTable>
        )}
        {page.nextCursor && (
          <div className="border-t border-line px-4 py-3 sm:px-5">
            <Link className={buttonStyles('secondary', 'sm')} href={dashboardHref(base, flat, { cursor: page.nextCursor })}>
              Older payments
            </Link>
          </div>
        )}
      </Card>
    </main>
  );
}
