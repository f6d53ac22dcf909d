import { toCsv } from './csv';
import { currencyDecimals } from '@/lib/money/currencies';
import { minorToMajor } from './dashboard-params';

// The dashboard's tables as CSV, column for column as the page shows them (amounts in major units
// of the reporting currency, e.g. 12.50).

export type RankedCsvRow = { value: string; visitors: number; customers: number; revenue: number; net: number; payments: number };

const money = (minor: number | null, currency: string) => (minor === null ? '' : minorToMajor(minor, currency).toFixed(currencyDecimals(currency)));

export function rankedTableCsv(label: string, rows: RankedCsvRow[], currency: string): string {
  const c = currency.toUpperCase();
  return toCsv(
    [label, 'Visitors', 'Customers', 'Conversion rate', `Revenue (${c})`, `Revenue per visitor (${c})`, `Net revenue (${c})`, 'Payments'],
    rows.map((r) => [
      r.value,
      r.visitors,
      r.customers,
      r.visitors ? (r.customers / r.visitors).toFixed(4) : '',
      money(r.revenue, currency),
      money(r.visitors ? Math.round(r.revenue / r.visitors) : null, currency),
      money(r.net, currency),
      r.payments,
    ]),
  );
}

export function timeseriesCsv(points: { date: string; revenue: number; net: number; byChannel: Record<string, number> }[], channels: string[], currency: string): string {
  const c = currency.toUpperCase();
  return toCsv(
    ['Date', `Revenue (${c})`, `Net revenue (${c})`, ...channels.map((ch) => `${ch} (${c})`)],
    points.map((p) => [p.date, money(p.revenue, currency), money(p.net, currency), ...channels.map((ch) => money(p.byChannel[ch] ?? 0, currency))]),
  );
}

export function paymentsCsv(
  rows: {
    stripeId: string;
    paidAt: string;
    amount: number;
    currency: string;
    reportingAmount: number | null;
    refunded: number;
    customerId: string | null;
    customerEmail: string | null;
    attribution: { status: string; channel: string | null; source: string | null; medium: string | null; campaign: string | null; firstTouchAt: string | null };
  }[],
  currency: string,
): string {
  const c = currency.toUpperCase();
  return toCsv(
    ['Paid at', 'Stripe id', 'Amount', 'Currency', `Amount (${c})`, 'Refunded', 'Customer', 'Email', 'Attribution', 'Channel', 'Source', 'Medium', 'Campaign', 'First touch at'],
    rows.map((r) => [
      r.paidAt,
      r.stripeId,
      money(r.amount, r.currency),
      r.currency.toUpperCase(),
      money(r.reportingAmount, currency),
      money(r.refunded, r.currency),
      r.customerId,
      r.customerEmail,
      r.attribution.status,
      r.attribution.channel,
      r.attribution.source,
      r.attribution.medium,
      r.attribution.campaign,
      r.attribution.firstTouchAt,
    ]),
  );
}
