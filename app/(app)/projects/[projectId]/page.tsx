import type { Metadata } from 'next';
import Link from 'next/link';
import { dashboardView, earliestActivity, UNATTRIBUTED } from '@/lib/analytics';
import { dashboardFilter, dashboardHref, dashboardRange, parseDashboardParams } from '@/lib/analytics/dashboard-params';
import { authorizeProject } from '@/lib/authz';
import { publicUrl } from '@/lib/config/env';
import { ChannelChart } from '@/components/dashboard/channel-chart';
import { DashboardControls } from '@/components/dashboard/controls';
import { EmptyState } from '@/components/dashboard/empty-state';
import { HeadlineCards } from '@/components/dashboard/headline-cards';
import { formatMoney } from '@/components/dashboard/money';
import { RankedTable } from '@/components/dashboard/ranked-table';
import { TimeseriesChart } from '@/components/dashboard/timeseries-chart';
import { orNotFound, requireActor } from '../../page-helpers';

export const metadata: Metadata = { title: 'Dashboard' };

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const TABLES = [
  ['source', 'Sources', 'Source'],
  ['medium', 'Mediums', 'Medium'],
  ['campaign', 'Campaigns', 'Campaign'],
  ['referrer', 'Referrers', 'Referrer domain'],
  ['landing_page', 'Landing pages', 'Landing page'],
] as const;
const FILTER_KEYS = ['channel', 'source', 'medium', 'campaign', 'referrer', 'landing_page'] as const;

export default async function DashboardPage({ params, searchParams }: Props) {
  const { projectId } = await params;
  // The one tenant gate of this page: every query below takes this read scope.
  const scope = await orNotFound(authorizeProject(await requireActor(), projectId, 'read'));
  const { project } = scope;
  const earliest = await earliestActivity(scope);
  const base = `/projects/${projectId}`;

  if (!earliest) {
    const snippet = `<script defer src="${publicUrl()}/zori.js" data-key="${project.publishableKey}"></script>`;
    return (
      <main className="mx-auto max-w-6xl px-4 py-6">
        <EmptyState snippet={snippet} projectId={projectId} />
      </main>
    );
  }

  const raw = await searchParams;
  const p = parseDashboardParams(raw);
  const range = dashboardRange(p, project.timeZone, earliest);
  const filter = dashboardFilter(p);
  const view = await dashboardView(scope, { range, model: p.model, mode: p.mode, filter, interval: p.interval, compare: p.compare === 'previous' && p.period !== 'all' });
  const urlParams: Record<string, string | undefined> = Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const href = (change: Record<string, string | undefined>) => dashboardHref(base, urlParams, change);
  const exportHref = (table: string) => dashboardHref(`${base}/export`, { ...urlParams, table }, {});
  const { currency } = view;
  const seriesChannels = [...new Set(view.timeseries.points.flatMap((pt) => Object.keys(pt.byChannel)))].sort((a, b) =>
    a === UNATTRIBUTED ? 1 : b === UNATTRIBUTED ? -1 : a.localeCompare(b),
  );
  const activeFilters = FILTER_KEYS.filter((k) => filter[k]);

  return (
    <main className="mx-auto max-w-6xl space-y-6 px-4 py-6">
      <DashboardControls values={{ period: p.period, from: range.from, to: range.to, compare: p.compare, model: p.model, mode: p.mode, interval: p.interval }} />
      <p className="text-sm text-gray-600 dark:text-gray-400" data-testid="range">
        {range.from} to {range.to} ({project.timeZone}), amounts in {currency.toUpperCase()}
        {view.previousRange && `, compared with ${view.previousRange.from} to ${view.previousRange.to}`}
      </p>
      {activeFilters.length > 0 && (
        <div className="flex flex-wrap items-center gap-2" aria-label="Active filters" data-testid="active-filters">
          {activeFilters.map((k) => (
            <Link key={k} href={href({ [k]: undefined })} className="rounded-full bg-indigo-100 px-3 py-1 text-sm text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100">
              {k.replace('_', ' ')}: {filter[k]} <span aria-label={`Remove filter ${k}`}>×</span>
            </Link>
          ))}
        </div>
      )}
      {view.headline.current.unconverted.length > 0 && (
        <p role="status" className="rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          Not yet converted to {currency.toUpperCase()} (not in the figures):{' '}
          {view.headline.current.unconverted.map((u) => `${formatMoney(u.amount, u.currency)} in ${u.payments} payments`).join(', ')}
        </p>
      )}
      <HeadlineCards
        current={view.headline.current}
        previous={view.headline.previous}
        currency={currency}
        unattributedHref={`${base}/payments?status=unattributed&from=${range.from}&to=${range.to}&mode=${p.mode}`}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded-lg border border-gray-200 p-4 dark:border-gray-800" aria-labelledby="by-channel">
          <h2 id="by-channel" className="mb-2 font-semibold">
            Revenue by channel
          </h2>
          <ChannelChart rows={view.channels.rows} currency={currency} />
        </section>
        <RankedTable
          title="Channels"
          label="Channel"
          testId="table-channel"
          currency={currency}
          rows={view.channels.rows.map((r) => ({ ...r, value: r.channel }))}
          filterHref={(v) => href({ channel: v })}
          csvHref={exportHref('channel')}
        />
      </div>
      <section className="rounded-lg border border-gray-200 p-4 dark:border-gray-800" aria-labelledby="over-time">
        <h2 id="over-time" className="mb-2 font-semibold">
          Revenue over time by channel
        </h2>
        <TimeseriesChart points={view.timeseries.points} channels={seriesChannels} currency={currency} />
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer">Show as table</summary>
          <div className="max-h-80 overflow-auto">
            <table className="w-full text-sm" data-testid="table-timeseries">
              <caption className="sr-only">Revenue over time by channel</caption>
              <thead>
                <tr className="text-left text-xs uppercase text-gray-500 dark:text-gray-400">
                  <th scope="col">{p.interval === 'day' ? 'Day' : p.interval === 'week' ? 'Week of' : 'Month'}</th>
                  <th scope="col" className="text-right">Revenue</th>
                  <th scope="col" className="text-right">Net</th>
                  {seriesChannels.map((c) => (
                    <th key={c} scope="col" className="text-right">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {view.timeseries.points.map((pt) => (
                  <tr key={pt.date}>
                    <th scope="row" className="text-left font-normal">
                      {pt.date}
                    </th>
                    <td className="text-right tabular-nums">{formatMoney(pt.revenue, currency)}</td>
                    <td className="text-right tabular-nums">{formatMoney(pt.net, currency)}</td>
                    {seriesChannels.map((c) => (
                      <td key={c} className="text-right tabular-nums">
                        {formatMoney(pt.byChannel[c] ?? 0, currency)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <a href={exportHref('timeseries')} className="text-indigo-600 hover:underline dark:text-indigo-400" download>
            Export CSV<span className="sr-only"> of revenue over time</span>
          </a>
        </details>
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        {TABLES.map(([dim, title, label]) => (
          <RankedTable
            key={dim}
            title={title}
            label={label}
            testId={`table-${dim}`}
            currency={currency}
            rows={view.breakdowns[dim]}
            filterHref={(v) => href({ [dim]: v })}
            csvHref={exportHref(dim)}
          />
        ))}
      </div>
    </main>
  );
}
