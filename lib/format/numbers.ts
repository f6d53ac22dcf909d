import { formatMoney as formatMinor, toMajor } from '@/lib/money/currencies';

// Money and counts as the UI writes them. Amounts are integers in the currency's minor unit
// (Stripe's decimals, lib/money/currencies).

const formats = new Map<string, Intl.NumberFormat>();
function cached(key: string, make: () => Intl.NumberFormat) {
  let f = formats.get(key);
  if (!f) formats.set(key, (f = make()));
  return f;
}

/** "$1,234.50"; "—" for no figure. */
export function formatMoney(minor: number | null, currency: string): string {
  return minor === null ? '—' : formatMinor(minor, currency);
}

/** For chart axes and tight spaces: "$1.3K", "$950", "€2M" (major units in, as charts hold them). */
export function formatMoneyCompact(major: number, currency: string): string {
  return cached(`cc:${currency}`, () =>
    new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase(), notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }),
  ).format(major);
}

export const minorToMajor = (minor: number, currency: string): number => toMajor(minor, currency);

/** "1,234". */
export function formatCount(n: number | null): string {
  return n === null ? '—' : cached('n', () => new Intl.NumberFormat('en-US')).format(n);
}
