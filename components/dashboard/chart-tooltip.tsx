import { channelColor } from '@/components/ui/channel-colors';
import { formatMoney } from '@/lib/format/numbers';
import { toMinor } from '@/lib/money/currencies';

// The charts' tooltip: the bucket or channel as a heading, then each series with its colour and
// its amount in the report's currency (the chart holds major units; amounts are shown exactly).

type Entry = { name?: unknown; value?: unknown; dataKey?: unknown };

export function ChartTooltip({ active, payload, title, currency, totalLabel }: { active?: boolean; payload?: readonly Entry[]; title: string; currency: string; totalLabel?: string }) {
  if (!active || !payload?.length) return null;
  const rows = [...payload].filter((p) => Number(p.value) > 0).reverse();
  const minor = (major: number) => Number(toMinor(major, currency));
  const total = rows.reduce((s, r) => s + Number(r.value), 0);
  return (
    <div className="min-w-44 rounded-lg border border-[var(--tooltip-line)] bg-[var(--tooltip-bg)] px-3 py-2 text-xs text-[var(--tooltip-fg)] shadow-lg">
      <p className="mb-1.5 font-medium">{title}</p>
      <ul className="space-y-1">
        {rows.map((r) => (
          <li key={String(r.dataKey ?? r.name)} className="flex items-center gap-2">
            <span aria-hidden className="size-2 shrink-0 rounded-full" style={{ background: channelColor(String(r.name)) }} />
            <span className="flex-1 truncate">{String(r.name)}</span>
            <span className="tabular-nums">{formatMoney(minor(Number(r.value)), currency)}</span>
          </li>
        ))}
        {rows.length === 0 && <li className="opacity-70">No revenue</li>}
      </ul>
      {totalLabel && rows.length > 1 && (
        <p className="mt-1.5 flex justify-between border-t border-[var(--tooltip-line)] pt-1.5 font-medium">
          <span>{totalLabel}</span>
          <span className="tabular-nums">{formatMoney(minor(total), currency)}</span>
        </p>
      )}
    </div>
  );
}
