import { describe, expect, it } from 'vitest';
import { attribute, distribute, journeyInWindow, MODEL_IDS, MODELS, type JourneyTouch } from './index';

const DAY = 24 * 60 * 60 * 1000;
const paidAt = new Date('2026-03-31T12:00:00Z');
const daysBefore = (d: number) => new Date(paidAt.getTime() - d * DAY);
const touch = (id: number, ago: number, channel: string): JourneyTouch => ({ id, occurredAt: daysBefore(ago), channel });
const amounts = (credits: { amount: number }[]) => credits.map((c) => c.amount);

// A journey: Paid Search 14 days before, Direct 7 days before, Organic Social 0 days before.
const journey = [touch(1, 14, 'Paid Search'), touch(2, 7, 'Direct'), touch(3, 0, 'Organic Social')];

describe('first touch', () => {
  it('gives everything to the oldest touch in the window', () => {
    expect(MODELS.first_touch(journey, 10_000, paidAt)).toEqual([{ index: 0, amount: 10_000 }]);
  });
});

describe('last non-direct touch', () => {
  it('skips a trailing Direct touch', () => {
    const j = [touch(1, 5, 'Email'), touch(2, 1, 'Direct')];
    expect(MODELS.last_touch(j, 999, paidAt)).toEqual([{ index: 0, amount: 999 }]);
  });
  it('uses the latest touch when all are Direct', () => {
    const j = [touch(1, 5, 'Direct'), touch(2, 1, 'Direct')];
    expect(MODELS.last_touch(j, 999, paidAt)).toEqual([{ index: 1, amount: 999 }]);
  });
  it('takes the latest non-direct one', () => {
    expect(MODELS.last_touch(journey, 500, paidAt)).toEqual([{ index: 2, amount: 500 }]);
  });
});

describe('linear', () => {
  it('splits 1000 over 3 touches as 334/333/333 (remainder to the earliest)', () => {
    expect(amounts(MODELS.linear(journey, 1000, paidAt))).toEqual([334, 333, 333]);
  });
  it('splits 1001 over 3 touches as 334/334/333', () => {
    expect(amounts(MODELS.linear(journey, 1001, paidAt))).toEqual([334, 334, 333]);
  });
});

describe('position-based 40/20/40', () => {
  it('one touch gets all, two touches split evenly', () => {
    expect(amounts(MODELS.position_based(journey.slice(0, 1), 777, paidAt))).toEqual([777]);
    expect(amounts(MODELS.position_based(journey.slice(0, 2), 777, paidAt))).toEqual([389, 388]);
  });
  it('three touches: 40/20/40 of 10000 = 4000/2000/4000', () => {
    expect(amounts(MODELS.position_based(journey, 10_000, paidAt))).toEqual([4000, 2000, 4000]);
  });
  it('four touches: 40/10/10/40 of 999 = 400/100/100/399 (quotas 399.6/99.9/99.9/399.6)', () => {
    const j = [...journey, touch(4, 0, 'Email')].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    // quotas 399.6, 99.9, 99.9, 399.6: floors 399+99+99+399 = 996, 3 cents left, largest remainders
    // are the middles (.9, .9) then the first end (.6, earlier wins the tie).
    expect(amounts(MODELS.position_based(j, 999, paidAt))).toEqual([400, 100, 100, 399]);
  });
});

describe('time decay, 7-day half-life', () => {
  it('weights 1/4, 1/2, 1 for touches 14, 7 and 0 days before: 7000 -> 1000/2000/4000', () => {
    expect(amounts(MODELS.time_decay(journey, 7000, paidAt))).toEqual([1000, 2000, 4000]);
  });
  it('100 with weights 1/4, 1/2, 1 -> quotas 14.29/28.57/57.14 -> 14/29/57', () => {
    expect(amounts(MODELS.time_decay(journey, 100, paidAt))).toEqual([14, 29, 57]);
  });
});

describe('the window', () => {
  it('drops touches after the payment and older than the window, and sorts oldest first', () => {
    const touches = [touch(5, -1, 'Email'), touch(4, 100, 'Referral'), touch(3, 2, 'Direct'), touch(2, 30, 'Paid Search')];
    expect(journeyInWindow(touches, paidAt, 90).map((t) => t.id)).toEqual([2, 3]);
    expect(journeyInWindow(touches, paidAt, 10).map((t) => t.id)).toEqual([3]);
  });
  it('a touch exactly at the payment counts; first touch uses the window, not all history', () => {
    const touches = [touch(1, 120, 'Referral'), touch(2, 60, 'Email'), touch(3, 0, 'Direct')];
    const credits = attribute('first_touch', touches, 5000, paidAt, 90);
    expect(credits).toEqual([{ touch: touches[1], amount: 5000 }]);
    expect(attribute('last_touch', touches, 5000, paidAt, 30)).toEqual([{ touch: touches[2], amount: 5000 }]);
  });
  it('a touch later in the payment\'s (whole-second) paidAt counts; one in the next second does not', () => {
    const inSecond = { id: 7, occurredAt: new Date(paidAt.getTime() + 999), channel: 'Organic Social' };
    const nextSecond = { id: 8, occurredAt: new Date(paidAt.getTime() + 1000), channel: 'Email' };
    expect(journeyInWindow([inSecond, nextSecond], paidAt, 90).map((t) => t.id)).toEqual([7]);
  });
  it('no touch in the window: no credits (the payment is unattributed)', () => {
    for (const m of MODEL_IDS) expect(attribute(m, [touch(1, 200, 'Email')], 100, paidAt, 90)).toEqual([]);
  });
});

describe('every model keeps every cent', () => {
  // Deterministic pseudo-random journeys (LCG) so a failure reproduces.
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const channels = ['Direct', 'Organic Search', 'Paid Search', 'Email', 'Referral'];
  it('credits add up to the amount exactly, are non-negative and deterministic', () => {
    for (let run = 0; run < 500; run++) {
      const n = 1 + Math.floor(rand() * 8);
      const j = Array.from({ length: n }, (_, i) => touch(i, (n - i) * rand() * 10, channels[Math.floor(rand() * channels.length)])).sort(
        (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime(),
      );
      const amount = Math.floor(rand() * 1_000_000);
      for (const m of MODEL_IDS) {
        const credits = MODELS[m](j, amount, paidAt);
        expect(credits.reduce((s, c) => s + c.amount, 0)).toBe(amount);
        expect(credits.every((c) => c.amount >= 0 && Number.isInteger(c.amount))).toBe(true);
        expect(MODELS[m](j, amount, paidAt)).toEqual(credits);
      }
    }
  });
  it('distribute refuses nonsense', () => {
    expect(() => distribute(1.5, [1])).toThrow(RangeError);
    expect(() => distribute(10, [0, 0])).toThrow(RangeError);
    expect(distribute(-10, [1, 1, 1]).map((c) => c.amount)).toEqual([-4, -3, -3]);
  });
});
