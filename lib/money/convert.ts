import { toMajor, toMinor } from './currencies';
import { convertMajor, RATE_TABLE_DATE } from './rates';

export type Conversion = { amount: bigint; source: string } | { amount: null; source: 'unavailable' };

/** What a charge's balance transaction says (settlement currency, and the rate from presentment to it). */
export type BalanceTransactionFacts = { amount: bigint; currency: string };

/**
 * The payment's amount in the reporting currency, never a raw sum across currencies:
 *   1. same currency: as is;
 *   2. the charge's balance transaction, when it settled in the reporting currency;
 *   3. the shipped rate table (see rates.ts for its date and limits);
 *   4. otherwise unavailable (reportingAmount stays null and reports leave it out, saying so).
 */
export function toReportingCurrency(amount: bigint, currency: string, reportingCurrency: string, balance?: BalanceTransactionFacts | null): Conversion {
  const from = currency.toLowerCase();
  const to = reportingCurrency.toLowerCase();
  if (from === to) return { amount, source: 'same_currency' };
  if (balance && balance.currency.toLowerCase() === to) return { amount: balance.amount, source: 'balance_transaction' };
  const major = convertMajor(toMajor(amount, from), from, to);
  if (major === null) return { amount: null, source: 'unavailable' };
  return { amount: toMinor(major, to), source: `rate_table:${RATE_TABLE_DATE}` };
}
