import type { Pool, PoolClient } from 'pg';
import { TOUCH_BEFORE_PAYMENT_SQL } from '@/lib/attribution/paid-at';
import type { JourneyStep, PaymentFacts } from './compute';

// Reads payments with everything that decides their credits: amounts, refunds, lost disputes,
// whether the customer paid before, and the visitor's touches inside the project's window.

type Db = Pool | PoolClient;

type PaymentRow = {
  id: string;
  livemode: boolean;
  paidAt: Date;
  amount: string;
  currency: string;
  reportingAmount: string | null;
  amountRefunded: string;
  amountDisputed: string;
  chargeSnapshotAt: Date | null;
  visitorId: string | null;
  customerKey: string;
  returning: boolean;
};

/** Payments selected by `where` (over `Payment p`, with $1 the project id) and their facts. */
async function loadFacts(db: Db, where: string, params: unknown[], windowDays: number): Promise<PaymentFacts[]> {
  const { rows } = await db.query<PaymentRow>(
    `SELECT p.id, p.livemode, p."paidAt", p.amount::text, p.currency, p."reportingAmount"::text AS "reportingAmount",
       p."amountRefunded"::text AS "amountRefunded", p."amountDisputed"::text AS "amountDisputed", p."chargeSnapshotAt", p."visitorId",
       COALESCE(p."customerId", p."customerEmail", p.id) AS "customerKey",
       (p."customerId" IS NOT NULL AND EXISTS (SELECT 1 FROM "Payment" e WHERE e."projectId" = p."projectId" AND e."customerId" = p."customerId"
          AND e.livemode = p.livemode AND (e."paidAt", e.id) < (p."paidAt", p.id))) AS returning
     FROM "Payment" p WHERE p."projectId" = $1 AND ${where}`,
    params,
  );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  // One after the other: `db` may be a single client inside a transaction.
  const touches = await db.query<{ paymentId: string; id: string; occurredAt: Date; channel: string; source: string | null; medium: string | null; campaign: string | null; referrerDomain: string | null; landingPath: string | null }>(
      `SELECT p.id AS "paymentId", t.id::text AS id, t."occurredAt", t.channel, t.source, t.medium, t.campaign, t."referrerDomain", t."landingPath"
       FROM "Payment" p JOIN "Touch" t ON t."projectId" = p."projectId" AND t."visitorId" = p."visitorId"
       WHERE p.id = ANY($1::text[]) AND ${TOUCH_BEFORE_PAYMENT_SQL} AND t."occurredAt" >= p."paidAt" - make_interval(days => $2)`,
      [ids, windowDays],
    );
  const refunds = await db.query<{ paymentId: string; at: Date; amount: string }>(
      `SELECT "paymentId", "createdAt" AS at, amount::text FROM "Refund" WHERE "paymentId" = ANY($1::text[]) AND "projectId" = $2 AND status IN ('succeeded', 'pending')`,
      [ids, params[0]],
    );
  const disputes = await db.query<{ paymentId: string; at: Date; amount: string }>(
      `SELECT "paymentId", COALESCE("lastEventAt", "createdAt") AS at, amount::text FROM "Dispute" WHERE "paymentId" = ANY($1::text[]) AND "projectId" = $2 AND status = 'lost'`,
      [ids, params[0]],
    );
  const facts = new Map<string, PaymentFacts>(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        livemode: r.livemode,
        paidAt: r.paidAt,
        amount: Number(r.amount),
        currency: r.currency,
        reportingAmount: r.reportingAmount === null ? null : Number(r.reportingAmount),
        amountRefunded: Number(r.amountRefunded),
        amountDisputed: Number(r.amountDisputed),
        chargeSnapshotAt: r.chargeSnapshotAt,
        visitorId: r.visitorId,
        customerKey: r.customerKey,
        returning: r.returning,
        refunds: [],
        lostDisputes: [],
        journey: [],
      },
    ]),
  );
  for (const t of touches.rows) {
    const step: JourneyStep = {
      id: t.id,
      occurredAt: t.occurredAt,
      channel: t.channel,
      source: t.source,
      medium: t.medium,
      campaign: t.campaign,
      referrer: t.referrerDomain,
      landing_page: t.landingPath,
    };
    facts.get(t.paymentId)!.journey.push(step);
  }
  for (const r of refunds.rows) facts.get(r.paymentId)!.refunds.push({ at: r.at, amount: Number(r.amount) });
  for (const d of disputes.rows) facts.get(d.paymentId)!.lostDisputes.push({ at: d.at, amount: Number(d.amount) });
  return [...facts.values()];
}

/** The given payments of a project. */
export function loadFactsById(db: Db, projectId: string, paymentIds: string[], windowDays: number): Promise<PaymentFacts[]> {
  return loadFacts(db, `p.id = ANY($2::text[])`, [projectId, paymentIds], windowDays);
}

/**
 * Payments with money moving in [start, end) (UTC timestamps): paid then, or paid before `end` and
 * refunded or disputed at all (their movements are then filtered by time).
 */
export function loadFactsMovingIn(db: Db, projectId: string, livemode: boolean, start: string, end: string, windowDays: number): Promise<PaymentFacts[]> {
  return loadFacts(
    db,
    `p.livemode = $2 AND p."paidAt" < $4::timestamp AND (p."paidAt" >= $3::timestamp OR p."amountRefunded" > 0 OR p."amountDisputed" > 0)`,
    [projectId, livemode, start, end],
    windowDays,
  );
}
