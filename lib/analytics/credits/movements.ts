// When a payment's money moved: the payment itself at paidAt, and each refund or lost dispute at
// the time it happened, so a refund counts in the period it was made, not the payment's. The
// movements always add up to what the ledger stores (Payment.amountRefunded/amountDisputed, see
// lib/stripe/ledger/net.ts): refund rows first, in time order and capped at the payment's amount;
// any part of the stored total no refund row explains (a charge snapshot that ran ahead of its
// refund objects) at the snapshot's time.

export type RefundFacts = {
  paidAt: Date;
  /** Original currency minor units. */
  amount: number;
  /** Reporting-currency minor units; null while unconverted. */
  reportingAmount: number | null;
  amountRefunded: number;
  amountDisputed: number;
  chargeSnapshotAt: Date | null;
  /** Succeeded or pending refunds. */
  refunds: { at: Date; amount: number }[];
  /** Lost disputes, at the time they were lost. */
  lostDisputes: { at: Date; amount: number }[];
};

/** One outflow, in reporting-currency minor units. */
export type Movement = { at: Date; refunded: number };

function capped(rows: { at: Date; amount: number }[], total: number, restAt: Date): { at: Date; amount: number }[] {
  const out: { at: Date; amount: number }[] = [];
  let left = total;
  for (const r of [...rows].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const take = Math.min(Math.max(r.amount, 0), left); // a negative row (refused at entry since) returns nothing
    if (take > 0) out.push({ at: r.at, amount: take });
    left -= take;
  }
  if (left > 0) out.push({ at: restAt, amount: left });
  return out;
}

/**
 * The refund movements of a converted payment, in reporting currency. Conversion rounds the
 * running total, so the movements add up to round(total × rate): no cent appears or vanishes.
 */
export function refundMovements(f: RefundFacts): Movement[] {
  if (f.reportingAmount === null || f.amount <= 0) return [];
  const original = [
    ...capped(f.refunds, f.amountRefunded, f.chargeSnapshotAt ?? f.paidAt),
    ...capped(f.lostDisputes, f.amountDisputed, f.paidAt),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  const out: Movement[] = [];
  let cumulative = 0;
  let converted = 0;
  for (const m of original) {
    cumulative += m.amount;
    const next = Math.round((cumulative * f.reportingAmount) / f.amount);
    out.push({ at: m.at, refunded: next - converted });
    converted = next;
  }
  return out;
}
