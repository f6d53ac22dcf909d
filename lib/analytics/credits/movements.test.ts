import { describe, expect, it } from 'vitest';
import { refundMovements, type RefundFacts } from './movements';

const at = (s: string) => new Date(`2026-03-${s}T12:00:00Z`);
const base: RefundFacts = {
  paidAt: at('01'),
  amount: 1000,
  reportingAmount: 1000,
  amountRefunded: 0,
  amountDisputed: 0,
  chargeSnapshotAt: null,
  refunds: [],
  lostDisputes: [],
};

describe('refundMovements', () => {
  it('dates each refund at its own time, in order', () => {
    const m = refundMovements({ ...base, amountRefunded: 500, refunds: [{ at: at('20'), amount: 200 }, { at: at('05'), amount: 300 }] });
    expect(m).toEqual([
      { at: at('05'), refunded: 300 },
      { at: at('20'), refunded: 200 },
    ]);
  });

  it('dates what no refund row explains at the charge snapshot, else at the payment', () => {
    expect(refundMovements({ ...base, amountRefunded: 700, chargeSnapshotAt: at('09'), refunds: [{ at: at('05'), amount: 300 }] })).toEqual([
      { at: at('05'), refunded: 300 },
      { at: at('09'), refunded: 400 },
    ]);
    expect(refundMovements({ ...base, amountRefunded: 250 })).toEqual([{ at: at('01'), refunded: 250 }]);
  });

  it('caps refunds at the stored total (the ledger caps at the amount)', () => {
    const m = refundMovements({ ...base, amountRefunded: 1000, refunds: [{ at: at('05'), amount: 800 }, { at: at('06'), amount: 800 }] });
    expect(m).toEqual([
      { at: at('05'), refunded: 800 },
      { at: at('06'), refunded: 200 },
    ]);
  });

  it('adds lost disputes at the time they were lost', () => {
    const m = refundMovements({ ...base, amountRefunded: 100, amountDisputed: 900, refunds: [{ at: at('02'), amount: 100 }], lostDisputes: [{ at: at('28'), amount: 900 }] });
    expect(m).toEqual([
      { at: at('02'), refunded: 100 },
      { at: at('28'), refunded: 900 },
    ]);
  });

  it('converts the running total, so the parts add up to the converted whole', () => {
    // 3 refunds of 1 in a currency worth 1/3: each alone rounds to 0, together they are 1.
    const m = refundMovements({ ...base, amount: 3, reportingAmount: 1, amountRefunded: 3, refunds: [1, 2, 3].map((d) => ({ at: at(`0${d}`), amount: 1 })) });
    expect(m.map((x) => x.refunded)).toEqual([0, 1, 0]);
    const odd = refundMovements({ ...base, amount: 999, reportingAmount: 1234, amountRefunded: 999, refunds: [1, 2, 3, 4].map((d) => ({ at: at(`1${d}`), amount: d === 4 ? 0 : 333 })) });
    expect(odd.reduce((s, x) => s + x.refunded, 0)).toBe(1234);
  });

  it('has nothing for an unconverted payment', () => {
    expect(refundMovements({ ...base, reportingAmount: null, amountRefunded: 500 })).toEqual([]);
  });
});
