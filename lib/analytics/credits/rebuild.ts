import type { PoolClient } from 'pg';
import { pool } from '@/lib/db/client';
import { retryOnDeadlock, withTransaction } from '@/lib/db/transaction';
import { markDaysDirty } from '../day-rollups/engine';
import { type CreditRow, creditRows, type PaymentFacts } from './compute';
import { loadFactsById } from './facts';

// Keeps RevenueCredit equal to what the raw rows give. Every write that can change a payment's
// credits sets Payment.creditsDirty in the same statement (ledger, attribution status, a late touch
// of its visitor); rebuilding locks the dirty payments (SKIP LOCKED: a payment being written is
// left for the next pass), replaces their rows and clears the flag, all in one transaction, so a
// crash at any point leaves the flag set and the next pass finishes the job.

/** Payments per transaction: big enough to amortise, small enough to hold few locks briefly. */
const CHUNK = 500;

const COLUMNS = `"projectId", livemode, model, "paymentId", kind, "occurredAt", "customerKey", "returning", revenue, refunded, currency, amount,
  "touchId", "visitorId", channel, source, medium, campaign, "referrerDomain", "landingPath"`;
const TYPES = ['text', 'bool', '"AttributionModel"', 'text', '"CreditKind"', 'timestamp', 'text', 'bool', 'int8', 'int8', 'text', 'int8', 'int8', 'text', 'text', 'text', 'text', 'text', 'text', 'text'];
const INSERT_SQL = `INSERT INTO "RevenueCredit" (${COLUMNS}) SELECT * FROM unnest(${TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`;

/** A credit row as the values of COLUMNS. */
function rowValues(projectId: string, p: PaymentFacts, r: CreditRow): unknown[] {
  return [
    projectId,
    p.livemode,
    r.model,
    r.paymentId,
    r.kind,
    r.occurredAt,
    p.customerKey,
    p.returning,
    r.revenue,
    r.refunded,
    p.currency,
    p.amount,
    r.touch?.id ?? null,
    r.touch?.visitorId ?? null,
    r.touch?.channel ?? null,
    r.touch?.source ?? null,
    r.touch?.medium ?? null,
    r.touch?.campaign ?? null,
    r.touch?.referrer ?? null,
    r.touch?.landing_page ?? null,
  ];
}

async function insertRows(tx: PoolClient, rows: unknown[][]): Promise<void> {
  const cols: unknown[][] = TYPES.map((_, c) => rows.map((values) => values[c]));
  await tx.query(INSERT_SQL, cols);
}

/** One comparable line per row (dates as epoch ms, everything else as its text). */
const rowKey = (values: unknown[]) => values.map((v) => (v instanceof Date ? String(v.getTime()) : String(v))).join('\u0000');
const OCCURRED_AT = 5; // index of "occurredAt" in COLUMNS

/**
 * The earliest instant where the old and new rows of the rebuilt payments differ: the daily
 * revenue rollup is stale from that day on (null: nothing changed).
 */
async function earliestChange(tx: PoolClient, ids: string[], fresh: unknown[][]): Promise<Date | null> {
  const { rows } = await tx.query<{ values: unknown[]; occurredAt: Date }>(
    `SELECT ARRAY["projectId", livemode::text, model::text, "paymentId", kind::text, "occurredAt"::text, "customerKey", "returning"::text,
       revenue::text, refunded::text, currency, amount::text, "touchId"::text, "visitorId", channel, source, medium, campaign, "referrerDomain", "landingPath"] AS values,
       "occurredAt"
     FROM "RevenueCredit" WHERE "paymentId" = ANY($1::text[])`,
    [ids],
  );
  const count = new Map<string, { at: Date; n: number }>();
  for (const r of rows) {
    const values = [...r.values];
    values[OCCURRED_AT] = r.occurredAt;
    const k = rowKey(values);
    count.set(k, { at: r.occurredAt, n: (count.get(k)?.n ?? 0) + 1 });
  }
  for (const values of fresh) {
    const k = rowKey(values);
    count.set(k, { at: values[OCCURRED_AT] as Date, n: (count.get(k)?.n ?? 0) - 1 });
  }
  let earliest: Date | null = null;
  for (const { at, n } of count.values()) if (n !== 0 && (!earliest || at < earliest)) earliest = at;
  return earliest;
}

/**
 * A payment that arrives after a later one of the same customer (out-of-order delivery, a history
 * import walking backwards) makes that later payment "returning": mark it for a rebuild (the sweep
 * or the next write rebuilds it).
 */
async function markLaterPaymentsOfCustomers(paymentIds: string[]): Promise<string[]> {
  const { rows } = await retryOnDeadlock(() => pool().query<{ id: string }>(
    `UPDATE "Payment" q SET "creditsDirty" = true
     FROM "Payment" p
     WHERE p.id = ANY($1::text[]) AND p."customerId" IS NOT NULL
       AND q."projectId" = p."projectId" AND q."customerId" = p."customerId" AND q.livemode = p.livemode
       AND (q."paidAt", q.id) > (p."paidAt", p.id) AND NOT q."creditsDirty"
       AND EXISTS (SELECT 1 FROM "RevenueCredit" c WHERE c."paymentId" = q.id AND c.kind = 'payment' AND NOT c.returning)
     RETURNING q.id`,
    [paymentIds],
  ));
  return rows.map((r) => r.id);
}

/**
 * Rebuilds the credits of some dirty payments of one project (those not locked by a writer).
 * Returns the payments rebuilt and the later payments of their customers that this made stale.
 */
async function rebuildChunk(projectId: string, candidateIds: string[] | null): Promise<{ rebuilt: number; stale: string[] }> {
  const rebuilt = await withTransaction(async (tx) => {
    const locked = await tx.query<{ id: string; window: number }>(
      `SELECT p.id, pr."attributionWindowDays" AS window FROM "Payment" p JOIN "Project" pr ON pr.id = p."projectId"
       WHERE p."projectId" = $1 AND p."creditsDirty" ${candidateIds ? 'AND p.id = ANY($2::text[])' : ''}
       ORDER BY p.id LIMIT ${CHUNK} FOR UPDATE OF p SKIP LOCKED`,
      candidateIds ? [projectId, candidateIds] : [projectId],
    );
    if (locked.rows.length === 0) return [];
    const ids = locked.rows.map((r) => r.id);
    const window = locked.rows[0].window;
    const facts = await loadFactsById(tx, projectId, ids, window);
    const rows = facts.flatMap((f) => creditRows(f, window).map((r) => rowValues(projectId, f, r)));
    const changedFrom = await earliestChange(tx, ids, rows);
    await tx.query(`DELETE FROM "RevenueCredit" WHERE "paymentId" = ANY($1::text[])`, [ids]);
    if (rows.length) await insertRows(tx, rows);
    if (changedFrom) await markDaysDirty('revenue', projectId, changedFrom, tx);
    await tx.query(`UPDATE "Payment" SET "creditsDirty" = false WHERE id = ANY($1::text[])`, [ids]);
    return ids;
  });
  // After the commit, holding no lock: it waits for other writers' rows, which must not deadlock the rebuild.
  return { rebuilt: rebuilt.length, stale: rebuilt.length ? await markLaterPaymentsOfCustomers(rebuilt) : [] };
}

/** Rebuilds the given payments' credits if they are dirty (after the ledger or ingest wrote them). */
export async function rebuildCredits(projectId: string, paymentIds: string[]): Promise<number> {
  let done = 0;
  for (let queue = paymentIds; queue.length > 0; ) {
    const { rebuilt, stale } = await rebuildChunk(projectId, queue.slice(0, CHUNK));
    done += rebuilt;
    queue = [...queue.slice(CHUNK), ...stale];
  }
  return done;
}

/** Rebuilds every dirty payment of a project (or of every project) until none is left. */
export async function rebuildDirtyCredits(projectId?: string): Promise<number> {
  let done = 0;
  const projects = projectId
    ? [projectId]
    : (await pool().query<{ projectId: string }>(`SELECT DISTINCT "projectId" FROM "Payment" WHERE "creditsDirty"`)).rows.map((r) => r.projectId);
  for (const id of projects) {
    for (;;) {
      const { rebuilt } = await rebuildChunk(id, null); // payments it made stale are dirty: the next chunk takes them
      done += rebuilt;
      if (rebuilt === 0) break;
    }
  }
  return done;
}

/**
 * Touches just arrived for these visitors: their payments at or after the earliest new touch may
 * credit them now (a late beacon). Marks those payments; the caller rebuilds them.
 */
export async function markPaymentsOfVisitorsDirty(projectId: string, visitorIds: string[], since: Date): Promise<string[]> {
  if (visitorIds.length === 0) return [];
  const { rows } = await retryOnDeadlock(() =>
    pool().query<{ id: string }>(
      `UPDATE "Payment" p SET "creditsDirty" = true
       WHERE p."projectId" = $1 AND p."visitorId" = ANY($2::text[]) AND p."paidAt" + interval '1 second' > $3
       RETURNING p.id`,
      [projectId, visitorIds, since],
    ),
  );
  return rows.map((r) => r.id);
}

/** Every payment of a project (after its attribution window changed). */
export async function markProjectCreditsDirty(projectId: string): Promise<void> {
  await pool().query(`UPDATE "Payment" SET "creditsDirty" = true WHERE "projectId" = $1 AND NOT "creditsDirty"`, [projectId]);
}
