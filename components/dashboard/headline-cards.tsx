import { compareFigures, formatRate } from '@/lib/analytics/change';
import type { HeadlineFigures } from '@/lib/analytics/headline';
import { formatCount, formatMoney } from '@/lib/format/numbers';
import { plural } from '@/lib/format/text';
import { StatCard } from '@/components/ui/stat-card';

// The headline figures with their change against the previous period.

type Figure = { key: keyof HeadlineFigures; label: string; kind: 'money' | 'count' | 'percent'; lowerIsBetter?: boolean };

const FIGURES: Figure[] = [
  { key: 'gross', label: 'Gross revenue', kind: 'money' },
  { key: 'net', label: 'Net revenue', kind: 'money' },
  { key: 'refunds', label: 'Refunds', kind: 'money', lowerIsBetter: true },
  { key: 'payments', label: 'Payments', kind: 'count' },
  { key: 'customers', label: 'Paying customers', kind: 'count' },
  { key: 'averageOrderValue', label: 'Average order value', kind: 'money' },
  { key: 'visitors', label: 'Visitors', kind: 'count' },
  { key: 'conversionRate', label: 'Visitor → customer', kind: 'percent' },
  { key: 'revenuePerVisitor', label: 'Revenue per visitor', kind: 'money' },
  { key: 'newRevenue', label: 'New customer revenue', kind: 'money' },
  { key: 'returningRevenue', label: 'Returning customer revenue', kind: 'money' },
  { key: 'unattributedRevenue', label: 'Unattributed revenue', kind: 'money', lowerIsBetter: true },
];

export function HeadlineCards({
  current,
  previous,
  currency,
  unattributedHref,
}: {
  current: HeadlineFigures;
  previous: HeadlineFigures | null;
  currency: string;
  unattributedHref: string;
}) {
  const show = (f: Figure, v: number | null) => (f.kind === 'money' ? formatMoney(v, currency) : f.kind === 'percent' ? formatRate(v) : formatCount(v ?? 0));
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-6" data-testid="headline">
      {FIGURES.map((f) => {
        const now = current[f.key] as number | null;
        const before = previous ? (previous[f.key] as number | null) : undefined;
        return (
          <StatCard
            key={f.key}
            testId={f.key}
            label={f.label}
            value={show(f, now)}
            change={previous ? compareFigures(now, before) : undefined}
            previous={previous ? show(f, before ?? null) : undefined}
            lowerIsBetter={f.lowerIsBetter}
            footer={
              f.key === 'unattributedRevenue' && current.unattributedPayments > 0 ? (
                <a className="text-accent-fg hover:underline" href={unattributedHref}>
                  {plural(current.unattributedPayments, 'payment')}: see why
                </a>
              ) : undefined
            }
          />
        );
      })}
    </dl>
  );
}
