import type { HeadlineFigures } from '@/lib/analytics/headline';
import { change } from '@/lib/analytics/headline';
import { formatChange, formatMoney, formatPercent } from './money';

// The headline figures with their change against the previous period.

type Card = { key: keyof HeadlineFigures; label: string; kind: 'money' | 'count' | 'percent'; lowerIsBetter?: boolean };

const CARDS: Card[] = [
  { key: 'gross', label: 'Gross revenue', kind: 'money' },
  { key: 'refunds', label: 'Refunds', kind: 'money', lowerIsBetter: true },
  { key: 'net', label: 'Net revenue', kind: 'money' },
  { key: 'payments', label: 'Payments', kind: 'count' },
  { key: 'customers', label: 'Paying customers', kind: 'count' },
  { key: 'newRevenue', label: 'New customer revenue', kind: 'money' },
  { key: 'returningRevenue', label: 'Returning customer revenue', kind: 'money' },
  { key: 'visitors', label: 'Visitors', kind: 'count' },
  { key: 'conversionRate', label: 'Visitor → customer', kind: 'percent' },
  { key: 'revenuePerVisitor', label: 'Revenue per visitor', kind: 'money' },
  { key: 'averageOrderValue', label: 'Average order value', kind: 'money' },
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
  const show = (c: Card, v: number | null) => (c.kind === 'money' ? formatMoney(v, currency) : c.kind === 'percent' ? formatPercent(v) : (v ?? 0).toLocaleString('en-US'));
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="headline">
      {CARDS.map((c) => {
        const now = current[c.key] as number | null;
        const before = previous ? (previous[c.key] as number | null) : null;
        const delta = previous ? change(now, before) : null;
        const good = delta === null || delta === 0 ? null : c.lowerIsBetter ? delta < 0 : delta > 0;
        return (
          <div key={c.key} className="rounded-lg border border-gray-200 p-3 dark:border-gray-800" data-testid={`card-${c.key}`}>
            <dt className="text-xs text-gray-500 dark:text-gray-400">{c.label}</dt>
            <dd className="text-lg font-semibold tabular-nums" data-testid={`value-${c.key}`}>
              {show(c, now)}
            </dd>
            {previous && (
              <dd className={`text-xs ${good === null ? 'text-gray-500 dark:text-gray-400' : good ? 'text-emerald-600 dark:text-emerald-400' : 'text-red-600 dark:text-red-400'}`}>
                {formatChange(delta)} <span className="text-gray-500 dark:text-gray-400">vs {show(c, before)}</span>
              </dd>
            )}
            {c.key === 'unattributedRevenue' && current.unattributedPayments > 0 && (
              <dd className="text-xs">
                <a className="text-indigo-600 hover:underline dark:text-indigo-400" href={unattributedHref}>
                  {current.unattributedPayments} payments: see why
                </a>
              </dd>
            )}
          </div>
        );
      })}
    </dl>
  );
}
