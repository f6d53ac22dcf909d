// Stripe amounts are integers in the currency's minor unit. Most currencies have two decimals;
// these have none or three (docs.stripe.com/currencies). Codes are lower-case, as Stripe sends them.
// This file is the one list of currencies Zori accepts (webhook objects and project settings alike).

/**
 * The presentment currencies Stripe supports (docs.stripe.com/currencies: the card currencies, the
 * three-decimal currencies it lists apart), plus codes it accepted before their currency was
 * replaced (MRO→MRU, SLL→SLE, VEF→VES, BYR→BYN), which older payments can carry.
 */
export const STRIPE_CURRENCIES: ReadonlySet<string> = new Set(
  (
    'usd aed afn all amd ang aoa ars aud awg azn bam bbd bdt bgn bif bmd bnd bob brl bsd bwp byn bzd cad cdf chf clp cny cop crc ' +
    'cve czk djf dkk dop dzd egp etb eur fjd fkp gbp gel gip gmd gnf gtq gyd hkd hnl htg huf idr ils inr isk jmd jpy kes kgs khr ' +
    'kmf krw kyd kzt lak lbp lkr lrd lsl mad mdl mga mkd mmk mnt mop mur mvr mwk mxn myr mzn nad ngn nio nok npr nzd pab pen pgk ' +
    'php pkr pln pyg qar ron rsd rub rwf sar sbd scr sek sgd shp sle sos srd std szl thb tjs top try ttd twd tzs uah ugx uyu uzs ' +
    'vnd vuv wst xaf xcd xof xpf yer zar zmw ' +
    'bhd jod kwd omr tnd ' +
    'mro sll vef byr'
  ).split(' '),
);

export function isStripeCurrency(code: unknown): code is string {
  return typeof code === 'string' && STRIPE_CURRENCIES.has(code);
}

/** Stripe's technical maximum for an amount: twelve digits in IDR, eight in every other currency. */
export function maxStripeAmount(currency: string): number {
  return currency.toLowerCase() === 'idr' ? 999_999_999_999 : 99_999_999;
}

const ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);
const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

/** Number of decimals of the currency's minor unit as Stripe counts it (JPY 0, USD 2, KWD 3; ISK 2). */
export function currencyDecimals(currency: string): 0 | 2 | 3 {
  const c = String(currency ?? '').toLowerCase();
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

/**
 * For display: "$12.34", "¥1,234", "KWD 1.234". Never throws: a code Intl does not know (stored
 * before currencies were checked) is shown as its letters next to the number.
 */
export function formatMoney(minor: bigint | number, currency: string, locale = 'en-US'): string {
  const code = String(currency ?? '');
  const digits = currencyDecimals(code);
  const major = toMajor(minor, code);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: code.toUpperCase(), minimumFractionDigits: digits, maximumFractionDigits: digits }).format(major);
  } catch {
    const number = Number.isFinite(major) ? major.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : String(major);
    return `${code.toUpperCase()} ${number}`.trim();
  }
}
