'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney, majorToMinor, minorToMajor } from './money';

// Revenue by channel as a horizontal bar chart; the same numbers are in the table next to it.

export function ChannelChart({ rows, currency }: { rows: { channel: string; revenue: number }[]; currency: string }) {
  const data = rows.filter((r) => r.revenue > 0).map((r) => ({ channel: r.channel, revenue: minorToMajor(r.revenue, currency) }));
  return (
    <div className="h-72 w-full" data-testid="channel-chart" role="img" aria-label="Revenue by channel, bar chart (table below)">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 24, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
          <XAxis type="number" stroke="currentColor" fontSize={12} />
          <YAxis type="category" dataKey="channel" width={120} stroke="currentColor" fontSize={12} />
          <Tooltip
            formatter={(v) => formatMoney(majorToMinor(Number(v), currency), currency)}
            contentStyle={{ background: 'var(--tooltip-bg, #111827)', color: '#f9fafb', border: 'none', borderRadius: 6 }}
          />
          <Bar dataKey="revenue" name="Revenue" fill="#6366f1" radius={[0, 4, 4, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
