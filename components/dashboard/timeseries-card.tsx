'use client';

import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { channelColor } from '@/components/ui/channel-colors';
import { DataTable, RowHeader, Td, Th, Tr } from '@/components/ui/data-table';
import { formatDay, formatMonth } from '@/lib/format/dates';
import { formatMoney, formatMoneyCompact, minorToMajor } from '@/lib/format/numbers';
import { ChartTooltip } from './chart-tooltip';

// Revenue over time stacked by channel (unattributed is its own grey series, never Direct), with the
// same numbers as a table on demand (rendered only when opened: a year by day is a big table).

type Point = { date: string; revenue: number; net: number; byChannel: Record<string, number> };
type Interval = 'day' | 'week' | 'month';

const tickLabel = (date: string, interval: Interval) => (interval === 'month' ? formatMonth(date).split(' ')[0] : formatDay(date, { short: true }));
const bucketLabel = (date: string, interval: Interval) => (interval === 'month' ? formatMonth(date) : interval === 'week' ? `Week of ${formatDay(date)}` : formatDay(date));

export function TimeseriesCard({ points, channels, currency, interval, exportHref }: { points: Point[]; channels: string[]; currency: string; interval: Interval; exportHref: string }) {
  const [showTable, setShowTable] = useState(false);
  const data = points.map((p) => ({ date: p.date, ...Object.fromEntries(channels.map((c) => [c, minorToMajor(p.byChannel[c] ?? 0, currency)])) }));
  return (
    <>
      <div className="h-72 w-full px-2 sm:h-80 sm:px-3" data-testid="timeseries-chart" role="img" aria-label="Revenue over time by channel, stacked bar chart (show as table for the figures)">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ left: 0, right: 8, top: 8, bottom: 0 }}>
            <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
            <XAxis dataKey="date" tickFormatter={(d: string) => tickLabel(d, interval)} tick={{ fill: 'var(--chart-axis)', fontSize: 12 }} axisLine={false} tickLine={false} minTickGap={16} />
            <YAxis tickFormatter={(v: number) => formatMoneyCompact(v, currency)} tick={{ fill: 'var(--chart-axis)', fontSize: 12 }} axisLine={false} tickLine={false} width={56} />
            <Tooltip cursor={{ fill: 'var(--chart-cursor)' }} content={({ active, payload, label }) =>
                active && label ? <ChartTooltip active payload={payload} title={bucketLabel(String(label), interval)} currency={currency} totalLabel="Total" /> : null
              } />
            {channels.map((c) => (
              <Bar key={c} dataKey={c} stackId="revenue" fill={channelColor(c)} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 px-4 pt-2 text-xs text-muted sm:px-5" aria-label="Legend">
        {channels.map((c) => (
          <li key={c} className="flex items-center gap-1.5">
            <span aria-hidden className="size-2 rounded-full" style={{ background: channelColor(c) }} />
            {c}
          </li>
        ))}
      </ul>
      <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-line px-4 py-3 text-sm sm:px-5">
        <button type="button" aria-expanded={showTable} onClick={() => setShowTable((v) => !v)} className="font-medium text-accent-fg hover:underline">
          {showTable ? 'Hide table' : 'Show as table'}
        </button>
        <a href={exportHref} className="text-muted hover:text-fg hover:underline" download>
          Export CSV<span className="sr-only"> of revenue over time</span>
        </a>
      </div>
      {showTable && (
        <DataTable caption="Revenue over time by channel" testId="table-timeseries" className="max-h-96 overflow-y-auto border-t border-line">
          <thead className="sticky top-0 bg-surface">
            <tr>
              <Th>{interval === 'day' ? 'Day' : interval === 'week' ? 'Week of' : 'Month'}</Th>
              <Th numeric>Revenue</Th>
              <Th numeric>Net</Th>
              {channels.map((c) => (
                <Th key={c} numeric>
                  {c}
                </Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((pt) => (
              <Tr key={pt.date}>
                <RowHeader className="whitespace-nowrap">{interval === 'month' ? formatMonth(pt.date) : formatDay(pt.date)}</RowHeader>
                <Td numeric>{formatMoney(pt.revenue, currency)}</Td>
                <Td numeric>{formatMoney(pt.net, currency)}</Td>
                {channels.map((c) => (
                  <Td key={c} numeric>
                    {formatMoney(pt.byChannel[c] ?? 0, currency)}
                  </Td>
                ))}
              </Tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
