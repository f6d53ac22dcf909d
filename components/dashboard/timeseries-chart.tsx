'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney, majorToMinor, minorToMajor } from './money';

// Revenue over time stacked by channel (unattributed is its own grey series, never Direct).

const COLORS = ['#6366f1', '#10b981', '#f59e0b', '#ef4444', '#06b6d4', '#8b5cf6', '#ec4899', '#84cc16', '#f97316', '#14b8a6', '#a855f7', '#64748b'];

export function TimeseriesChart({
  points,
  channels,
  currency,
}: {
  points: { date: string; byChannel: Record<string, number> }[];
  channels: string[];
  currency: string;
}) {
  const data = points.map((p) => ({ date: p.date, ...Object.fromEntries(channels.map((c) => [c, minorToMajor(p.byChannel[c] ?? 0, currency)])) }));
  return (
    <div className="h-80 w-full" data-testid="timeseries-chart" role="img" aria-label="Revenue over time by channel, stacked bar chart (table below)">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
          <XAxis dataKey="date" stroke="currentColor" fontSize={12} />
          <YAxis stroke="currentColor" fontSize={12} />
          <Tooltip
            formatter={(v) => formatMoney(majorToMinor(Number(v), currency), currency)}
            contentStyle={{ background: '#111827', color: '#f9fafb', border: 'none', borderRadius: 6 }}
          />
          <Legend />
          {channels.map((c, i) => (
            <Bar key={c} dataKey={c} stackId="revenue" fill={c === 'Unattributed' ? '#9ca3af' : COLORS[i % COLORS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
