import { TOUCH_BEFORE_PAYMENT_SQL } from '@/lib/attribution/paid-at';
import type { ProjectScope } from '@/lib/authz';
import { DomainError } from '@/lib/authz/errors';
import { analyticsQuery, utcBounds } from './sql';
import type { Mode } from './attributed-revenue';
import type { DateRange } from './period';

// The payments list: newest first, keyset pagination on (paidAt, id). Attribution shows the first
// touch inside the project's window (the default model) or, without one, why the payment is unattributed.

/** The WHERE clause of "payments of a project in a period": $3/$4 are the period's UTC bounds (utcBounds). */
const PAYMENTS_IN_RANGE = `p."projectId" = $1 AND p.livemode = $2 AND p."paidAt" >= $3::timestamp AND p."paidAt" < $4::timestamp`;

export type PaymentsQuery = { range: DateRange; mode: Mode; status: 'attributed' | 'unattributed' | 'all'; limit: number; cursor?: string };

type Row = {
  id: string;
  paymentKey: string;
  amount: string;
  currency: string;
  reportingAmount: string | null;
  refunded: string;
  paidAt: Date;
  customerId: string | null;
  customerEmail: string | null;
  visitorId: string | null;
  attributionStatus: string;
  visitorSeen: boolean | null;
  touchAt: Date | null;
  channel: string | null;
  source: string | null;
  medium: string | null;
  campaign: string | null;
};

export function encodeCursor(paidAt: Date, id: string): string {
  return Buffer.from(`${paidAt.toISOString()}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { paidAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const paidAt = new Date(at ?? '');
  if (!id || Number.isNaN(paidAt.getTime())) throw new DomainError('cursor: is not a cursor this API returned', 400, 'cursor');
  return { paidAt, id };
}

export async function listPayments(scope: ProjectScope, q: PaymentsQuery) {
  const { project } = scope;
  const bounds = await utcBounds(q.range, project.timeZone);
  const params: unknown[] = [project.id, q.mode === 'live', bounds.start, bounds.end, project.attributionWindowDays, q.limit + 1];
  let where = PAYMENTS_IN_RANGE;
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    params.push(c.paidAt.toISOString().replace('Z', ''), c.id);
    where += ` AND (p."paidAt", p.id) < ($7::timestamp, $8)`;
  }
  // The stored status says the same as the lateral join below (a touch in the window, see
  // lib/attribution/status.ts), and as a column of the payment it filters before any join.
  if (q.status === 'attributed') where += ` AND p."attributionStatus" = 'attributed'`;
  if (q.status === 'unattributed') where += ` AND p."attributionStatus" <> 'attributed'`;
  const rows = await analyticsQuery<Row>(
    `SELECT p.id, p."paymentKey", p.amount::text, p.currency, p."reportingAmount"::text AS "reportingAmount",
       (p."amountRefunded" + p."amountDisputed")::text AS refunded, p."paidAt", p."customerId", p."customerEmail", p."visitorId",
       p."attributionStatus"::text AS "attributionStatus",
       -- An id with no touch before the payment may still have been seen after it (a different message).
       CASE WHEN p."attributionStatus" = 'unknown_visitor' THEN EXISTS (
         SELECT 1 FROM "Touch" s WHERE s."projectId" = p."projectId" AND s."visitorId" = p."visitorId") END AS "visitorSeen",
       t."occurredAt" AS "touchAt", t.channel, t.source, t.medium, t.campaign
     FROM "Payment" p
     LEFT JOIN LATERAL (
       SELECT t."occurredAt", t.channel, t.source, t.medium, t.campaign FROM "Touch" t
       WHERE t."projectId" = p."projectId" AND t."visitorId" = p."visitorId"
         AND ${TOUCH_BEFORE_PAYMENT_SQL} AND t."occurredAt" >= p."paidAt" - make_interval(days => $5)
       ORDER BY t."occurredAt", t.id LIMIT 1
     ) t ON p."visitorId" IS NOT NULL
     WHERE ${where}
     ORDER BY p."paidAt" DESC, p.id DESC
     LIMIT $6`,
    params,
  );
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    currency: project.reportingCurrency,
    data: page.map((r) => {
      const attributed = r.touchAt !== null;
      return {
        id: r.id,
        stripeId: r.paymentKey,
        amount: Number(r.amount),
        currency: r.currency,
        reportingAmount: r.reportingAmount === null ? null : Number(r.reportingAmount),
        refunded: Number(r.refunded),
        paidAt: r.paidAt.toISOString(),
        customerId: r.customerId,
        customerEmail: r.customerEmail,
        attribution: {
          // A visitor id whose touches are not in the window is unattributed, whatever the stored status says.
          status: attributed ? 'attributed' : r.attributionStatus === 'attributed' ? 'outside_window' : r.attributionStatus,
          /** For unknown_visitor: whether the tracker has seen that visitor since (only after the payment). */
          visitorSeenAfterPayment: r.attributionStatus === 'unknown_visitor' ? Boolean(r.visitorSeen) : null,
          visitorId: r.visitorId,
          channel: r.channel,
          source: r.source,
          medium: r.medium,
          campaign: r.campaign,
          firstTouchAt: r.touchAt?.toISOString() ?? null,
          timeToPurchaseSeconds: r.touchAt ? Math.max(0, Math.round((r.paidAt.getTime() - r.touchAt.getTime()) / 1000)) : null,
        },
      };
    }),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.paidAt, last.id) : null,
  };
}
