// Stripe amounts are integers in the currency's minor unit. Most currencies have two decimals;
// these have none or three (docs.stripe.com/currencies). Codes are lower-case, as Stripe sends them.

const ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);
const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

/** Number of decimals of the currency's minor unit (JPY 0, USD 2, KWD 3). */
export function currencyDecimals(currency: string): 0 | 2 | 3 {
  const c = currency.toLowerCase();
  if (ZERO_DECIMAL.has(c)) return 0;
  if (THREE_DECIMAL.has(c)) return 3;
  return 2;
}

/** Minor units to a decimal number of major units (1234 usd → 12.34, 1234 jpy → 1234, 1234 kwd → 1.234). */
export function toMajor(minor: bigint | number, currency: string): number {
  return Number(minor) / 10 ** currencyDecimals(currency);
}

/** Major units to the nearest integer minor unit. */
export function toMinor(major: number, currency: string): bigint {
  return BigInt(Math.round(major * 10 ** currencyDecimals(currency)));
}

/** For display: "$12.34", "¥1,234", "KWD 1.234". */
export function formatMoney(minor: bigint | number, currency: string, locale = 'en-US'): string {
  const digits = currencyDecimals(currency);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase(), minimumFractionDigits: digits, maximumFractionDigits: digits }).format(toMajor(minor, currency));
  } catch {
    return `${currency.toUpperCase()} ${toMajor(minor, currency).toFixed(digits)}`;
  }
}
