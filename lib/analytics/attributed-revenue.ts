import type { ModelId } from '@/lib/attribution/models';
import type { ProjectScope } from '@/lib/authz';
import type { Filter } from '@/lib/zod/analytics';
import type { TouchDims } from './credits/compute';
import { NONE } from './touch-columns';
import type { DateRange } from './period';
import { analyticsQuery, utcBounds } from './sql';

// The revenue of a period under one attribution model as entries and credits, read from the
// rollup (RevenueCredit, kept by lib/analytics/credits): an index range scan of the period's
// credit rows. The views aggregate the same rows in SQL (rollup-aggregates.ts); this row-level
// form is what the rollup is checked against the raw rows with (rollup-check.ts). Payments count in the period they were paid;
// refunds and lost disputes in the period they happened. Amounts are in the project's reporting
// currency; payments not yet converted are kept apart and never summed with the rest.

export type Mode = 'live' | 'test';
export type RevenueQuery = { range: DateRange; model: ModelId; mode: Mode; filter?: Filter; interval?: 'day' | 'week' | 'month' };
export type { TouchDims };

/** Money that moved in the period: a payment (its revenue) or a refund of one (what went back). */
export type LedgerEntry = {
  /** The payment's id (a refund entry carries the id of the payment it refunds). */
  id: string;
  kind: 'payment' | 'refund';
  customerKey: string;
  returning: boolean;
  /** Reporting-currency minor units: the payment's revenue (0 for a refund entry). */
  revenue: number;
  /** Reporting-currency minor units: the refunded amount (0 for a payment entry). */
  refunded: number;
  /** The bucket (day, week or month start in the project's time zone) the money moved in. */
  bucket: string;
};

export type Credit = { entry: LedgerEntry; touch: TouchDims & { visitorId: string }; revenue: number; refunded: number };

export type AttributedRevenue = {
  currency: string;
  /** Converted entries of the period (attributed or not). */
  entries: LedgerEntry[];
  /** Credits of attributed entries that match the filter. */
  credits: Credit[];
  /** Converted entries with no touch in the window (not Direct: unattributed). */
  unattributed: LedgerEntry[];
  /** Payments still waiting for a conversion, per original currency (never mixed into the totals). */
  unconverted: { currency: string; amount: number; payments: number }[];
};

/** One credit row of the period, as the rollup stores it (and as the raw check recomputes it). */
export type CreditRecord = {
  paymentId: string;
  kind: 'payment' | 'refund';
  occurredAt: number;
  bucket: string;
  customerKey: string;
  returning: boolean;
  revenue: number | null;
  refunded: number;
  currency: string;
  amount: number;
  touch: (TouchDims & { visitorId: string }) | null;
};

/** Groups a period's credit rows into entries and filtered credits. */
export function assembleRevenue(currency: string, records: readonly CreditRecord[], filter?: Filter): AttributedRevenue {
  const result: AttributedRevenue = { currency, entries: [], credits: [], unattributed: [], unconverted: [] };
  const unconverted = new Map<string, { currency: string; amount: number; payments: number }>();
  const entries = new Map<string, LedgerEntry>();
  const active = activeFilter(filter);
  for (const r of records) {
    if (r.revenue === null) {
      const u = unconverted.get(r.currency) ?? { currency: r.currency, amount: 0, payments: 0 };
      u.amount += r.amount;
      u.payments += 1;
      unconverted.set(r.currency, u);
      continue;
    }
    const key = `${r.paymentId}|${r.kind}|${r.occurredAt}`;
    let entry = entries.get(key);
    if (!entry) {
      entry = { id: r.paymentId, kind: r.kind, customerKey: r.customerKey, returning: r.returning, revenue: 0, refunded: 0, bucket: r.bucket };
      entries.set(key, entry);
      result.entries.push(entry);
      if (!r.touch) result.unattributed.push(entry);
    }
    entry.revenue += r.revenue;
    entry.refunded += r.refunded;
    if (r.touch && (!active || matches(r.touch, active))) result.credits.push({ entry, touch: r.touch, revenue: r.revenue, refunded: r.refunded });
  }
  result.unconverted = [...unconverted.values()];
  return result;
}

type RollupRow = {
  paymentId: string;
  kind: 'payment' | 'refund';
  at: string;
  bucket: string;
  customerKey: string;
  returning: boolean;
  revenue: string | null;
  refunded: string;
  currency: string;
  amount: string;
  visitorId: string | null;
  channel: string | null;
  source: string | null;
  medium: string | null;
  campaign: string | null;
  referrerDomain: string | null;
  landingPath: string | null;
};

/** The WHERE clause of "credits of a project, mode and model in a period" ($3/$4: utcBounds). */
const CREDITS_IN_RANGE = `c."projectId" = $1 AND c.livemode = $2 AND c."occurredAt" >= $3::timestamp AND c."occurredAt" < $4::timestamp AND c.model = $7::"AttributionModel"`;

export async function loadAttributedRevenue(scope: ProjectScope, q: RevenueQuery): Promise<AttributedRevenue> {
  const { project } = scope;
  const bounds = await utcBounds(q.range, project.timeZone);
  const rows = await analyticsQuery<RollupRow>(
    `SELECT c."paymentId", c.kind, (extract(epoch FROM c."occurredAt") * 1000)::bigint::text AS at,
       to_char(date_trunc($6, (c."occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE $5), 'YYYY-MM-DD') AS bucket,
       c."customerKey", c.returning, c.revenue::text, c.refunded::text, c.currency, c.amount::text,
       c."visitorId", c.channel, c.source, c.medium, c.campaign, c."referrerDomain", c."landingPath"
     FROM "RevenueCredit" c WHERE ${CREDITS_IN_RANGE}`,
    [project.id, q.mode === 'live', bounds.start, bounds.end, project.timeZone, q.interval ?? 'day', q.model],
  );
  const records: CreditRecord[] = rows.map((r) => ({
    paymentId: r.paymentId,
    kind: r.kind,
    occurredAt: Number(r.at),
    bucket: r.bucket,
    customerKey: r.customerKey,
    returning: r.returning,
    revenue: r.revenue === null ? null : Number(r.revenue),
    refunded: Number(r.refunded),
    currency: r.currency,
    amount: Number(r.amount),
    touch:
      r.channel === null
        ? null
        : { visitorId: r.visitorId!, channel: r.channel, source: r.source, medium: r.medium, campaign: r.campaign, referrer: r.referrerDomain, landing_page: r.landingPath },
  }));
  return assembleRevenue(project.reportingCurrency, records, q.filter);
}

function activeFilter(filter?: Filter): [keyof TouchDims, string][] | null {
  if (!filter) return null;
  const entries = Object.entries(filter).filter(([, v]) => v !== undefined && v !== '') as [keyof TouchDims, string][];
  return entries.length ? entries : null;
}

/** A filter value `(none)` matches touches without that dimension. */
export { NONE };

function matches(touch: TouchDims, filter: [keyof TouchDims, string][]): boolean {
  return filter.every(([k, v]) => (touch[k] ?? NONE) === v);
}

export type OneValue = { dimension: keyof TouchDims; value: string };

/** The filter as one (dimension, value): null without a filter, undefined with more than one value. */
export function singleFilter(filter?: Filter): OneValue | null | undefined {
  const active = activeFilter(filter);
  if (!active) return null;
  return active.length === 1 ? { dimension: active[0][0], value: active[0][1] } : undefined;
}

export function isFiltered(filter?: Filter): boolean {
  return activeFilter(filter) !== null;
}

/** Entries that are payments (what "payments" and "customers" count). */
export const isPayment = (e: LedgerEntry) => e.kind === 'payment';
