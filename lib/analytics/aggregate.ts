import { type AttributedRevenue, isPayment, type LedgerEntry } from './attributed-revenue';
import { NONE, TOUCH_DIMENSIONS, type TouchDimension } from './touch-columns';

// What every revenue view is made of: sums per channel and per dimension value, per bucket and
// channel, and totals, with distinct payments and customers (refund entries move money but are not
// payments). The dashboard gets them from SQL over the rollup (rollup-aggregates.ts); the same
// shape computed here in JavaScript from a period's entries is the reference it is checked against.

export type Sums = { revenue: number; refunded: number; payments: number; customers: number };
export type Aggregate = Sums & { net: number };

export type RevenueAggregates = {
  currency: string;
  /** Everything counted (with a filter: the filtered touches' shares). */
  totals: Sums & { newRevenue: number };
  /** Converted entries with no touch in the window; zero with a filter. */
  unattributed: Sums;
  /** Attributed credits per value of each dimension (no value: `(none)`). */
  by: Record<TouchDimension, Map<string, Aggregate>>;
  /** Bucket → channel (or null: unattributed) → sums. */
  buckets: Map<string, Map<string | null, { revenue: number; refunded: number }>>;
  unconverted: { currency: string; amount: number; payments: number }[];
};

/** Adds money to a bucket's channel (null: unattributed). */
export function addToBucket(buckets: RevenueAggregates['buckets'], bucket: string, channel: string | null, revenue: number, refunded: number): void {
  const b = buckets.get(bucket) ?? buckets.set(bucket, new Map()).get(bucket)!;
  const s = b.get(channel) ?? b.set(channel, { revenue: 0, refunded: 0 }).get(channel)!;
  s.revenue += revenue;
  s.refunded += refunded;
}

type Acc = { revenue: number; refunded: number; payments: Set<string>; customers: Set<string> };
const acc = (): Acc => ({ revenue: 0, refunded: 0, payments: new Set(), customers: new Set() });
const sums = (a: Acc): Sums => ({ revenue: a.revenue, refunded: a.refunded, payments: a.payments.size, customers: a.customers.size });
function add(a: Acc, e: LedgerEntry, revenue: number, refunded: number) {
  a.revenue += revenue;
  a.refunded += refunded;
  if (isPayment(e)) {
    a.payments.add(e.id);
    a.customers.add(e.customerKey);
  }
}

/** The aggregates of a period's entries and (filtered) credits. */
export function aggregateRevenue(data: AttributedRevenue, filtered: boolean): RevenueAggregates {
  const totals = acc();
  let newRevenue = 0;
  const unattributed = acc();
  const by = new Map<TouchDimension, Map<string, Acc>>(TOUCH_DIMENSIONS.map((d) => [d, new Map()]));
  const buckets: RevenueAggregates['buckets'] = new Map();
  const bump = (bucket: string, channel: string | null, revenue: number, refunded: number) => addToBucket(buckets, bucket, channel, revenue, refunded);
  for (const c of data.credits) {
    for (const d of TOUCH_DIMENSIONS) {
      const value = c.touch[d] ?? NONE;
      const m = by.get(d)!;
      add(m.get(value) ?? m.set(value, acc()).get(value)!, c.entry, c.revenue, c.refunded);
    }
    bump(c.entry.bucket, c.touch.channel, c.revenue, c.refunded);
    if (filtered) {
      add(totals, c.entry, c.revenue, c.refunded);
      if (!c.entry.returning) newRevenue += c.revenue;
    }
  }
  if (!filtered) {
    for (const e of data.entries) {
      add(totals, e, e.revenue, e.refunded);
      if (!e.returning) newRevenue += e.revenue;
    }
    for (const e of data.unattributed) {
      add(unattributed, e, e.revenue, e.refunded);
      bump(e.bucket, null, e.revenue, e.refunded);
    }
  }
  const out = Object.fromEntries(
    TOUCH_DIMENSIONS.map((d) => [d, new Map([...by.get(d)!].map(([k, a]) => [k, { ...sums(a), net: a.revenue - a.refunded }]))]),
  ) as RevenueAggregates['by'];
  return { currency: data.currency, totals: { ...sums(totals), newRevenue }, unattributed: sums(unattributed), by: out, buckets, unconverted: data.unconverted };
}
