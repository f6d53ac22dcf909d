import { pool } from '@/lib/db/client';
import { retryOnDeadlock } from '@/lib/db/transaction';
import { TOUCH_BEFORE_PAYMENT_SQL } from './paid-at';

// A payment's attribution status follows from its visitor id and that visitor's touches:
//   no_visitor_id    no source had a visitor id
//   attributed       the visitor has a touch inside the project's window before the payment (paid-at.ts)
//   outside_window   the visitor has touches before the payment, all older than the window
//   unknown_visitor  no touch of that visitor before the payment (yet: a late beacon can still arrive)
// It is recomputed in SQL, in one statement, whenever a payment is written or a visitor's touches
// arrive, so the ingest paths never disagree about it.

const STATUS_SQL = `
UPDATE "Payment" p SET "attributionStatus" = (CASE
    WHEN p."visitorId" IS NULL THEN 'no_visitor_id'
    WHEN EXISTS (SELECT 1 FROM "Touch" t WHERE t."projectId" = p."projectId" AND t."visitorId" = p."visitorId"
                 AND ${TOUCH_BEFORE_PAYMENT_SQL}
                 AND t."occurredAt" >= p."paidAt" - make_interval(days => pr."attributionWindowDays")) THEN 'attributed'
    WHEN EXISTS (SELECT 1 FROM "Touch" t WHERE t."projectId" = p."projectId" AND t."visitorId" = p."visitorId"
                 AND ${TOUCH_BEFORE_PAYMENT_SQL}) THEN 'outside_window'
    ELSE 'unknown_visitor' END)::"AttributionStatus",
  "creditsDirty" = true,
  "updatedAt" = now()
FROM "Project" pr
WHERE pr.id = p."projectId" AND p."projectId" = $1`;

/** Recomputes the status of the given payments (after a payment was created or its visitor id changed). */
export async function refreshPaymentAttribution(projectId: string, paymentIds: string[]): Promise<number> {
  if (paymentIds.length === 0) return 0;
  const res = await retryOnDeadlock(() => pool().query(`${STATUS_SQL} AND p.id = ANY($2::text[])`, [projectId, paymentIds]));
  return res.rowCount ?? 0;
}

/**
 * Re-attributes waiting payments of visitors whose touches just arrived (a payment can name a
 * visitor before that visitor's beacons land). Only payments not yet attributed are touched.
 */
export async function refreshAttributionForVisitors(projectId: string, visitorIds: string[]): Promise<number> {
  if (visitorIds.length === 0) return 0;
  const res = await retryOnDeadlock(() =>
    pool().query(`${STATUS_SQL} AND p."visitorId" = ANY($2::text[]) AND p."attributionStatus" IN ('unknown_visitor', 'outside_window')`, [projectId, visitorIds]),
  );
  return res.rowCount ?? 0;
}

/** After the project's attribution window changes. */
export async function refreshAttributionForProject(projectId: string): Promise<number> {
  const res = await retryOnDeadlock(() => pool().query(STATUS_SQL, [projectId]));
  return res.rowCount ?? 0;
}
