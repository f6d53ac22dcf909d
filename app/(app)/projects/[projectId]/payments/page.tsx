import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { earliestActivity, listPayments } from '@/lib/analytics';
import { dashboardHref, dashboardRange, parseDashboardParams } from '@/lib/analytics/dashboard-params';
import { authorizeProject } from '@/lib/authz';
import { DashboardControls } from '@/components/dashboard/controls';
import { formatMoney } from '@/components/dashboard/money';
import { orNotFound, requireActor } from '../../../page-helpers';

export const metadata: Metadata = { title: 'Payments' };

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const REASONS: Record<string, string> = {
  no_visitor_id: 'No visitor id reached Stripe (pass metadata[zori_visitor_id] when creating the payment)',
  unknown_visitor: 'Visitor id not seen by the tracker (yet)',
  outside_window: 'The visitor’s touches are older than the attribution window',
};

function duration(seconds: number): string {
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} days`;
}

export default async function PaymentsPage({ params, searchParams }: Props) {
  const { projectId } = await params;
  // The one tenant gate of this page: every query below takes this read scope.
  const scope = await orNotFound(authorizeProject(await requireActor(), projectId, 'read'));
  const raw = await searchParams;
  const flat: Record<string, string | undefined> = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const p = parseDashboardParams(raw);
  // Links from the dashboard carry from/to directly; treat them as a custom range.
  const range = dashboardRange(flat.from && flat.to && !flat.period ? { ...p, period: 'custom' } : p, scope.project.timeZone, await earliestActivity(scope));
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

  return (
    <main className="mx-auto max-w-6xl space-y-4 px-4 py-6">
      <DashboardControls values={{ period: flat.from && !flat.period ? 'custom' : p.period, from: range.from, to: range.to, compare: p.compare, model: p.model, mode: p.mode, interval: p.interval }} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <nav aria-label="Attribution status" className="flex gap-1 text-sm">
          {(['all', 'attributed', 'unattributed'] as const).map((s) => (
            <Link
              key={s}
              href={href({ status: s === 'all' ? undefined : s })}
              aria-current={status === s ? 'page' : undefined}
              className={`rounded-md px-3 py-1 ${status === s ? 'bg-gray-200 font-medium dark:bg-gray-800' : 'hover:bg-gray-100 dark:hover:bg-gray-900'}`}
            >
              {s[0].toUpperCase() + s.slice(1)}
            </Link>
          ))}
        </nav>
        <a className="text-sm text-indigo-600 hover:underline dark:text-indigo-400" href={dashboardHref(`/projects/${projectId}/export`, flat, { table: 'payments', status })} download>
          Export CSV<span className="sr-only"> of payments</span>
        </a>
      </div>
      <p className="text-sm text-gray-600 dark:text-gray-400">
        {range.from} to {range.to} ({scope.project.timeZone}). Attribution shows the first touch inside the {scope.project.attributionWindowDays}-day window.
      </p>
      {page.data.length === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 p-6 text-sm dark:border-gray-700">
          No payments in this period. Payments arrive from Stripe webhooks once Stripe is connected under{' '}
          <Link className="text-indigo-600 hover:underline dark:text-indigo-400" href={`/projects/${projectId}/settings/integrations`}>
            Settings → Integrations
          </Link>
          .
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="payments-table">
            <caption className="sr-only">Payments</caption>
            <thead>
              <tr className="border-b border-gray-200 text-left text-xs uppercase text-gray-500 dark:border-gray-800 dark:text-gray-400">
                <th scope="col" className="py-1 pr-2">Paid at</th>
                <th scope="col" className="py-1 pr-2 text-right">Amount</th>
                <th scope="col" className="py-1 pr-2">Customer</th>
                <th scope="col" className="py-1 pr-2">Attribution</th>
                <th scope="col" className="py-1 pr-2">First touch</th>
                <th scope="col" className="py-1">Time to purchase</th>
              </tr>
            </thead>
            <tbody>
              {page.data.map((r) => (
                <tr key={r.id} className="border-b border-gray-100 align-top dark:border-gray-900">
                  <td className="py-1 pr-2 whitespace-nowrap">
                    <time dateTime={r.paidAt}>{new Date(r.paidAt).toLocaleString('en-GB', { timeZone: scope.project.timeZone })}</time>
                  </td>
                  <td className="py-1 pr-2 text-right tabular-nums">
                    {formatMoney(r.amount, r.currency)}
                    {r.refunded > 0 && <div className="text-xs text-red-600 dark:text-red-400">−{formatMoney(r.refunded, r.currency)} refunded</div>}
                    {r.reportingAmount === null && <div className="text-xs text-amber-700 dark:text-amber-300">not converted yet</div>}
                  </td>
                  <td className="py-1 pr-2">{r.customerEmail ?? r.customerId ?? '—'}</td>
                  <td className="py-1 pr-2">
                    {r.attribution.status === 'attributed' ? (
                      <>
                        <span className="font-medium">{r.attribution.channel}</span>
                        {r.attribution.source && <> · {r.attribution.source}</>}
                        {r.attribution.campaign && <> · {r.attribution.campaign}</>}
                      </>
                    ) : (
                      <span className="text-amber-800 dark:text-amber-300">Unattributed: {REASONS[r.attribution.status] ?? r.attribution.status}</span>
                    )}
                  </td>
                  <td className="py-1 pr-2 whitespace-nowrap">
                    {r.attribution.firstTouchAt ? new Date(r.attribution.firstTouchAt).toLocaleDateString('en-GB', { timeZone: scope.project.timeZone }) : '—'}
                  </td>
                  <td className="py-1">{r.attribution.timeToPurchaseSeconds !== null ? duration(r.attribution.timeToPurchaseSeconds) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.nextCursor && (
        <Link className="inline-block rounded-md border border-gray-300 px-3 py-1 text-sm dark:border-gray-700" href={dashboardHref(base, flat, { cursor: page.nextCursor })}>
          Older payments
        </Link>
      )}
    </main>
  );
}
