'use client';

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { channelColor } from '@/components/ui/channel-colors';
import { formatMoneyCompact, minorToMajor } from '@/lib/format/numbers';
import { ChartTooltip } from './chart-tooltip';

// Revenue by channel as horizontal bars in each channel's colour; the same numbers are in the table beside it.

export function ChannelChart({ rows, currency }: { rows: { channel: string; revenue: number }[]; currency: string }) {
  const data = rows.filter((r) => r.revenue > 0).map((r) => ({ channel: r.channel, Revenue: minorToMajor(r.revenue, currency) }));
  if (data.length === 0) return <p className="grid h-72 place-items-center text-sm text-muted">No revenue in this period.</p>;
  return (
    <div className="h-72 w-full" data-testid="channel-chart" role="img" aria-label="Revenue by channel, bar chart (the Channels table has the figures)">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 0, right: 12, top: 4, bottom: 0 }} barCategoryGap="22%">
          <CartesianGrid horizontal={false} stroke="var(--chart-grid)" />
          <XAxis type="number" tickFormatter={(v: number) => formatMoneyCompact(v, currency)} tick={{ fill: 'var(--chart-axis)', fontSize: 12 }} axisLine={false} tickLine={false} />
          <YAxis type="category" dataKey="channel" width={112} tick={{ fill: 'var(--chart-axis)', fontSize: 12 }} axisLine={false} tickLine={false} />
          <Tooltip cursor={{ fill: 'var(--chart-cursor)' }} content={({ active, payload, label }) => <ChartTooltip active={active} payload={payload?.map((p) => ({ ...p, name: String(label) }))} title="Revenue" currency={currency} />} />
          <Bar dataKey="Revenue" radius={[0, 4, 4, 0]} isAnimationActive={false}>
            {data.map((d) => (
              <Cell key={d.channel} fill={channelColor(d.channel)} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
