import { describe, expect, it } from 'vitest';
import { currencyDecimals, formatMoney, toMajor } from './currencies';
import { toReportingCurrency } from './convert';

describe('currencies', () => {
  it('knows zero- and three-decimal currencies', () => {
    expect(currencyDecimals('JPY')).toBe(0);
    expect(currencyDecimals('kwd')).toBe(3);
    expect(currencyDecimals('usd')).toBe(2);
    expect(toMajor(1234n, 'jpy')).toBe(1234);
    expect(toMajor(1234n, 'kwd')).toBe(1.234);
    expect(toMajor(1234n, 'eur')).toBe(12.34);
    expect(formatMoney(1234n, 'kwd')).toContain('1.234');
  });
});

describe('toReportingCurrency', () => {
  it('keeps the amount in the same currency', () => {
    expect(toReportingCurrency(500n, 'usd', 'usd')).toEqual({ amount: 500n, source: 'same_currency' });
  });
  it('prefers the balance transaction when it settled in the reporting currency', () => {
    expect(toReportingCurrency(1000n, 'jpy', 'usd', { amount: 655n, currency: 'usd' })).toEqual({ amount: 655n, source: 'balance_transaction' });
  });
  it('falls back to the rate table with zero- and three-decimal units respected', () => {
    const jpy = toReportingCurrency(15240n, 'jpy', 'usd'); // ¥15,240 at 152.4/USD = $100.00
    expect(jpy.amount).toBe(10000n);
    expect(jpy.source).toMatch(/^rate_table:/);
    const kwd = toReportingCurrency(3060n, 'kwd', 'usd'); // 3.060 KWD at 0.306/USD = $10.00
    expect(kwd.amount).toBe(1000n);
  });
  it('says unavailable for a currency it has no rate for', () => {
    expect(toReportingCurrency(100n, 'xyz', 'usd')).toEqual({ amount: null, source: 'unavailable' });
  });
});
