import type { ProjectScope } from '@/lib/authz';
import { type AttributedRevenue, isFiltered, isPayment, type LedgerEntry, loadAttributedRevenue, type RevenueQuery } from './attributed-revenue';
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
  const [data, visitors] = await Promise.all([loadAttributedRevenue(scope, q), countVisitors(scope, q.range, q.filter)]);
  return summarizeHeadline(data, visitors, q);
}

export function summarizeHeadline(data: AttributedRevenue, visitors: number, q: RevenueQuery): HeadlineFigures {
  // With a filter, an entry counts with the share of it the filtered touches earned.
  let parts: { entry: LedgerEntry; revenue: number; refunded: number }[];
  if (isFiltered(q.filter)) parts = data.credits.map((c) => ({ entry: c.entry, revenue: c.revenue, refunded: c.refunded }));
  else parts = data.entries.map((e) => ({ entry: e, revenue: e.revenue, refunded: e.refunded }));
  let gross = 0;
  let refunds = 0;
  let newRevenue = 0;
  const payments = new Set<string>();
  const customers = new Set<string>();
  for (const part of parts) {
    gross += part.revenue;
    refunds += part.refunded;
    if (!part.entry.returning) newRevenue += part.revenue;
    if (isPayment(part.entry)) {
      payments.add(part.entry.id);
      customers.add(part.entry.customerKey);
    }
  }
  const unattributed = isFiltered(q.filter) ? [] : data.unattributed;
  return {
    gross,
    refunds,
    net: gross - refunds,
    payments: payments.size,
    customers: customers.size,
    newRevenue,
    returningRevenue: gross - newRevenue,
    visitors,
    conversionRate: visitors ? customers.size / visitors : null,
    revenuePerVisitor: visitors ? Math.round(gross / visitors) : null,
    averageOrderValue: payments.size ? Math.round(gross / payments.size) : null,
    unattributedRevenue: unattributed.reduce((s, e) => s + e.revenue, 0),
    unattributedPayments: unattributed.filter(isPayment).length,
    unconverted: data.unconverted,
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
