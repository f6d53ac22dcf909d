import type { Credit } from './attributed-revenue';

// Sums credits by a key: revenue, refunds, and the distinct payments and customers they came from
// (refund entries move money but are not payments).

export type Aggregate = { revenue: number; refunded: number; net: number; payments: number; customers: number };

export function aggregateBy(credits: readonly Credit[], key: (c: Credit) => string): Map<string, Aggregate> {
  const acc = new Map<string, { revenue: number; refunded: number; payments: Set<string>; customers: Set<string> }>();
  for (const c of credits) {
    const k = key(c);
    let a = acc.get(k);
    if (!a) acc.set(k, (a = { revenue: 0, refunded: 0, payments: new Set(), customers: new Set() }));
    a.revenue += c.revenue;
    a.refunded += c.refunded;
    if (c.entry.kind === 'payment') {
      a.payments.add(c.entry.id);
      a.customers.add(c.entry.customerKey);
    }
  }
  const out = new Map<string, Aggregate>();
  for (const [k, a] of acc)
    out.set(k, { revenue: a.revenue, refunded: a.refunded, net: a.revenue - a.refunded, payments: a.payments.size, customers: a.customers.size });
  return out;
}
