import type { Metadata } from 'next';
import Link from 'next/link';
import { X } from 'lucide-react';
import { ChannelChart } from '@/components/dashboard/channel-chart';
import { IntervalSelect, ReportControls } from '@/components/dashboard/controls';
import { HeadlineCards } from '@/components/dashboard/headline-cards';
import { Onboarding } from '@/components/dashboard/onboarding';
import { RankedTable } from '@/components/dashboard/ranked-table';
import { TimeseriesCard } from '@/components/dashboard/timeseries-card';
import { Card, CardHeader } from '@/components/ui/card';
import { sortChannels } from '@/components/ui/channel-colors';
import { dashboardView, earliestActivity, todayIn } from '@/lib/analytics';
import { dashboardFilter, dashboardHref, dashboardRange, parseDashboardParams } from '@/lib/analytics/dashboard-params';
import { authorizeProject } from '@/lib/authz';
import { formatDayRange } from '@/lib/format/dates';
import { formatMoney } from '@/lib/format/numbers';
import { plural } from '@/lib/format/text';
import { trackingSnippet } from '@/lib/tenancy/snippet';
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
  const [earliest, raw] = await Promise.all([earliestActivity(scope), searchParams]);
  const base = `/projects/${projectId}`;

  if (!earliest) return <Onboarding snippet={trackingSnippet(project.publishableKey)} projectId={projectId} />;

  const p = parseDashboardParams(raw);
  const range = dashboardRange(p, project.timeZone, earliest);
  const filter = dashboardFilter(p);
  const compare = p.compare === 'previous' && p.period !== 'all';
  const view = await dashboardView(scope, { range, model: p.model, mode: p.mode, filter, interval: p.interval, compare });
  const urlParams: Record<string, string | undefined> = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const href = (change: Record<string, string | undefined>) => dashboardHref(base, urlParams, change);
  const exportHref = (table: string) => dashboardHref(`${base}/export`, { ...urlParams, table }, {});
  const { currency } = view;
  const seriesChannels = sortChannels(view.timeseries.points.flatMap((pt) => Object.keys(pt.byChannel)));
  const activeFilters = FILTER_KEYS.filter((k) => filter[k]);

  return (
    <main className="space-y-6">
      <div className="space-y-2">
        <ReportControls
          values={{ period: p.period, from: range.from, to: range.to, compare: p.compare, model: p.model, mode: p.mode }}
          show={{ model: true, compare: true }}
          earliest={earliest}
          today={todayIn(project.timeZone)}
        />
        <p className="text-xs text-muted" data-testid="range">
          {formatDayRange(range.from, range.to)} in {project.timeZone} · amounts in {currency.toUpperCase()}
          {view.previousRange && ` · compared with ${formatDayRange(view.previousRange.from, view.previousRange.to)}`}
        </p>
      </div>
      {activeFilters.length > 0 && (
        <div className="flex flex-wrap items-center gap-2" aria-label="Active filters" data-testid="active-filters">
          <span className="text-sm text-muted">Filtered by</span>
          {activeFilters.map((k) => (
            <Link
              key={k}
              href={href({ [k]: undefined })}
              className="inline-flex max-w-full items-center gap-1.5 rounded-full border border-indigo-200 bg-indigo-50 py-1 pl-3 pr-2 text-sm text-indigo-900 hover:bg-indigo-100 dark:border-indigo-500/30 dark:bg-indigo-500/10 dark:text-indigo-100 dark:hover:bg-indigo-500/20"
            >
              <span className="truncate">
                {k.replace('_', ' ')}: <strong className="font-medium">{filter[k]}</strong>
              </span>
              <X aria-label={`Remove filter ${k}`} className="size-3.5 shrink-0" />
            </Link>
          ))}
        </div>
      )}
      {view.headline.current.unconverted.length > 0 && (
        <p role="status" className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-500/30 dark:bg-amber-500/10 dark:text-amber-100">
          Not yet converted to {currency.toUpperCase()} (not in the figures):{' '}
          {view.headline.current.unconverted.map((u) => `${formatMoney(u.amount, u.currency)} in ${plural(u.payments, 'payment')}`).join(', ')}
        </p>
      )}
      <HeadlineCards
        current={view.headline.current}
        previous={view.headline.previous}
        currency={currency}
        unattributedHref={`${base}/payments?status=unattributed&from=${range.from}&to=${range.to}&mode=${p.mode}`}
      />
      <Card aria-labelledby="over-time">
        <CardHeader titleId="over-time" title="Revenue over time by channel" actions={<IntervalSelect value={p.interval} />} />
        <TimeseriesCard points={view.timeseries.points} channels={seriesChannels} currency={currency} interval={p.interval} exportHref={exportHref('timeseries')} />
      </Card>
      <div className="grid gap-6 xl:grid-cols-2">
        <Card aria-labelledby="by-channel">
          <CardHeader titleId="by-channel" title="Revenue by channel" />
          <div className="px-2 pb-4 pt-2 sm:px-3">
            <ChannelChart rows={view.channels.rows} currency={currency} />
          </div>
        </Card>
        <RankedTable
          title="Channels"
          label="Channel"
          testId="table-channel"
          currency={currency}
          channels
          rows={view.channels.rows.map((r) => ({ ...r, value: r.channel }))}
          filterHref={(v) => href({ channel: v })}
          csvHref={exportHref('channel')}
        />
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
