import { describe, expect, it } from 'vitest';
import { changeTone, compareFigures, conversionRate, formatChange, formatRate } from './change';

describe('change against the previous period', () => {
  it('says "new" when the previous period had nothing, not a percentage of zero', () => {
    expect(compareFigures(31_700, 0)).toEqual({ kind: 'new' });
    expect(formatChange(compareFigures(31_700, 0))).toBe('new');
  });

  it('gives a percentage when both periods have a figure', () => {
    expect(formatChange(compareFigures(110, 100))).toBe('+10%');
    expect(formatChange(compareFigures(95, 100))).toBe('−5.0%');
    expect(formatChange(compareFigures(250, 100))).toBe('+150%');
  });

  it('reads a rise of ten times or more as a multiple', () => {
    // The case seen on the demo: 318 against 1 read "+31700.0%".
    expect(formatChange(compareFigures(318, 1))).toBe('318×');
    expect(formatChange(compareFigures(10, 1))).toBe('10×');
    expect(formatChange(compareFigures(15, 1))).toBe('15×');
  });

  it('has no change to show without a previous figure, and "no change" for equal figures', () => {
    expect(compareFigures(5, null)).toEqual({ kind: 'none' });
    expect(compareFigures(null, 5)).toEqual({ kind: 'none' });
    expect(compareFigures(0, 0)).toEqual({ kind: 'same' });
    expect(formatChange(compareFigures(7, 7))).toBe('no change');
  });

  it('treats a fall from zero below zero (net after refunds) without a percentage', () => {
    expect(compareFigures(-500, 0)).toEqual({ kind: 'down', ratio: null });
    expect(formatChange(compareFigures(-500, 0))).toBe('below zero');
    expect(formatChange(compareFigures(-50, -100))).toBe('+50%');
  });

  it('colours a move by whether it is good news for that figure', () => {
    expect(changeTone(compareFigures(10, 0))).toBe('good');
    expect(changeTone(compareFigures(10, 0), true)).toBe('bad'); // refunds appearing
    expect(changeTone(compareFigures(5, 10), true)).toBe('good');
    expect(changeTone(compareFigures(5, 5))).toBe('neutral');
  });
});

describe('rates', () => {
  it('formats a share of its base as a percentage', () => {
    expect(formatRate(0.0312)).toBe('3.12%');
    expect(formatRate(0.5)).toBe('50.0%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(0)).toBe('0.0%');
    expect(formatRate(null)).toBe('—');
  });

  it('refuses a rate above 100%: numerator and denominator must count the same people', () => {
    expect(() => formatRate(2)).toThrow(RangeError);
    expect(() => conversionRate(2, 1)).toThrow(RangeError);
    expect(conversionRate(1, 4)).toBe(0.25);
    expect(conversionRate(0, 0)).toBeNull();
  });
});
