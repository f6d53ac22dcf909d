import type { ProjectScope } from '@/lib/authz';
import type { RevenueAggregates } from './aggregate';
import type { RevenueQuery } from './attributed-revenue';
import { loadRevenueAggregates } from './rollup-aggregates';
import { type DateRange, previousRange } from './period';
import { conversionRate } from './change';
import { convertedVisitors } from './conversions';
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
  /** Visitors of the period who paid in it (lib/analytics/conversions). */
  convertedVisitors: number;
  /** Converted visitors per visitor (0..1); null without visitors. */
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
  const [agg, visitors, converted] = await Promise.all([
    loadRevenueAggregates(scope, q),
    countVisitors(scope, q.range, q.filter),
    convertedVisitors(scope, q.range, q.mode, q.filter),
  ]);
  return summarizeHeadline(agg, visitors, converted.total);
}

/** With a filter, the figures are the filtered touches' shares (and nothing is unattributed). */
export function summarizeHeadline(agg: RevenueAggregates, visitors: number, converted: number): HeadlineFigures {
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
    convertedVisitors: converted,
    conversionRate: conversionRate(converted, visitors),
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
