import { dashboardParamsSchema, filterSchema, type Filter } from '@/lib/zod/analytics';
import { formatMoney as formatMinor, toMajor, toMinor } from '@/lib/money/currencies';
import { type DateRange, presetRange } from './period';

// The dashboard's URL <-> the query it runs. Unknown or malformed values fall back to defaults
// (a shared link with a typo still opens a sensible view).

export type DashboardParams = ReturnType<typeof dashboardParamsSchema.parse>;

export function parseDashboardParams(raw: Record<string, string | string[] | undefined>): DashboardParams {
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return dashboardParamsSchema.parse(flat);
}

export function dashboardRange(p: DashboardParams, timeZone: string, earliest: string | null): DateRange {
  if (p.period === 'custom' && p.from && p.to && p.from <= p.to) return { from: p.from, to: p.to };
  return presetRange(p.period === 'custom' ? '30d' : p.period, timeZone, earliest);
}

export function dashboardFilter(p: DashboardParams): Filter {
  const f: Filter = {};
  for (const key of Object.keys(filterSchema.shape) as (keyof Filter)[]) {
    const v = (p as Record<string, unknown>)[key];
    if (typeof v === 'string' && v) f[key] = v;
  }
  return f;
}

/** The URL query string for a view, dropping defaults so links stay short. */
export function dashboardHref(base: string, p: Record<string, string | undefined>, change: Record<string, string | undefined>): string {
  const merged = { ...p, ...change };
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '') qs.set(k, v);
  const s = qs.toString();
  return s ? `${base}?${s}` : base;
}

/** Minor units -> display string in a currency ("—" for none). Never throws, whatever code is stored. */
export function formatMoney(minor: number | null, currency: string): string {
  if (minor === null) return '—';
  return formatMinor(minor, currency);
}

/** Minor units -> major units, counted as Stripe does (JPY has no minor unit, most have two, KWD three). */
export function minorToMajor(minor: number, currency: string): number {
  return toMajor(minor, currency);
}

/** Major units (a chart's value) back to minor units, for formatMoney. */
export function majorToMinor(major: number, currency: string): number {
  return Number.isFinite(major) ? Number(toMinor(major, currency)) : 0;
}
