// The fallback rate source for converting a payment to the project's reporting currency when Zori
// cannot read the charge's balance transaction from Stripe (no API key stored, or the settlement
// currency is not the reporting currency).
//
// LIMITATION: this Zori instance has no internet access, so the rates are a fixed table shipped with
// the code (ECB-style reference rates, units of each currency per 1 USD, as of RATE_TABLE_DATE). They
// are approximate and do not move; a payment converted with them says so (fxSource "rate_table:<date>").
// Amounts are always stored in their own currency too, so they can be reconverted later.

export const RATE_TABLE_DATE = '2026-10-30';

const UNITS_PER_USD: Record<string, number> = {
  usd: 1,
  eur: 0.92,
  gbp: 0.79,
  chf: 0.88,
  jpy: 152.4,
  cad: 1.38,
  aud: 1.52,
  nzd: 1.67,
  sek: 10.6,
  nok: 10.9,
  dkk: 6.86,
  pln: 3.98,
  czk: 23.2,
  huf: 365,
  inr: 84.1,
  brl: 5.7,
  mxn: 19.9,
  sgd: 1.32,
  hkd: 7.77,
  krw: 1380,
  cny: 7.12,
  zar: 17.6,
  kwd: 0.306,
  bhd: 0.376,
  jod: 0.709,
  omr: 0.385,
  tnd: 3.1,
  aed: 3.6725,
  ils: 3.72,
  try: 34.3,
};

export function hasRate(currency: string): boolean {
  return currency.toLowerCase() in UNITS_PER_USD;
}

/** Converts major units between two currencies of the table; null when either is not in it. */
export function convertMajor(major: number, from: string, to: string): number | null {
  const f = UNITS_PER_USD[from.toLowerCase()];
  const t = UNITS_PER_USD[to.toLowerCase()];
  if (f === undefined || t === undefined) return null;
  return (major / f) * t;
}
