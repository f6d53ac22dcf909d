import { attribute, type JourneyTouch, type ModelId, SINGLE_TOUCH_MODELS } from '@/lib/attribution/models';
import { TOUCH_BEFORE_PAYMENT_SQL } from '@/lib/attribution/paid-at';
import type { ProjectScope } from '@/lib/authz';
import { analyticsQuery, utcBounds } from './sql';
import type { Filter } from '@/lib/zod/analytics';
import type { DateRange } from './period';

// Loads the payments of a period with their journeys and applies an attribution model (the pure
// functions in lib/attribution/models). Every revenue query (channels, breakdown, timeseries,
// headline) aggregates these credits, so they always agree with each other and with the API.
// Amounts are in the project's reporting currency; payments not yet converted are kept apart and
// never summed with the rest.

export type Mode = 'live' | 'test';
export type RevenueQuery = { range: DateRange; model: ModelId; mode: Mode; filter?: Filter; interval?: 'day' | 'week' | 'month' };

export type TouchDims = {
  channel: string;
  source: string | null;
  medium: string | null;
  campaign: string | null;
  referrer: string | null;
  landing_page: string | null;
};

export type LoadedPayment = {
  id: string;
  customerKey: string;
  returning: boolean;
  /** Reporting-currency minor units (null: not converted yet). */
  revenue: number | null;
  refunded: number;
  currency: string;
  amount: number;
  bucket: string;
  attributionStatus: string;
};

export type Credit = { payment: LoadedPayment; touch: TouchDims & { visitorId: string }; revenue: number; refunded: number };

export type AttributedRevenue = {
  currency: string;
  /** Converted payments of the period (attributed or not). */
  payments: LoadedPayment[];
  /** Credits of attributed payments that match the filter. */
  credits: Credit[];
  /** Converted payments with no touch in the window (not Direct: unattributed). */
  unattributed: LoadedPayment[];
  /** Payments still waiting for a conversion, per original currency (never mixed into the totals). */
  unconverted: { currency: string; amount: number; payments: number }[];
};

type Row = {
  id: string;
  visitorId: string | null;
  paidAt: Date;
  amount: string;
  currency: string;
  revenue: string | null;
  refunded: string;
  customerKey: string;
  returning: boolean;
  attributionStatus: string;
  bucket: string;
  touchId: string | null;
  occurredAt: Date | null;
  channel: string | null;
  source: string | null;
  medium: string | null;
  campaign: string | null;
  referrerDomain: string | null;
  landingPath: string | null;
};

/** The WHERE clause of "payments of a project in a period": $3/$4 are the period's UTC bounds (utcBounds). */
export const PAYMENTS_IN_RANGE = `p."projectId" = $1 AND p.livemode = $2 AND p."paidAt" >= $3::timestamp AND p."paidAt" < $4::timestamp`;

function touchOrder(model: ModelId): string {
  // Single-touch models only need their one touch; the pure model then confirms the choice.
  if (model === 'first_touch') return `ORDER BY t."occurredAt", t.id LIMIT 1`;
  if (model === 'last_touch') return `ORDER BY (t.channel <> 'Direct') DESC, t."occurredAt" DESC, t.id DESC LIMIT 1`;
  return `ORDER BY t."occurredAt", t.id`;
}

export async function loadAttributedRevenue(scope: ProjectScope, q: RevenueQuery): Promise<AttributedRevenue> {
  const { project } = scope;
  const windowDays = project.attributionWindowDays;
  const sql = `
    SELECT p.id, p."visitorId", p."paidAt", p.amount::text, p.currency, p."reportingAmount"::text AS revenue,
      (CASE WHEN p."reportingAmount" IS NULL OR p.amount = 0 THEN 0
            ELSE round((p."amountRefunded" + p."amountDisputed")::numeric * p."reportingAmount" / p.amount) END)::bigint::text AS refunded,
      COALESCE(p."customerId", p."customerEmail", p.id) AS "customerKey",
      (p."customerId" IS NOT NULL AND EXISTS (SELECT 1 FROM "Payment" e WHERE e."projectId" = p."projectId" AND e."customerId" = p."customerId"
         AND e.livemode = p.livemode AND (e."paidAt", e.id) < (p."paidAt", p.id))) AS returning,
      p."attributionStatus"::text AS "attributionStatus",
      to_char(date_trunc($7, (p."paidAt" AT TIME ZONE 'UTC') AT TIME ZONE $5), 'YYYY-MM-DD') AS bucket,
      t.id::text AS "touchId", t."occurredAt", t.channel, t.source, t.medium, t.campaign, t."referrerDomain", t."landingPath"
    FROM "Payment" p
    LEFT JOIN LATERAL (
      SELECT t.id, t."occurredAt", t.channel, t.source, t.medium, t.campaign, t."referrerDomain", t."landingPath"
      FROM "Touch" t
      WHERE t."projectId" = p."projectId" AND t."visitorId" = p."visitorId"
        AND ${TOUCH_BEFORE_PAYMENT_SQL} AND t."occurredAt" >= p."paidAt" - make_interval(days => $6)
      ${touchOrder(q.model)}
    ) t ON p."visitorId" IS NOT NULL
    WHERE ${PAYMENTS_IN_RANGE}
    ORDER BY p."paidAt", p.id`;
  const bounds = await utcBounds(q.range, project.timeZone);
  const rows = await analyticsQuery<Row>(sql, [
    project.id,
    q.mode === 'live',
    bounds.start,
    bounds.end,
    project.timeZone,
    windowDays,
    q.interval ?? 'day',
  ]);

  const result: AttributedRevenue = { currency: project.reportingCurrency, payments: [], credits: [], unattributed: [], unconverted: [] };
  const unconverted = new Map<string, { currency: string; amount: number; payments: number }>();
  const filter = activeFilter(q.filter);

  for (let i = 0; i < rows.length; ) {
    const first = rows[i];
    const journey: (JourneyTouch & TouchDims)[] = [];
    for (; i < rows.length && rows[i].id === first.id; i++) {
      const r = rows[i];
      if (r.touchId && r.occurredAt && r.channel)
        journey.push({
          id: r.touchId,
          occurredAt: r.occurredAt,
          channel: r.channel,
          source: r.source,
          medium: r.medium,
          campaign: r.campaign,
          referrer: r.referrerDomain,
          landing_page: r.landingPath,
        });
    }
    if (first.revenue === null) {
      const u = unconverted.get(first.currency) ?? { currency: first.currency, amount: 0, payments: 0 };
      u.amount += Number(first.amount);
      u.payments += 1;
      unconverted.set(first.currency, u);
      continue;
    }
    const payment: LoadedPayment = {
      id: first.id,
      customerKey: first.customerKey,
      returning: first.returning,
      revenue: Number(first.revenue),
      refunded: Number(first.refunded),
      currency: first.currency,
      amount: Number(first.amount),
      bucket: first.bucket,
      attributionStatus: first.attributionStatus,
    };
    result.payments.push(payment);
    if (journey.length === 0) {
      result.unattributed.push(payment);
      continue;
    }
    const revenueCredits = attribute(q.model, journey, payment.revenue!, first.paidAt, windowDays);
    const refundCredits = attribute(q.model, journey, payment.refunded, first.paidAt, windowDays);
    revenueCredits.forEach((c, k) => {
      if (filter && !matches(c.touch, filter)) return;
      result.credits.push({ payment, touch: { ...c.touch, visitorId: first.visitorId! }, revenue: c.amount, refunded: refundCredits[k].amount });
    });
  }
  result.unconverted = [...unconverted.values()];
  return result;
}

export const SINGLE_TOUCH = SINGLE_TOUCH_MODELS;

function activeFilter(filter?: Filter): [keyof TouchDims, string][] | null {
  if (!filter) return null;
  const entries = Object.entries(filter).filter(([, v]) => v !== undefined && v !== '') as [keyof TouchDims, string][];
  return entries.length ? entries : null;
}

/** A filter value `(none)` matches touches without that dimension. */
export const NONE = '(none)';

function matches(touch: TouchDims, filter: [keyof TouchDims, string][]): boolean {
  return filter.every(([k, v]) => (touch[k] ?? NONE) === v);
}

export function isFiltered(filter?: Filter): boolean {
  return activeFilter(filter) !== null;
}
