import type { ProjectScope } from '@/lib/authz';
import type { RevenueAggregates } from './aggregate';
import type { RevenueQuery } from './attributed-revenue';
import { loadRevenueAggregates } from './rollup-aggregates';
import { type DateRange, previousRange } from './period';
import { countVisitors } from './visitors';

// The dashboard's headline figures for a period, and the same figures for the period before it.

export type Headline = {
  gross: number;
  refunds: number;
  net: number;
  payments: number;
  customers: number;
  newRevenue: number;
  returningRevenue: number;
  visitors: number;
  /** Paying customers per visitor (0..1); null without visitors. */
  conversionRate: number | null;
  /** Gross revenue per visitor, minor units (rounded); null without visitors. */
  revenuePerVisitor: number | null;
  /** Average order value, minor units (rounded); null without payments. */
  averageOrderValue: number | null;
  unattributedRevenue: number;
  unattributedPayments: number;
};

export type HeadlineFigures = Headline & { unconverted: { currency: string; amount: number; payments: number }[] };

export async function figuresFor(scope: ProjectScope, q: RevenueQuery): Promise<HeadlineFigures> {
  const [agg, visitors] = await Promise.all([loadRevenueAggregates(scope, q), countVisitors(scope, q.range, q.filter)]);
  return summarizeHeadline(agg, visitors);
}

/** With a filter, the figures are the filtered touches' shares (and nothing is unattributed). */
export function summarizeHeadline(agg: RevenueAggregates, visitors: number): HeadlineFigures {
  const { revenue: gross, refunded: refunds, payments, customers, newRevenue } = agg.totals;
  return {
    gross,
    refunds,
    net: gross - refunds,
    payments,
    customers,
    newRevenue,
    returningRevenue: gross - newRevenue,
    visitors,
    conversionRate: visitors ? customers / visitors : null,
    revenuePerVisitor: visitors ? Math.round(gross / visitors) : null,
    averageOrderValue: payments ? Math.round(gross / payments) : null,
    unattributedRevenue: agg.unattributed.revenue,
    unattributedPayments: agg.unattributed.payments,
    unconverted: agg.unconverted,
  };
}

export async function headlineFigures(scope: ProjectScope, q: RevenueQuery & { compare: boolean }) {
  const previous: DateRange | null = q.compare ? previousRange(q.range) : null;
  const [current, before] = await Promise.all([figuresFor(scope, q), previous ? figuresFor(scope, { ...q, range: previous }) : null]);
  return { currency: scope.project.reportingCurrency, range: q.range, previousRange: previous, current, previous: before };
}

/** Relative change from `before` to `now` (0.1 = +10%); null when there is nothing to compare with. */
export function change(now: number | null, before: number | null | undefined): number | null {
  if (now === null || before === null || before === undefined || before === 0) return null;
  return (now - before) / Math.abs(before);
}
